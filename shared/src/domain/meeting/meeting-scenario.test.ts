import { describe, expect, it } from 'vitest';
import { airtimeTotals } from './airtime.js';
import type { MeetingEvent } from './meeting-events.js';
import type { MeetingState } from './meeting-state.js';
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

const where = (state: MeetingState) => {
  const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
  return {
    phase: state.phase,
    stage: slot?.stage ?? null,
    turn: state.round ? state.round.order[state.round.index] : null,
  };
};
const moves = (events: MeetingEvent[]) =>
  events.filter((event) => event.type === 'position:changed').map((event) => event.cause);

describe('a first meeting, driven through the reducer with a strict clock', () => {
  const driver = new MeetingDriver(
    setUpMeeting({
      settings: {
        timeAllocation: 'bid',
        timing: 'strict',
        advicePolicy: 'questions_only',
        facilitatorAsksContentQuestions: false,
        quorum: 3,
      },
    }),
  );
  let pausedMs = 0;

  it('opens the lobby on time and starts only with a quorum', () => {
    expect(driver.wait(0)).toEqual([{ type: 'lobby:opened' }]);
    for (const personId of [FRAN, PAT, MO]) driver.do(personId, { type: 'meeting:join' });
    const before = driver.state;
    const refused = driver.try(FRAN, { type: 'meeting:start' });
    expect(refused).toEqual({ ok: false, code: 'no_quorum', state: before });
    driver.do(ANN, { type: 'meeting:join' });
    driver.now = MEETING_STARTS_AT;
    expect(driver.do(FRAN, { type: 'meeting:start' })[0]).toEqual({ type: 'meeting:started' });
    expect(where(driver.state)).toEqual({ phase: 'opening', stage: null, turn: null });
    expect(driver.state.timer?.endsAt).toBe(MEETING_STARTS_AT + 5 * MS_PER_MINUTE);
  });

  it('moves on by itself when the opening is over, into contracting with a speaking queue', () => {
    expect(moves(driver.waitMinutes(5))).toEqual(['clock']);
    expect(where(driver.state).phase).toBe('contracting');
    driver.do(MO, { type: 'hand:raise' });
    driver.do(PAT, { type: 'hand:raise' });
    expect(driver.state.queue.floor?.personId).toBe(MO);
    driver.do(MO, { type: 'turn:pass' });
    expect(driver.state.queue).toMatchObject({ floor: { personId: PAT }, hands: [] });
  });

  it('runs the expectations round with equal time and hands over when time is up', () => {
    driver.waitMinutes(30);
    expect(where(driver.state)).toEqual({ phase: 'expectations_round', stage: null, turn: PAT });
    expect(driver.state.queue.floor).toBeNull();
    driver.do(BEN, { type: 'meeting:join' });
    expect(driver.state.attendance[BEN]?.status).toBe('late');
    expect(driver.state.round?.order).toEqual([PAT, MO, ANN, BEN]);
    expect(driver.waitMinutes(3)).toEqual([{ type: 'time:warning', remainingMs: 120_000 }]);
    expect(moves(driver.waitMinutes(2))).toEqual(['clock']);
    expect(where(driver.state).turn).toBe(MO);
    driver.now += MS_PER_MINUTE;
    expect(driver.try(PAT, { type: 'turn:pass' })).toMatchObject({ code: 'not_your_turn' });
    expect(moves(driver.do(MO, { type: 'turn:pass' }))).toEqual(['member']);
    expect(where(driver.state).turn).toBe(ANN);
    driver.do(FRAN, { type: 'timer:extend', minutes: 2 });
    driver.waitMinutes(5);
    expect(where(driver.state).turn).toBe(ANN);
    driver.waitMinutes(2);
    expect(where(driver.state).turn).toBe(BEN);
    driver.waitMinutes(5);
    expect(where(driver.state).phase).toBe('objectives');
  });

  it('takes bids, lets the facilitator fix the order, and starts the first slot', () => {
    driver.waitMinutes(20);
    driver.advance();
    expect(where(driver.state).phase).toBe('bidding');
    driver.do(PAT, { type: 'bid:place', synopsis: 'Merging two rotas', minutes: 30 });
    driver.do(MO, { type: 'bid:place', synopsis: 'Sickness absence', minutes: 20 });
    driver.do(ANN, { type: 'bid:place', synopsis: 'A new role', minutes: 20 });
    driver.do(ANN, { type: 'bid:withdraw' });
    const [pat, mo] = driver.state.slots;
    driver.do(FRAN, { type: 'slots:reorder', slotIds: [mo!.id, pat!.id] });
    driver.advance();
    expect(where(driver.state)).toEqual({ phase: 'slot', stage: 'contracting', turn: null });
    expect(driver.state.currentSlotId).toBe(mo!.id);
    // A 20-minute slot halves the 40-minute defaults: contracting takes one minute.
    expect(driver.state.timer?.durationMs).toBe(MS_PER_MINUTE);
  });

  it('keeps the remainder through a time out and lets the presenter finish presenting', () => {
    driver.waitMinutes(1);
    expect(where(driver.state).stage).toBe('presenting');
    driver.waitMinutes(1);
    driver.do(FRAN, { type: 'timer:pause' });
    expect(driver.state.timer).toMatchObject({ endsAt: null, remainderMs: 1.5 * MS_PER_MINUTE });
    expect(driver.try(MO, { type: 'presenting:finish' })).toMatchObject({
      code: 'meeting_paused',
    });
    driver.now += 10 * MS_PER_MINUTE;
    pausedMs += 10 * MS_PER_MINUTE;
    expect(driver.try(null, { type: 'tick' })).toMatchObject({ ok: true, events: [] });
    driver.do(FRAN, { type: 'timer:resume' });
    expect(driver.state.timer?.endsAt).toBe(driver.now + 1.5 * MS_PER_MINUTE);
    driver.do(MO, { type: 'presenting:finish' });
    expect(where(driver.state).stage).toBe('clarifying');
  });

  it('passes the floor after a question and a follow-up, quietest first', () => {
    expect(driver.try(MO, { type: 'hand:raise' })).toMatchObject({ code: 'role_not_allowed' });
    driver.do(PAT, { type: 'hand:raise' });
    driver.do(ANN, { type: 'hand:raise' });
    expect(driver.try(ANN, { type: 'question:asked' })).toMatchObject({ code: 'not_your_turn' });
    driver.do(PAT, { type: 'question:asked' });
    driver.do(PAT, { type: 'question:asked' });
    expect(driver.state.queue.floor?.personId).toBe(ANN);
    driver.do(PAT, { type: 'hand:raise' });
    driver.do(BEN, { type: 'hand:raise' });
    driver.do(ANN, { type: 'question:asked' });
    driver.do(ANN, { type: 'turn:pass' });
    // Ben has not spoken in this slot; Pat has, though Pat raised first.
    expect(driver.state.queue.floor?.personId).toBe(BEN);
  });

  it('goes back a stage, then lets the clock run the slot to its end', () => {
    driver.advance();
    expect(where(driver.state).stage).toBe('exploring');
    driver.do(FRAN, { type: 'stage:back' });
    expect(where(driver.state).stage).toBe('clarifying');
    const stages = [where(driver.state).stage];
    for (let minute = 0; minute < 30 && where(driver.state).stage !== 'complete'; minute += 1) {
      driver.waitMinutes(1);
      const stage = where(driver.state).stage;
      if (stage !== stages.at(-1)) stages.push(stage);
    }
    expect(stages).toEqual([
      'clarifying',
      'exploring',
      'reflecting_back',
      'action_planning',
      'presenter_feedback',
      'complete',
    ]);
    expect(driver.state.timer).toBeNull();
  });

  it('takes a break, starts the next slot, and defers it to the next meeting', () => {
    driver.do(FRAN, { type: 'break:start', minutes: 10 });
    expect(where(driver.state).phase).toBe('break');
    driver.waitMinutes(10);
    expect(where(driver.state)).toEqual({ phase: 'slot', stage: 'contracting', turn: null });
    const patSlot = driver.state.currentSlotId!;
    driver.do(FRAN, { type: 'slot:defer', slotId: patSlot });
    expect(where(driver.state).phase).toBe('process_review');
    expect(driver.state.slots.find((slot) => slot.id === patSlot)?.status).toBe('deferred');
  });

  it('closes with attendance recorded and airtime adding up to the live time', () => {
    driver.waitMinutes(15);
    driver.waitMinutes(5);
    expect(driver.state.phase).toBe('closed');
    expect(driver.events.at(-1)).toEqual({ type: 'meeting:closed' });
    const statuses = Object.fromEntries(
      Object.entries(driver.state.attendance).map(([id, entry]) => [id, entry.status]),
    );
    expect(statuses).toEqual({
      [FRAN]: 'present',
      [PAT]: 'present',
      [MO]: 'present',
      [ANN]: 'present',
      [BEN]: 'late',
    });
    const totals = airtimeTotals(driver.state, driver.now + 60 * MS_PER_MINUTE);
    const liveMs = driver.state.closedAt! - driver.state.startedAt! - pausedMs;
    expect(totals.totalMs).toBe(liveMs);
    // Each member had a five-minute expectations turn at least; Ann's was extended.
    expect(totals.byPersonMs[ANN]).toBeGreaterThanOrEqual(7 * MS_PER_MINUTE);
    expect(driver.try(MO, { type: 'hand:raise' })).toMatchObject({ code: 'meeting_closed' });
  });
});

describe('a second meeting: check-in, bids, a facilitator who presents, advisory timing', () => {
  const driver = new MeetingDriver(
    setUpMeeting({
      meetingId: 'm2',
      meetingNumber: 2,
      facilitatorTakesPart: true,
      settings: {
        timeAllocation: 'bid',
        timing: 'advisory',
        advicePolicy: 'offers_round_if_presenter_opts_in',
        facilitatorAsksContentQuestions: false,
        quorum: 4,
      },
      carriedOver: [{ presenterId: PAT, synopsis: 'Merging two rotas', minutes: 30 }],
    }),
  );

  it('records apologies and starts with the facilitator counted toward the quorum', () => {
    driver.do(ANN, { type: 'apologies:send' });
    driver.do(FRAN, { type: 'lobby:open' });
    for (const personId of [FRAN, PAT, MO, BEN]) driver.do(personId, { type: 'meeting:join' });
    driver.do(FRAN, { type: 'meeting:start' });
    driver.advance();
    expect(where(driver.state)).toEqual({ phase: 'check_in', stage: null, turn: FRAN });
  });

  it('only prompts the facilitator when a check-in turn runs over', () => {
    // One tick past the deadline: no late warnings, just "time up".
    expect(driver.waitMinutes(5)).toEqual([{ type: 'time:up' }]);
    expect(driver.waitMinutes(1)).toEqual([]);
    expect(driver.state.timer?.timeUp).toBe(true);
    expect(where(driver.state).turn).toBe(FRAN);
    driver.advance();
    for (const personId of [PAT, MO, BEN]) {
      expect(where(driver.state).turn).toBe(personId);
      driver.now += 3 * MS_PER_MINUTE;
      driver.do(personId, { type: 'turn:pass' });
    }
    expect(where(driver.state).phase).toBe('objectives');
  });

  it('plans the carried-over slot first and the facilitator’s bid after it', () => {
    driver.advance();
    driver.do(FRAN, { type: 'bid:place', synopsis: 'Facilitating across Trusts', minutes: 20 });
    expect(driver.state.slots.map((slot) => slot.presenterId)).toEqual([PAT, FRAN]);
    driver.advance();
    expect(driver.state.slots[0]?.status).toBe('running');
    driver.do(PAT, { type: 'offers:choose', optIn: true });
  });

  it('runs a slot with an offers round when the presenter opts in', () => {
    const stages = [];
    while (where(driver.state).stage !== 'complete') {
      driver.now += MS_PER_MINUTE;
      driver.advance();
      stages.push(where(driver.state).stage);
    }
    expect(stages).toEqual([
      'presenting',
      'clarifying',
      'exploring',
      'reflecting_back',
      'offers',
      'action_planning',
      'presenter_feedback',
      'complete',
    ]);
  });

  it('makes the facilitator hand over before presenting, and takes it back afterwards', () => {
    expect(driver.try(FRAN, { type: 'stage:advance' })).toMatchObject({
      code: 'handover_required',
    });
    driver.do(FRAN, { type: 'facilitation:handover', personId: MO });
    expect(driver.try(FRAN, { type: 'stage:advance' })).toMatchObject({ code: 'not_facilitator' });
    driver.do(MO, { type: 'stage:advance' });
    expect(driver.state.actingFacilitatorId).toBe(MO);
    expect(driver.try(FRAN, { type: 'facilitation:handover', personId: FRAN })).toMatchObject({
      code: 'facilitator_presenting',
    });
    while (where(driver.state).stage !== 'complete') {
      driver.now += MS_PER_MINUTE;
      driver.do(MO, { type: 'stage:advance' });
    }
    const events = driver.do(MO, { type: 'stage:advance' });
    expect(events).toContainEqual({ type: 'facilitation:handed_over', fromId: MO, toId: FRAN });
    expect(where(driver.state).phase).toBe('process_review');
  });

  it('closes with apologies kept and airtime for everyone who spoke', () => {
    driver.advance();
    driver.advance();
    expect(driver.state.phase).toBe('closed');
    expect(driver.state.attendance[ANN]?.status).toBe('apologies');
    const totals = airtimeTotals(driver.state, driver.now);
    expect(totals.totalMs).toBe(driver.state.closedAt! - driver.state.startedAt!);
    for (const personId of [FRAN, PAT, MO, BEN])
      expect(totals.byPersonMs[personId]).toBeGreaterThan(0);
  });
});
