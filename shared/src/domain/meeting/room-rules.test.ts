/**
 * The live room's rules (docs/protocol.md M13–M15): presence left and back, starting below
 * quorum with a reason, raised hands carried from clarifying into exploring, the agenda against
 * the clock, and an extension that never changes the next meeting's plan.
 */
import { describe, expect, it } from 'vitest';
import { meetingSchedule, plannedStartOf } from './schedule.js';
import {
  ANN,
  BEN,
  FRAN,
  MEETING_STARTS_AT,
  MO,
  MeetingDriver,
  PAT,
  setUpMeeting,
} from './test-support/meeting-driver.js';
import { MS_PER_MINUTE } from './timings.js';

/** Pat's slot at clarifying, with Mo holding the floor and Ann's then Ben's hands up. */
function clarifyingWithHands(): MeetingDriver {
  const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid' } }));
  driver.openAndStart();
  while (driver.state.phase !== 'bidding') driver.advance();
  driver.do(PAT, { type: 'bid:place', synopsis: 'Rotas', minutes: 40 });
  driver.advance(); // contracting
  driver.advance(); // presenting
  driver.advance(); // clarifying
  for (const personId of [MO, ANN, BEN]) driver.do(personId, { type: 'hand:raise' });
  return driver;
}

describe('[M13] presence: left and back', () => {
  it('[M13] someone who leaves is marked away, loses the floor, and is recorded back on return', () => {
    const driver = clarifyingWithHands();
    expect(driver.state.queue.floor?.personId).toBe(MO);
    driver.now += MS_PER_MINUTE;
    const leftAt = driver.now;
    const left = driver.do(null, { type: 'presence:left', personId: MO });
    expect(left).toContainEqual({ type: 'participant:left', personId: MO });
    expect(driver.state.attendance[MO]).toMatchObject({
      status: 'present',
      away: true,
      gaps: [{ leftAt, backAt: null }],
    });
    // The floor passed on to the next hand; Mo cannot be given it while away.
    expect(driver.state.queue.floor?.personId).toBe(ANN);
    expect(driver.try(FRAN, { type: 'floor:grant', personId: MO })).toMatchObject({
      ok: false,
      code: 'invalid_person',
    });
    driver.now += MS_PER_MINUTE;
    const back = driver.do(null, { type: 'presence:back', personId: MO });
    expect(back).toEqual([{ type: 'participant:back', personId: MO }]);
    expect(driver.state.attendance[MO]).toMatchObject({
      away: false,
      gaps: [{ leftAt, backAt: leftAt + MS_PER_MINUTE }],
    });
  });

  it('[M13] leaving twice, or coming back without having left, changes nothing', () => {
    const driver = clarifyingWithHands();
    driver.do(null, { type: 'presence:left', personId: MO });
    const before = driver.state;
    expect(driver.do(null, { type: 'presence:left', personId: MO })).toEqual([]);
    expect(driver.state).toBe(before);
    expect(driver.do(null, { type: 'presence:back', personId: ANN })).toEqual([]);
  });

  it('[M13] a person cannot send presence for themselves, and someone off the roster is refused', () => {
    const driver = clarifyingWithHands();
    expect(driver.try(MO, { type: 'presence:left', personId: MO })).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
    expect(driver.try(null, { type: 'presence:left', personId: 'nobody' })).toMatchObject({
      ok: false,
      code: 'invalid_person',
    });
  });
});

describe('[M14] starting below quorum', () => {
  it('[M14] refuses without a reason, and records the reason given', () => {
    const driver = new MeetingDriver(setUpMeeting({ settings: { quorum: 4 } }));
    driver.do(FRAN, { type: 'lobby:open' });
    for (const personId of [FRAN, PAT, MO]) driver.do(personId, { type: 'meeting:join' });
    expect(driver.try(FRAN, { type: 'meeting:start' })).toMatchObject({ code: 'no_quorum' });
    const events = driver.do(FRAN, {
      type: 'meeting:start',
      belowQuorumReason: 'Two on leave; agreed last time to meet anyway',
    });
    expect(events[0]).toEqual({
      type: 'meeting:started',
      belowQuorum: 'Two on leave; agreed last time to meet anyway',
    });
    expect(driver.state.phase).toBe('opening');
    expect(driver.state.belowQuorumStart).toEqual({
      reason: 'Two on leave; agreed last time to meet anyway',
      present: 2,
      quorum: 4,
    });
  });

  it('[M14] with a quorum, a start records nothing', () => {
    const driver = new MeetingDriver(setUpMeeting());
    driver.openAndStart();
    expect(driver.state.belowQuorumStart).toBeNull();
  });
});

describe('[M15] raised hands carry from clarifying into exploring', () => {
  it('[M15] the hands stay up in order and the floor goes to the next of them', () => {
    const driver = clarifyingWithHands();
    const events = driver.advance(); // exploring
    expect(driver.state.slots[0]?.stage).toBe('exploring');
    expect(events).toContainEqual({ type: 'hands:carried', personIds: [ANN, BEN] });
    // Mo had the floor in clarifying; Ann and Ben have had fewer turns: Ann first.
    expect(driver.state.queue.floor?.personId).toBe(ANN);
    expect(driver.state.queue.hands).toEqual([BEN]);
  });

  it('[M15] other moves still lower every hand', () => {
    const driver = clarifyingWithHands();
    driver.advance(); // exploring
    driver.advance(); // reflecting back
    expect(driver.state.queue).toMatchObject({ hands: [], floor: null });
  });
});

describe('[M12] the agenda against the clock', () => {
  it('[M12] gives each part a start time and says by how much the slots overrun the end', () => {
    const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid' } }));
    driver.openAndStart();
    while (driver.state.phase !== 'bidding') driver.advance();
    driver.do(PAT, { type: 'bid:place', synopsis: '', minutes: 60 });
    driver.do(MO, { type: 'bid:place', synopsis: '', minutes: 60 });
    const start = plannedStartOf(driver.state);
    expect(start).toBe(MEETING_STARTS_AT);
    // Opening 5, contracting 30, expectations 4 × 5, objectives 25, bidding 10 = 90 minutes.
    const endsAt = start + 4 * 60 * MS_PER_MINUTE;
    const schedule = meetingSchedule(driver.state, endsAt);
    const slotStart = schedule.parts.find((part) => part.slotId === 'm1-s1')?.startsAt;
    expect(slotStart).toBe(start + 90 * MS_PER_MINUTE);
    // 90 + 60 + 60 + review 15 + closing 5 = 230 minutes: fits in four hours.
    expect(schedule.overByMinutes).toBe(0);
    const tight = meetingSchedule(driver.state, start + 3 * 60 * MS_PER_MINUTE);
    expect(tight.overByMinutes).toBe(50);
  });

  it('[M12] an extension cuts the later slots here but records the cut for the next meeting', () => {
    const driver = new MeetingDriver(setUpMeeting({ settings: { timeAllocation: 'bid' } }));
    driver.openAndStart();
    while (driver.state.phase !== 'bidding') driver.advance();
    driver.do(PAT, { type: 'bid:place', synopsis: '', minutes: 40 });
    driver.do(MO, { type: 'bid:place', synopsis: '', minutes: 40 });
    driver.advance(); // Pat's slot
    driver.do(FRAN, { type: 'timer:extend', minutes: 6 });
    const mo = driver.state.slots[1]!;
    expect(mo).toMatchObject({ minutes: 34, cutMinutes: 6 });
    expect(mo.minutes + (mo.cutMinutes ?? 0)).toBe(40);
  });
});
