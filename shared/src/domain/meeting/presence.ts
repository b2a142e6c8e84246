/**
 * Presence (M13): who is in the room now, as opposed to who came. The server sees a person's
 * connections; when the last one that was watching the meeting closes it issues `presence:left`,
 * and when one subscribes again `presence:back`. Both are the server's own commands. Attendance
 * keeps each gap (left at, back at), so the record shows "left early" and "came back".
 */
import { MeetingErrorCode } from './meeting-errors.js';
import { MAX_PRESENCE_GAPS } from './meeting-state.js';
import { leaveQueue } from './queue.js';
import { hasJoined, isOnRoster } from './roles.js';
import type { Step, StepOutcome } from './step.js';

/** Whether the person joined and is connected now (not away). */
export function isHere(state: Step['state'], personId: string): boolean {
  return hasJoined(state, personId) && state.attendance[personId]?.away !== true;
}

/** Whether presence counts now: from the lobby to the close. */
function presenceCounts(state: Step['state']): boolean {
  return state.phase !== 'scheduled' && state.phase !== 'closed';
}

/**
 * `presence:left`: someone who had joined has no connection on the meeting any more. They lose
 * a raised hand and the floor (it passes on) and their "ready"; their turn in a round stays, so
 * the facilitator decides whether to move on. Nothing to do (not joined, already away): no change.
 */
export function markLeft(step: Step, personId: string): StepOutcome {
  const { state } = step;
  if (!isOnRoster(state, personId)) return MeetingErrorCode.invalidPerson;
  const entry = state.attendance[personId];
  if (!presenceCounts(state) || !entry || !hasJoined(state, personId) || entry.away)
    return undefined;
  entry.away = true;
  entry.gaps = [...entry.gaps, { leftAt: step.now, backAt: null }].slice(-MAX_PRESENCE_GAPS);
  const { queue } = state;
  if (queue.floor?.personId === personId || queue.hands.includes(personId))
    leaveQueue(step, personId);
  state.ready = state.ready.filter((id) => id !== personId);
  step.events.push({ type: 'participant:left', personId });
  return undefined;
}

/** `presence:back`: someone marked away is connected again. Anyone else: no change. */
export function markBack(step: Step, personId: string): StepOutcome {
  const { state } = step;
  if (!isOnRoster(state, personId)) return MeetingErrorCode.invalidPerson;
  const entry = state.attendance[personId];
  if (!entry?.away) return undefined;
  entry.away = false;
  const last = entry.gaps.at(-1);
  if (last && last.backAt === null) last.backAt = step.now;
  step.events.push({ type: 'participant:back', personId });
  return undefined;
}
