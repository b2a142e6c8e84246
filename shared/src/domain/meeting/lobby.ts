/**
 * Before and at the start: the lobby, joining, apologies, the quorum check. Attendance comes
 * from these: present (joined before the start), late (after), apologies, and absent (neither,
 * by the close).
 */
import { moveTo } from './flow.js';
import { MeetingErrorCode } from './meeting-errors.js';
import type { MeetingState } from './meeting-state.js';
import { hasJoined, takesPart } from './roles.js';
import { addLateJoinerToRound } from './rounds.js';
import type { Step, StepOutcome } from './step.js';

/** Opens the lobby (by the facilitator early, or by the clock). */
export function openLobby(step: Step): StepOutcome {
  if (step.state.phase !== 'scheduled') return MeetingErrorCode.wrongStage;
  step.state.phase = 'lobby';
  step.events.push({ type: 'lobby:opened' });
  return undefined;
}

/** How many of those who take part have joined. */
export function presentCount(state: MeetingState): number {
  return state.roster.filter(
    (entry) => takesPart(state, entry.personId) && hasJoined(state, entry.personId),
  ).length;
}

/** Whether enough members have joined to start (the set's `quorum`). */
export function hasQuorum(state: MeetingState): boolean {
  return presentCount(state) >= state.settings.quorum;
}

/**
 * `meeting:start`: from the lobby to the opening, once there is a quorum. Without one the
 * facilitator may still start by giving a reason, which the meeting keeps (M14).
 */
export function startMeeting(step: Step, belowQuorumReason?: string): StepOutcome {
  const { state } = step;
  if (state.phase !== 'lobby') return MeetingErrorCode.wrongStage;
  const quorate = hasQuorum(state);
  if (!quorate && belowQuorumReason === undefined) return MeetingErrorCode.noQuorum;
  if (!quorate && belowQuorumReason !== undefined) {
    const { quorum } = state.settings;
    state.belowQuorumStart = { reason: belowQuorumReason, present: presentCount(state), quorum };
  }
  const opening = { phase: 'opening' as const, slotId: null, stage: null, turnIndex: null };
  const outcome = moveTo(step, opening, 'facilitator', { recordHistory: false });
  if (outcome) return outcome;
  state.startedAt = step.now;
  // Airtime counts from the start; the lobby is not meeting time.
  state.airtime.accruedTo = step.now;
  step.events.unshift(
    state.belowQuorumStart
      ? { type: 'meeting:started', belowQuorum: state.belowQuorumStart.reason }
      : { type: 'meeting:started' },
  );
  return undefined;
}

/** `meeting:join`: into the lobby (present) or the meeting under way (late). */
export function joinMeeting(step: Step): StepOutcome {
  const { state, actorId } = step;
  if (!actorId) return MeetingErrorCode.notAMember;
  if (state.phase === 'scheduled') return MeetingErrorCode.wrongStage;
  if (hasJoined(state, actorId)) return MeetingErrorCode.alreadyJoined;
  const status = state.phase === 'lobby' ? 'present' : 'late';
  state.attendance[actorId] = { status, joinedAt: step.now, away: false, gaps: [] };
  addLateJoinerToRound(state, actorId);
  step.events.push({ type: 'participant:joined', personId: actorId, status });
  return undefined;
}

/** `apologies:send`: someone who has not joined says they cannot come. */
export function sendApologies(step: Step): StepOutcome {
  const { state, actorId } = step;
  if (!actorId) return MeetingErrorCode.notAMember;
  if (hasJoined(state, actorId)) return MeetingErrorCode.alreadyJoined;
  if (state.attendance[actorId]?.status === 'apologies') return MeetingErrorCode.alreadyApologised;
  state.attendance[actorId] = { status: 'apologies', joinedAt: null, away: false, gaps: [] };
  step.events.push({ type: 'apologies:sent', personId: actorId });
  return undefined;
}

/**
 * `apologies:withdraw`: someone who sent apologies is coming after all. Only before the start:
 * once the meeting is under way they simply join (late).
 */
export function withdrawApologies(step: Step): StepOutcome {
  const { state, actorId } = step;
  if (!actorId) return MeetingErrorCode.notAMember;
  if (hasJoined(state, actorId)) return MeetingErrorCode.alreadyJoined;
  if (state.phase !== 'scheduled' && state.phase !== 'lobby') return MeetingErrorCode.wrongStage;
  if (state.attendance[actorId]?.status !== 'apologies') return MeetingErrorCode.noApologies;
  state.attendance[actorId] = { status: 'expected', joinedAt: null, away: false, gaps: [] };
  step.events.push({ type: 'apologies:withdrawn', personId: actorId });
  return undefined;
}
