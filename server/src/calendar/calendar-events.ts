/**
 * Calendar events for a person's meetings and action due dates, as iCalendar text
 * (`ical-generator`). Every event has a stable UID, so a calendar app updates it in place;
 * its SEQUENCE goes up whenever what it says changes (a new date, time or place), as RFC 5545
 * asks, so the new details win over the copy the app has.
 */
import ical, { type ICalCalendar } from 'ical-generator';
import { londonTimeToEpoch, type MeetingPlan, type OwnedAction } from '@setboard/shared';
import type { SetRecord } from '../access/records.js';
import type { CalendarSequences } from './calendar-sequences.js';

/** UIDs never change for the same meeting or action, whatever else does. */
export const meetingUid = (setId: string, meetingIndex: number) =>
  `meeting-${setId}-m${meetingIndex}@setboard`;
export const actionUid = (slotId: string, actionId: string) =>
  `action-${slotId}-${actionId}@setboard`;

export interface CalendarEventInput {
  uid: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  allDay: boolean;
  location: string;
  url: string | null;
}

/** A planned meeting as an event (London times, written out in UTC). */
export function meetingEvent(
  set: Pick<SetRecord, 'id' | 'name'>,
  meetingIndex: number,
  plan: MeetingPlan,
  appOrigin: string,
): CalendarEventInput {
  const lines = [`Meeting ${meetingIndex + 1} of ${set.name}.`];
  if (plan.videoLink) lines.push(`Join the video call: ${plan.videoLink}`);
  lines.push(`The meeting room: ${appOrigin}/sets/${set.id}/meetings/${meetingIndex}`);
  return {
    uid: meetingUid(set.id, meetingIndex),
    summary: `${set.name}: meeting ${meetingIndex + 1}`,
    description: lines.join('\n'),
    start: new Date(londonTimeToEpoch(plan.date, plan.startTime)),
    end: new Date(londonTimeToEpoch(plan.date, plan.endTime)),
    allDay: false,
    location: plan.place || plan.videoLink,
    url: plan.videoLink || null,
  };
}

/** An action's due date as an all-day event. Only its owner's feed ever has it. */
export function actionEvent(owned: OwnedAction, appOrigin: string): CalendarEventInput | null {
  if (!owned.action.due) return null;
  const start = new Date(`${owned.action.due}T00:00:00Z`);
  return {
    uid: actionUid(owned.slotId, owned.actionId),
    summary: `Action due: ${owned.action.what}`,
    description: `From your slot at meeting ${owned.meetingIndex + 1} of ${owned.setName}.\n${appOrigin}/actions`,
    start,
    end: new Date(start.getTime() + 24 * 60 * 60 * 1000),
    allDay: true,
    location: '',
    url: null,
  };
}

/** The events as one calendar, each with its current SEQUENCE. */
export async function buildCalendar(
  name: string,
  events: CalendarEventInput[],
  sequences: CalendarSequences,
  now: number,
): Promise<ICalCalendar> {
  const calendar = ical({ name, prodId: { company: 'Setboard', product: 'Setboard' } });
  for (const event of events) {
    const sequence = await sequences.sequenceOf(event.uid, fingerprint(event));
    calendar.createEvent({
      id: event.uid,
      sequence,
      stamp: new Date(now),
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      summary: event.summary,
      description: event.description,
      ...(event.location ? { location: event.location } : {}),
      ...(event.url ? { url: event.url } : {}),
    });
  }
  return calendar;
}

/** What a calendar app shows: when it changes, the event is a new revision. */
function fingerprint(event: CalendarEventInput): string {
  return JSON.stringify([
    event.start.getTime(),
    event.end.getTime(),
    event.summary,
    event.location,
    event.url,
    event.allDay,
  ]);
}
