import { londonDateOf } from '@setboard/shared';
import type { Request } from 'express';
import type { SetRecord } from '../access/records.js';
import type { AccessServices } from '../access/services.js';
import type { LearningLog } from '../boards/learning-log.js';
import type { Bookings } from '../bookings/bookings.js';
import type { MyActions } from '../boards/my-actions.js';
import type { Calendars } from '../calendar/calendars.js';
import type { ReminderMailSettings } from '../reminders/mail-settings.js';
import type { Notifications } from '../reminders/notifications.js';
import type { Apologies } from '../meetings/apologies.js';
import type { MeetingService, ServerChange } from '../meetings/meeting-service.js';
import type { PrivacyServices } from '../privacy/privacy-services.js';

/** Running the set's year between meetings: apologies, attendance (docs/set-year.md). */
export interface YearServices {
  meetings: MeetingService;
  apologies: Apologies;
  /** Broadcasts a meeting change the server stored (apologies applied to an open meeting). */
  publishMeeting(change: ServerChange): void;
  /** Tells the facilitator an apology has arrived. */
  apologySent(set: SetRecord, meetingIndex: number, personId: string): Promise<void>;
  myActions: MyActions;
  /** Words kept in a person's own learning log. */
  learningLog: LearningLog;
  calendars: Calendars;
  notifications: Notifications;
  /** Tells the person's open pages how many notifications are unread now. */
  notificationsChanged(personId: string): void;
  /** Tells the set's members that an action changed (their report-back views refresh). */
  actionsChanged(set: SetRecord): Promise<void>;
}

/** Reminder e-mails: each person's setting, and whether mail is sent at all. */
export interface ReminderMailDeps {
  settings: ReminderMailSettings;
  /** Whether this deployment sends mail at all (SMTP_URL). */
  available: boolean;
}

/** What route modules need besides their input. */
export interface RouteDeps {
  services: AccessServices;
  /** Marks the session cookie Secure. */
  https: boolean;
  /** The public address, for the links people copy; else taken from the request. */
  publicUrl: string | undefined;
  year: YearServices;
  /** The record: data export, erasure, retention (docs/privacy.md). */
  privacy?: PrivacyServices;
  /** The record's exports: meeting and CPD records, cycle report. */
  record?: { meetings: MeetingService };
  /** Booking a place (docs/bookings.md). */
  bookings: Bookings;
  /** Reminder e-mails: each person's setting and unsubscribing. */
  reminderMail: ReminderMailDeps;
}

/** The origin to put in links: PUBLIC_URL's, or the one this request reached. */
export function linkOrigin(req: Request, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.get('host')}`;
}

/** Today as YYYY-MM-DD in London, where sets meet. */
export function isoToday(now: number): string {
  return londonDateOf(now);
}
