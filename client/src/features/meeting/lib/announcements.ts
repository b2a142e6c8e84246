/**
 * What a screen reader hears when the meeting changes: turn changes, "your turn" and time
 * warnings, from the events of a `meeting:changed`. Everything else stays silent, and so does
 * the countdown's every second.
 */
import type { MeetingEvent, MeetingState } from '@setboard/shared';
import { currentStageLabel } from './agenda-items';
import { describeDuration } from './countdown';

export interface AnnouncementContext {
  state: MeetingState;
  selfId: string;
  nameOf: (personId: string) => string;
}

function announce(event: MeetingEvent, context: AnnouncementContext): string | null {
  const { selfId, nameOf, state } = context;
  switch (event.type) {
    case 'meeting:started':
      return 'The meeting has started.';
    case 'position:changed': {
      const now = `Now: ${currentStageLabel(state)}.`;
      if (event.turnHolderId === selfId) return `${now} It is your turn.`;
      return event.turnHolderId ? `${now} ${nameOf(event.turnHolderId)}’s turn.` : now;
    }
    case 'floor:granted':
      return event.personId === selfId
        ? 'It is your turn: you have the floor.'
        : `${nameOf(event.personId)} has the floor.`;
    case 'time:warning':
      return `${describeDuration(Math.round(event.remainingMs / 1000))} left.`;
    case 'time:up':
      return 'Time is up.';
    case 'timer:paused':
      return 'Time out: the clock has stopped.';
    case 'timer:resumed':
      return 'The meeting has resumed.';
    case 'timer:extended':
      return `The facilitator added ${describeDuration(Math.round(event.addedMs / 1000))}.`;
    case 'meeting:closed':
      return 'The meeting has closed.';
    default:
      return null;
  }
}

/** One sentence for the live region, or null when nothing worth interrupting for happened. */
export function announcementFor(
  events: readonly MeetingEvent[],
  context: AnnouncementContext,
): string | null {
  const sentences = events
    .map((event) => announce(event, context))
    .filter((sentence) => sentence !== null);
  return sentences.length > 0 ? sentences.join(' ') : null;
}
