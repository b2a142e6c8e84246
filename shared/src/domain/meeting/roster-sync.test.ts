/**
 * `roster:sync`: the server keeps an open meeting's roster in step with the set. Newcomers are
 * expected and may join; people removed lose every place they held but keep their attendance;
 * a newly appointed facilitator takes over. Only the server sends it.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingCommand } from './meeting-commands.js';
import type { Participant } from './meeting-state.js';
import {
  ANN,
  BEN,
  FRAN,
  MEMBERS,
  MO,
  MeetingDriver,
  PAT,
  ZOE,
  setUpMeeting,
} from './test-support/meeting-driver.js';

const member = (personId: string): Participant => ({ personId, role: 'member' });
const FULL_ROSTER: Participant[] = [
  { personId: FRAN, role: 'facilitator' },
  ...MEMBERS.map(member),
];
const sync = (roster: Participant[]): MeetingCommand => ({ type: 'roster:sync', roster });
const without = (...ids: string[]) => FULL_ROSTER.filter((entry) => !ids.includes(entry.personId));

/** Bids from Pat (first), Mo and Ben; Pat's slot in exploring, Mo on the floor, Ann's hand up. */
function exploringPatsSlot(): MeetingDriver {
  const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid' } }));
  driver.openAndStart();
  while (driver.state.phase !== 'bidding') driver.advance();
  for (const personId of [PAT, MO, BEN])
    driver.do(personId, { type: 'bid:place', synopsis: '', minutes: 30 });
  while (driver.state.slots[0]?.stage !== 'exploring') driver.advance();
  driver.do(MO, { type: 'hand:raise' });
  driver.do(ANN, { type: 'hand:raise' });
  return driver;
}

describe('[M9] roster:sync keeps an open meeting’s roster in step with the set', () => {
  it('only the server sends it: every person is refused', () => {
    const driver = new MeetingDriver(setUpMeeting());
    for (const personId of [FRAN, PAT, 'olga']) {
      expect(driver.try(personId, sync(FULL_ROSTER))).toMatchObject({
        ok: false,
        code: 'role_not_allowed',
      });
    }
  });

  it('someone who joins the set is expected, and may join the meeting', () => {
    const driver = new MeetingDriver(setUpMeeting());
    driver.do(FRAN, { type: 'lobby:open' });
    expect(driver.do(null, sync([...FULL_ROSTER, member(ZOE)]))).toEqual([
      { type: 'roster:changed', added: [ZOE], removed: [] },
    ]);
    expect(driver.state.roster.at(-1)).toEqual(member(ZOE));
    expect(driver.state.attendance[ZOE]).toEqual({
      status: 'expected',
      joinedAt: null,
      away: false,
      gaps: [],
    });
    driver.do(ZOE, { type: 'meeting:join' });
    expect(driver.state.attendance[ZOE]?.status).toBe('present');
  });

  it('the roster the meeting already has is no change at all', () => {
    const driver = new MeetingDriver(setUpMeeting());
    const before = driver.state;
    expect(driver.try(null, sync(FULL_ROSTER))).toEqual({ ok: true, state: before, events: [] });
  });

  it('someone removed leaves the floor (it passes on) and their planned slot; attendance stays', () => {
    const driver = exploringPatsSlot();
    const events = driver.do(null, sync(without(MO, BEN)));
    expect(events).toEqual([
      { type: 'floor:released', personId: MO },
      { type: 'floor:granted', personId: ANN },
      { type: 'bid:withdrawn', slotId: 'm1-s2', personId: MO },
      { type: 'bid:withdrawn', slotId: 'm1-s3', personId: BEN },
      { type: 'roster:changed', added: [], removed: [MO, BEN] },
    ]);
    expect(driver.state.queue).toMatchObject({ floor: { personId: ANN }, hands: [] });
    expect(driver.state.slots.map((slot) => slot.presenterId)).toEqual([PAT]);
    expect(driver.state.attendance[MO]?.status).toBe('present');
    expect(driver.try(MO, { type: 'hand:raise' })).toMatchObject({ code: 'not_a_member' });
  });

  it('a presenter who is removed ends their slot: the meeting goes on to the next', () => {
    const driver = exploringPatsSlot();
    driver.do(null, sync(without(PAT)));
    expect(driver.state.slots[0]).toMatchObject({ presenterId: PAT, status: 'deferred' });
    expect(driver.state).toMatchObject({ phase: 'slot', currentSlotId: 'm1-s2' });
    expect(driver.state.queue).toMatchObject({ floor: null, hands: [] });
  });

  it('a presenter removed during a time out: the next slot waits for the facilitator to resume', () => {
    const driver = exploringPatsSlot();
    driver.do(FRAN, { type: 'timer:pause' });
    driver.do(null, sync(without(PAT)));
    expect(driver.state.currentSlotId).toBe('m1-s2');
    expect(driver.state.timer).toMatchObject({ endsAt: null, remainderMs: 60_000 * 1.5 });
  });

  it('a newly appointed facilitator takes over; the one before stays as a member', () => {
    const driver = exploringPatsSlot();
    const roster = FULL_ROSTER.map((entry) =>
      entry.personId === ANN
        ? { personId: ANN, role: 'facilitator' as const }
        : member(entry.personId),
    );
    const events = driver.do(null, sync(roster));
    expect(events).toContainEqual({ type: 'facilitation:handed_over', fromId: FRAN, toId: ANN });
    expect(driver.state).toMatchObject({ facilitatorId: ANN, actingFacilitatorId: ANN });
    // Facilitating, Ann leaves the queue (this set's facilitator keeps to the process).
    expect(driver.state.queue.hands).not.toContain(ANN);
    expect(driver.try(FRAN, { type: 'stage:advance' })).toMatchObject({ code: 'not_facilitator' });
    driver.do(ANN, { type: 'stage:advance' });
  });

  it('a closed meeting keeps the roster it closed with', () => {
    const driver = new MeetingDriver(setUpMeeting());
    driver.openAndStart();
    while (driver.state.phase !== 'closed') driver.advance();
    expect(driver.try(null, sync(without(MO)))).toMatchObject({ code: 'meeting_closed' });
  });
});
