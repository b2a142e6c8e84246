/**
 * When each reminder falls due (docs/reminders.md). Every reminder has a key that names exactly
 * what it is about — the action and its due date, the meeting and its start, the version of the
 * ground rules — so it is created once however many servers look, and a changed date makes a new
 * reminder. `triggerAt` is when it should appear; after `expiresAt` it is pointless and a server
 * catching up after downtime leaves it out.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { MeetingPlan } from '../protocol/api/sets.js';
import type { ActionRecord } from './boards/board-records.js';
import { isOpenAction } from './boards/action-rules.js';
import { londonTimeToEpoch } from './calendar/london-time.js';

export const ReminderKind = {
  actionDueSoon: 'action_due_soon',
  actionDueToday: 'action_due_today',
  meetingInAWeek: 'meeting_in_a_week',
  meetingTomorrow: 'meeting_tomorrow',
  groundRulesToAgree: 'ground_rules_to_agree',
  apologiesReceived: 'apologies_received',
  /** A closed set's content will be deleted in 30 days (docs/privacy.md, retention). */
  contentDeletionSoon: 'content_deletion_soon',
  bookingReceived: 'booking_received',
  /** A board reached its size limit: its facilitator can rebuild it (docs/protocol.md Y22). */
  boardFull: 'board_full',
} as const;
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind];

/** Reminders about dates arrive at 08:00 London time. */
export const REMINDER_TIME = '08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Reminder {
  /** What it is about, exactly: the same key is never created twice. */
  key: string;
  personId: string;
  kind: ReminderKind;
  triggerAt: number;
  expiresAt: number;
  /** Says what it is without any board content: safe for e-mail. */
  title: string;
  /** The in-app detail (may quote the person's own action; never e-mailed). */
  detail: string;
  /** Where in the app it leads. */
  link: string;
}

const dayBefore = (isoDate: string, days: number) =>
  format(addDays(parseISO(isoDate), -days), 'yyyy-MM-dd');

/** An open action's reminders: seven days before it is due, and on the day. */
export function actionReminders(owned: {
  personId: string;
  setName: string;
  slotId: string;
  actionId: string;
  action: Pick<ActionRecord, 'due' | 'status' | 'what'>;
}): Reminder[] {
  const { action } = owned;
  if (!action.due || !isOpenAction(action.status)) return [];
  const dueMorning = londonTimeToEpoch(action.due, REMINDER_TIME);
  const base = { personId: owned.personId, link: '/actions', detail: action.what };
  const about = `${owned.slotId}:${owned.actionId}:${action.due}`;
  return [
    {
      ...base,
      key: `action-7:${about}`,
      kind: ReminderKind.actionDueSoon,
      triggerAt: londonTimeToEpoch(dayBefore(action.due, 7), REMINDER_TIME),
      expiresAt: dueMorning,
      title: `One of your actions in ${owned.setName} is due in 7 days`,
    },
    {
      ...base,
      key: `action-0:${about}`,
      kind: ReminderKind.actionDueToday,
      triggerAt: dueMorning,
      expiresAt: londonTimeToEpoch(dayBefore(action.due, -1), '00:00'),
      title: `One of your actions in ${owned.setName} is due today`,
    },
  ];
}

/** A planned meeting's reminders for one person: a week before it starts, and the day before. */
export function meetingReminders(
  personId: string,
  set: { id: string; name: string },
  meetingIndex: number,
  plan: MeetingPlan,
): Reminder[] {
  const startsAt = londonTimeToEpoch(plan.date, plan.startTime);
  const about = `${set.id}:m${meetingIndex}:${plan.date}T${plan.startTime}`;
  const base = {
    personId,
    link: `/sets/${set.id}`,
    detail: plan.place ? `At ${plan.place}, from ${plan.startTime}.` : `From ${plan.startTime}.`,
  };
  return [
    {
      ...base,
      key: `meeting-7:${about}`,
      kind: ReminderKind.meetingInAWeek,
      triggerAt: startsAt - 7 * DAY_MS,
      expiresAt: startsAt - DAY_MS,
      title: `${set.name} meets in 7 days (meeting ${meetingIndex + 1})`,
    },
    {
      ...base,
      key: `meeting-1:${about}`,
      kind: ReminderKind.meetingTomorrow,
      triggerAt: startsAt - DAY_MS,
      expiresAt: startsAt,
      title: `${set.name} meets tomorrow (meeting ${meetingIndex + 1})`,
    },
  ];
}

/** A published version of the ground rules this person has not agreed to yet. */
export function groundRulesReminder(
  personId: string,
  set: { id: string; name: string },
  latest: { version: number; publishedAt: number },
  agreedVersion: number | null,
): Reminder[] {
  if (agreedVersion !== null && agreedVersion >= latest.version) return [];
  return [
    {
      key: `ground-rules:${set.id}:v${latest.version}`,
      personId,
      kind: ReminderKind.groundRulesToAgree,
      triggerAt: latest.publishedAt,
      expiresAt: Number.MAX_SAFE_INTEGER,
      title: `${set.name} has a new version of its ground rules for you to agree`,
      detail: `Version ${latest.version}.`,
      link: `/sets/${set.id}/board`,
    },
  ];
}

/** Whether a reminder should appear at `now`: its time has come and it still matters. */
export function reminderIsDue(reminder: Pick<Reminder, 'triggerAt' | 'expiresAt'>, now: number) {
  return reminder.triggerAt <= now && now < reminder.expiresAt;
}

/** The facilitator hears at once when someone sends apologies (with their message, in-app). */
export function apologiesReminder(
  facilitatorId: string,
  set: { id: string; name: string },
  meetingIndex: number,
  person: { id: string; name: string },
  message: string,
  sentAt: number,
): Reminder {
  const personName = person.name;
  return {
    key: `apologies:${set.id}-m${meetingIndex}:${person.id}:${sentAt}`,
    personId: facilitatorId,
    kind: ReminderKind.apologiesReceived,
    triggerAt: sentAt,
    expiresAt: Number.MAX_SAFE_INTEGER,
    title: `${personName} sent apologies for meeting ${meetingIndex + 1} of ${set.name}`,
    detail: message,
    link: `/sets/${set.id}`,
  };
}

/**
 * A board reached its size limit and takes no more writes: whoever can rebuild it (the set's
 * facilitator; a learning log's owner) hears once per rebuild of that board.
 */
export function boardFullReminder(
  personId: string,
  board: { docName: string; rebuild: number; link: string; setName: string | null },
  at: number,
): Reminder {
  const where = board.setName ? `A board in ${board.setName}` : 'Your learning log';
  return {
    key: `board-full:${board.docName}:${board.rebuild}`,
    personId,
    kind: ReminderKind.boardFull,
    triggerAt: at,
    expiresAt: Number.MAX_SAFE_INTEGER,
    title: `${where} is full and cannot take more writing`,
    detail:
      'Open the board and choose “Rebuild this board”. Everything on it now stays; its history ' +
      'of changes goes, which makes room again.',
    link: board.link,
  };
}
