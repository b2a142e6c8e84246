/**
 * The working copy a command handler changes. The reducer clones the stored state first, so a
 * handler may change `step.state` freely; when it refuses, the copy is thrown away and the
 * caller keeps the untouched original (G2).
 */
import type { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingEvent } from './meeting-events.js';
import type { MeetingState } from './meeting-state.js';

export interface Step {
  state: MeetingState;
  events: MeetingEvent[];
  now: number;
  actorId: string | null;
}

/** A handler's answer: nothing when it succeeded, or why it refused. */
export type StepOutcome = MeetingErrorCode | undefined;

/**
 * A deep copy. The state is plain JSON by construction (it is stored and broadcast as JSON),
 * and JSON works in every runtime without `structuredClone`'s DOM or Node typings.
 */
export function cloneState(state: MeetingState): MeetingState {
  return JSON.parse(JSON.stringify(state)) as MeetingState;
}
