/**
 * [AT-C2] Properties over random command sequences, clock jumps and membership changes (fast-check,
 * fixed seed; a failure prints its seed and the shrunk sequence): at most one floor holder, on
 * the roster; a slot always has its presenter; deadlines agree with time outs; airtime adds up
 * to the live time; the `floor` queue passes the floor after two questions; and time added by
 * `timer:extend` is taken from later slots (never below the shortest) or recorded as overrun.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { airtimeTotals } from './airtime.js';
import type { MeetingCommand } from './meeting-commands.js';
import { MeetingState } from './meeting-state.js';
import {
  actorFor,
  BEN,
  deepFreeze,
  FRAN,
  MEETING_STARTS_AT,
  MEMBERS,
  setUpMeeting,
} from './test-support/meeting-driver.js';
import { reduceMeeting } from './reducer.js';
import { SHORTEST_SLOT_MINUTES } from './overrun.js';
import { QUESTIONS_PER_FLOOR } from './queue.js';
import { currentPresenterId, hasJoined, isLive, isOnRoster } from './roles.js';
import {
  SetupArb,
  StepArb,
  resolveActor,
  resolveCommand,
} from './test-support/meeting-arbitraries.js';

/** The structural invariants every state must keep. */
function checkInvariants(state: MeetingState): void {
  const { floor, hands } = state.queue;
  // At most one floor holder, who is not also waiting in the queue, and hands are unique.
  expect(new Set(hands).size).toBe(hands.length);
  if (floor) {
    expect(hands).not.toContain(floor.personId);
    expect(hasJoined(state, floor.personId)).toBe(true);
    expect(floor.personId).not.toBe(currentPresenterId(state));
    expect(isOnRoster(state, floor.personId)).toBe(true);
    if (state.settings.queue === 'floor') expect(floor.questions).toBeLessThan(QUESTIONS_PER_FLOOR);
  }
  // Someone who left the set holds no place in the queue.
  for (const hand of hands) expect(isOnRoster(state, hand)).toBe(true);
  // A slot always has its presenter, who is present and not facilitating it.
  const running = state.slots.filter((slot) => slot.status === 'running');
  if (state.phase === 'slot') {
    expect(running.map((slot) => slot.id)).toEqual([state.currentSlotId]);
    const presenterId = running[0]!.presenterId;
    expect(state.roster.map((entry) => entry.personId)).toContain(presenterId);
    expect(hasJoined(state, presenterId)).toBe(true);
    expect(state.actingFacilitatorId).not.toBe(presenterId);
    expect(running[0]!.stage).not.toBeNull();
  } else {
    expect(running).toEqual([]);
    expect(state.currentSlotId).toBeNull();
  }
  // Deadlines agree with time outs: paused ⇒ no running deadline and a kept remainder.
  if (state.pausedAt !== null) {
    expect(isLive(state)).toBe(true);
    if (state.timer) expect(state.timer).toMatchObject({ endsAt: null });
    if (state.timer) expect(state.timer.remainderMs).toBeGreaterThanOrEqual(0);
  } else if (state.timer) {
    expect(state.timer.endsAt).not.toBeNull();
    expect(state.timer.remainderMs).toBeNull();
  }
  if (state.round) expect(state.round.index).toBeLessThan(Math.max(1, state.round.order.length));
}

const plannedMinutes = (state: MeetingState) =>
  state.slots
    .filter((slot) => slot.status === 'planned')
    .reduce((sum, slot) => sum + slot.minutes, 0);

/**
 * Overrun: the minutes added are taken from the planned slots, or recorded as overrun, never
 * lost or made up; no slot is cut below the shortest length, and only planned slots are cut.
 */
function checkExtensionPaid(before: MeetingState, after: MeetingState, command: MeetingCommand) {
  expect(after.overrunMinutes).toBeGreaterThanOrEqual(before.overrunMinutes);
  if (command.type !== 'timer:extend') return;
  const taken = plannedMinutes(before) - plannedMinutes(after);
  expect(taken + after.overrunMinutes - before.overrunMinutes).toBe(command.minutes);
  for (const slot of after.slots) {
    const was = before.slots.find((candidate) => candidate.id === slot.id)!;
    expect(slot.minutes).toBeLessThanOrEqual(was.minutes);
    if (slot.minutes < was.minutes) {
      expect(slot.status).toBe('planned');
      expect(slot.minutes).toBeGreaterThanOrEqual(SHORTEST_SLOT_MINUTES);
    }
  }
}

/** Time-out and resume keep the remainder exactly. */
function checkPauseArithmetic(
  before: MeetingState,
  after: MeetingState,
  command: MeetingCommand,
  now: number,
) {
  if (command.type === 'timer:pause' && before.timer?.endsAt != null) {
    expect(after.timer?.remainderMs).toBe(Math.max(0, before.timer.endsAt - now));
  }
  if (command.type === 'timer:resume' && before.timer?.remainderMs != null) {
    expect(after.timer?.endsAt).toBe(now + before.timer.remainderMs);
  }
}

/**
 * 300 runs of up to 200 commands take a few seconds alone and several times that on a loaded
 * machine: the work is fixed (a seed), so the limit only stops a run that hangs.
 */
const PROPERTY_TIMEOUT_MS = 120_000;

describe('[AT-C2] reducer properties over random command sequences and clock jumps', () => {
  it(
    '[AT-C2] floor, presenter, pause and airtime invariants hold after every command',
    { timeout: PROPERTY_TIMEOUT_MS },
    () => {
      const accepted = new Map<string, number>();
      const property = fc.property(
        SetupArb,
        fc.array(StepArb, { maxLength: 200, size: 'max' }),
        (setup, steps) => {
          let state = deepFreeze(
            setUpMeeting({
              meetingNumber: setup.meetingNumber,
              facilitatorTakesPart: setup.facilitatorTakesPart,
              settings: {
                timing: setup.timing,
                timeAllocation: setup.timeAllocation,
                advicePolicy: setup.advicePolicy,
                facilitatorAsksContentQuestions: setup.facilitatorAsksContentQuestions,
                queue: setup.queue,
                quorum: setup.quorum,
              },
              carriedOver: setup.carryOver ? [{ presenterId: BEN, minutes: 30 }] : [],
            }),
          );
          let now = MEETING_STARTS_AT - 15 * 60_000;
          let liveMs = 0;
          const apply = (actorId: string | null, command: MeetingCommand) => {
            const result = reduceMeeting(state, command, actorFor(actorId), now);
            if (!result.ok) {
              // G2: a refusal hands back the very state it was given.
              expect(result.state).toBe(state);
              return;
            }
            accepted.set(command.type, (accepted.get(command.type) ?? 0) + 1);
            MeetingState.parse(result.state);
            checkPauseArithmetic(state, result.state, command, now);
            checkExtensionPaid(state, result.state, command);
            state = deepFreeze(result.state);
            checkInvariants(state);
            expect(airtimeTotals(state, now).totalMs).toBe(liveMs);
          };
          if (setup.startFirst) {
            apply(FRAN, { type: 'lobby:open' });
            for (const personId of [FRAN, ...MEMBERS]) {
              if (!setup.absentees.includes(personId)) apply(personId, { type: 'meeting:join' });
            }
            apply(FRAN, { type: 'meeting:start' });
          }
          for (const step of steps) {
            // Airtime must cover exactly the time the meeting was live and not in a time out.
            if (isLive(state) && state.pausedAt === null) liveMs += step.elapsedMs;
            now += step.elapsedMs;
            apply(
              resolveActor(step.actor, state, step.recipe.type, step.someone),
              resolveCommand(step.recipe, state),
            );
            expect(airtimeTotals(state, now).totalMs).toBe(liveMs);
          }
        },
      );
      fc.assert(property, { seed: 42, numRuns: 300 });
      // The sequences must exercise what the properties are about, not idle in the lobby.
      for (const type of ['timer:pause', 'timer:resume', 'tick', 'hand:raise', 'stage:back']) {
        expect(accepted.get(type) ?? 0, type).toBeGreaterThan(50);
      }
      for (const type of [
        'floor:grant',
        'question:asked',
        'slot:defer',
        'break:start',
        'timer:extend',
        'roster:sync',
      ]) {
        expect(accepted.get(type) ?? 0, type).toBeGreaterThan(5);
      }
    },
  );

  it(
    '[AT-C2] random sequences reach deep into the meeting (the generator is not too timid)',
    { timeout: PROPERTY_TIMEOUT_MS },
    () => {
      const reached = new Set<string>();
      fc.assert(
        fc.property(fc.array(StepArb, { minLength: 300, maxLength: 400 }), (steps) => {
          let state = setUpMeeting({ settings: { timing: 'strict', quorum: 2 } });
          let now = MEETING_STARTS_AT;
          for (const personId of [FRAN, ...MEMBERS]) {
            const open = reduceMeeting(state, { type: 'lobby:open' }, actorFor(FRAN), now);
            if (open.ok) state = open.state;
            const joined = reduceMeeting(state, { type: 'meeting:join' }, actorFor(personId), now);
            if (joined.ok) state = joined.state;
          }
          for (const step of steps) {
            now += step.elapsedMs;
            const command = resolveCommand(step.recipe, state);
            const result = reduceMeeting(
              state,
              command,
              actorFor(resolveActor(step.actor, state, step.recipe.type, step.someone)),
              now,
            );
            if (result.ok) state = result.state;
            reached.add(
              state.phase === 'slot'
                ? `slot:${state.slots.find((s) => s.status === 'running')?.stage}`
                : state.phase,
            );
          }
        }),
        { seed: 42, numRuns: 30 },
      );
      for (const place of [
        'opening',
        'expectations_round',
        'bidding',
        'slot:exploring',
        'break',
        'closed',
      ]) {
        expect(reached).toContain(place);
      }
    },
  );
});
