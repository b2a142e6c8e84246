/**
 * What a screen reader hears when the meeting changes: turn changes, "your turn", time warnings,
 * breaks, a new facilitator and changes to the plan of slots, from the events of a
 * `meeting:changed`. Everything else stays silent, and so does the countdown's every second.
 */
import type { MeetingEvent, MeetingState } from '@setboard/shared';
import { currentStageLabel } from './agenda-items';
import { describeDuration } from '../../../live-meeting/countdown';
import { minutesText } from './slot-plan';

export interface AnnouncementContext {
  state: MeetingState;
  selfId: string;
  nameOf: (personId: string) => string;
}

/** The flow of the meeting: the start, moves, the floor, the clock, the close. */
function announceFlow(event: MeetingEvent, context: AnnouncementContext): string | null {
  const { selfId, nameOf, state } = context;
  switch (event.type) {
    case 'meeting:started':
      return 'The meeting has started.';
    case 'position:changed': {
      // A break says its length instead (`break:started`, in the same change).
      if (event.phase === 'break') return null;
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
    case 'hands:carried':
      return event.personIds.includes(selfId)
        ? 'Your hand stays up into exploring.'
        : 'Raised hands stay up into exploring.';
    case 'participant:left':
      return `${nameOf(event.personId)} has left the room.`;
    case 'participant:back':
      return `${nameOf(event.personId)} is back.`;
    default:
      return null;
  }
}

function presenterOf(context: AnnouncementContext, slotId: string): string {
  const slot = context.state.slots.find((candidate) => candidate.id === slotId);
  return slot ? context.nameOf(slot.presenterId) : 'a slot no longer planned';
}

/** Who facilitates, breaks, and the plan of slots. */
function announcePlan(event: MeetingEvent, context: AnnouncementContext): string | null {
  const { selfId, nameOf } = context;
  switch (event.type) {
    case 'break:started':
      return `Break: ${minutesText(event.minutes)}.`;
    case 'facilitation:handed_over':
      return event.toId === selfId
        ? 'You now facilitate.'
        : `${nameOf(event.toId)} now facilitates.`;
    case 'slots:reordered':
      return `New order of slots: ${event.slotIds.map((id) => presenterOf(context, id)).join(', ')}.`;
    case 'slot:deferred':
      return event.presenterId === selfId
        ? 'Your slot is deferred to the next meeting.'
        : `${nameOf(event.presenterId)}’s slot is deferred to the next meeting.`;
    case 'offers:chosen':
      return event.optIn
        ? 'The presenter has opted in to an offers round.'
        : 'The presenter has declined an offers round.';
    case 'bid:placed':
      return event.personId === selfId ? 'Your bid is in.' : null;
    case 'bid:withdrawn':
      return event.personId === selfId ? 'Your bid is withdrawn.' : null;
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
    .map((event) => announceFlow(event, context) ?? announcePlan(event, context))
    .filter((sentence) => sentence !== null);
  return sentences.length > 0 ? sentences.join(' ') : null;
}
