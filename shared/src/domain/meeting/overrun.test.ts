/**
 * Overrun (docs/domain.md): `timer:extend` takes its minutes from the slots still planned, in equal
 * shares, never leaving a slot under 20 minutes; what they cannot give is recorded as overrun.
 * The expected lengths below are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { durationMsOf, positionOf } from './agenda.js';
import {
  ANN,
  BEN,
  FRAN,
  MO,
  MeetingDriver,
  PAT,
  setUpMeeting,
} from './test-support/meeting-driver.js';
import { MS_PER_MINUTE } from './timings.js';

/** Pat presents first; Mo, Ann and Ben bid for `minutes` (in that order) and wait. */
function duringPatsSlot(minutes: [number, number, number]): MeetingDriver {
  const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid' } }));
  driver.openAndStart();
  while (driver.state.phase !== 'bidding') driver.advance();
  driver.do(PAT, { type: 'bid:place', synopsis: '', minutes: 40 });
  [MO, ANN, BEN].forEach((personId, index) =>
    driver.do(personId, { type: 'bid:place', synopsis: '', minutes: minutes[index]! }),
  );
  driver.advance(); // Pat's slot: contracting
  driver.advance(); // presenting
  return driver;
}

const later = (driver: MeetingDriver) => driver.state.slots.slice(1).map((slot) => slot.minutes);

describe('[M12] the facilitator extends: time comes from later slots', () => {
  const cases: Array<{
    name: string;
    before: [number, number, number];
    extend: number;
    after: [number, number, number];
    overrun: number;
  }> = [
    { name: 'equal shares', before: [40, 40, 40], extend: 6, after: [38, 38, 38], overrun: 0 },
    {
      name: 'a minute left over comes from the latest slot',
      before: [40, 40, 40],
      extend: 4,
      after: [39, 39, 38],
      overrun: 0,
    },
    {
      name: 'a slot at 20 minutes stops giving; the others share the rest',
      before: [40, 25, 40],
      extend: 20,
      after: [33, 20, 32],
      overrun: 0,
    },
    {
      name: 'what the slots cannot give is overrun; a short bid is never cut',
      before: [22, 21, 15],
      extend: 10,
      after: [20, 20, 15],
      overrun: 7,
    },
  ];
  it.each(cases)('$name: $before + $extend → $after, overrun $overrun', (example) => {
    const driver = duringPatsSlot(example.before);
    const endsAt = driver.state.timer!.endsAt!;
    const events = driver.do(driver.state.actingFacilitatorId, {
      type: 'timer:extend',
      minutes: example.extend,
    });
    expect(driver.state.timer!.endsAt).toBe(endsAt + example.extend * MS_PER_MINUTE);
    expect(driver.state.slots[0]!.minutes).toBe(40);
    expect(later(driver)).toEqual(example.after);
    expect(driver.state.overrunMinutes).toBe(example.overrun);
    const shortened = events.find((event) => event.type === 'slots:shortened');
    const overran = events.find((event) => event.type === 'meeting:overran');
    expect(overran).toEqual(
      example.overrun > 0
        ? { type: 'meeting:overran', minutes: example.overrun, totalMinutes: example.overrun }
        : undefined,
    );
    const cut = example.before.reduce(
      (sum, minutes, index) => sum + minutes - example.after[index]!,
      0,
    );
    expect(cut).toBe(example.extend - example.overrun);
    if (shortened?.type === 'slots:shortened') {
      expect(shortened.slots.reduce((sum, slot) => sum + slot.byMinutes, 0)).toBe(cut);
    }
  });

  it('reports each cut slot with its new length', () => {
    const driver = duringPatsSlot([40, 25, 40]);
    const events = driver.do(driver.state.actingFacilitatorId, {
      type: 'timer:extend',
      minutes: 20,
    });
    expect(events.find((event) => event.type === 'slots:shortened')).toEqual({
      type: 'slots:shortened',
      slots: [
        { slotId: 'm1-s2', byMinutes: 7, minutes: 33 },
        { slotId: 'm1-s3', byMinutes: 5, minutes: 20 },
        { slotId: 'm1-s4', byMinutes: 8, minutes: 32 },
      ],
    });
  });

  it('a shortened slot runs its stages in proportion to its new length', () => {
    const driver = duringPatsSlot([22, 40, 40]);
    driver.do(driver.state.actingFacilitatorId, { type: 'timer:extend', minutes: 6 });
    expect(later(driver)).toEqual([20, 38, 38]);
    while (driver.state.currentSlotId !== 'm1-s2') driver.advance();
    // Contracting is 2 of the standard 40 minutes: 1 minute of a 20-minute slot.
    expect(positionOf(driver.state).stage).toBe('contracting');
    expect(durationMsOf(driver.state, positionOf(driver.state))).toBe(MS_PER_MINUTE);
  });

  it('past the slots, every added minute is overrun, and overrun adds up', () => {
    // Ben's carried-over slot stays planned (he is not here) but is not ahead any more.
    const driver = new MeetingDriver(
      setUpMeeting({
        settings: { quorum: 3 },
        carriedOver: [{ presenterId: BEN, minutes: 30 }],
      }),
    );
    driver.openAndStart([FRAN, PAT, MO, ANN]);
    while (driver.state.phase !== 'process_review') driver.advance();
    expect(driver.state.slots.find((slot) => slot.presenterId === BEN)?.status).toBe('planned');
    driver.do(FRAN, { type: 'timer:extend', minutes: 5 });
    driver.do(FRAN, { type: 'timer:extend', minutes: 3 });
    expect(driver.state.overrunMinutes).toBe(8);
    expect(driver.events.filter((event) => event.type === 'slots:shortened')).toEqual([]);
    expect(driver.state.slots.find((slot) => slot.presenterId === BEN)?.minutes).toBe(30);
  });

  it('before the slots, the carried-over and bid slots give the time', () => {
    const driver = new MeetingDriver(
      setUpMeeting({ carriedOver: [{ presenterId: BEN, minutes: 30 }] }),
    );
    driver.openAndStart();
    driver.do(FRAN, { type: 'timer:extend', minutes: 4 });
    expect(driver.state.slots.map((slot) => slot.minutes)).toEqual([26]);
    expect(driver.state.overrunMinutes).toBe(0);
  });
});
