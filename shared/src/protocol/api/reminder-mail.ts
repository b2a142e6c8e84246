/** Reminders by e-mail (docs/reminders.md): each person's setting and one-click unsubscribe. */
import { z } from 'zod';
import { LinkToken } from './common.js';

/** Off; one digest a day (from 08:00 London); or at once (at the next scan, within minutes). */
export const ReminderMailSetting = z.enum(['off', 'daily', 'immediate'], 'Choose how often');
export type ReminderMailSetting = z.infer<typeof ReminderMailSetting>;

/** `GET /api/my/reminder-mail`. */
export const ReminderMailState = z.object({
  /** False when this deployment sends no mail (no SMTP_URL): then nothing offers e-mail. */
  available: z.boolean(),
  setting: ReminderMailSetting,
  /** Where reminders go; null when Setboard knows no address for the person. */
  address: z.string().nullable(),
});
export type ReminderMailState = z.infer<typeof ReminderMailState>;

/** `PATCH /api/my/reminder-mail`. */
export const ReminderMailRequest = z.strictObject({ setting: ReminderMailSetting });
export type ReminderMailRequest = z.input<typeof ReminderMailRequest>;

/** `POST /api/reminder-mail/unsubscribe`: the token from the link in every reminder e-mail. */
export const UnsubscribeRequest = z.strictObject({ token: LinkToken });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;
