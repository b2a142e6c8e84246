/** Where each of a set's planned meetings stands, read from the live meeting records. */
import { meetingIdOf, type MeetingPhase, type MeetingProgress } from '@setboard/shared';
import type { MeetingService } from './meeting-service.js';

/** A live meeting's phase as progress: opened but not started, running, or held. */
export function progressOfPhase(phase: MeetingPhase | null): MeetingProgress {
  if (phase === null) return 'planned';
  // The lobby is open but the meeting has not started: people are still arriving.
  if (phase === 'scheduled' || phase === 'lobby') return 'opened';
  return phase === 'closed' ? 'held' : 'running';
}

/** The progress of the set's meetings 0 … count − 1, in order. */
export async function meetingProgressOf(
  meetings: Pick<MeetingService, 'get'>,
  setId: string,
  count: number,
): Promise<MeetingProgress[]> {
  const stored = await Promise.all(
    Array.from({ length: count }, (_, index) => meetings.get(meetingIdOf(setId, index))),
  );
  return stored.map((meeting) => progressOfPhase(meeting?.state.phase ?? null));
}
