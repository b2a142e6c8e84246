/**
 * Reminder e-mails (docs/reminders.md): each person's setting, and unsubscribing with the token
 * from a digest — from the page its link opens, or with one click from the mail program
 * (RFC 8058: a POST from the mail provider, which carries no Origin of ours, so it is served
 * outside /api and changes nothing but that one setting).
 */
import type { RequestHandler } from 'express';
import {
  Done,
  LinkToken,
  ReminderMailRequest,
  ReminderMailState,
  UnsubscribeRequest,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import type { ReminderMailSettings } from '../reminders/mail-settings.js';
import { mailAddressOf } from '../reminders/mail-address.js';
import { defineRoute } from './route.js';
import type { ReminderMailDeps, RouteDeps } from './route-deps.js';

export function reminderMailRoutes(deps: RouteDeps & { reminderMail: ReminderMailDeps }) {
  const { settings, available } = deps.reminderMail;
  const { store } = deps.services;
  const stateOf = async (personId: string) => ({
    available,
    setting: (await settings.of(personId)).setting,
    address: await mailAddressOf(store, personId),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/my/reminder-mail',
      summary: 'Whether and how often your reminders are e-mailed, and to which address',
      policy: 'signed_in',
      reply: ReminderMailState,
      handle: async ({ person }) => stateOf(person!.id),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/my/reminder-mail',
      summary: 'Reminder e-mails: off, a daily digest, or at once',
      policy: 'signed_in',
      body: ReminderMailRequest,
      reply: ReminderMailState,
      handle: async ({ person, body }) => {
        await settings.set(person!.id, body.setting);
        return stateOf(person!.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/reminder-mail/unsubscribe',
      summary: 'Stop reminder e-mails (the token from the link in every reminder e-mail)',
      policy: 'public',
      body: UnsubscribeRequest,
      reply: Done,
      handle: async ({ body }) => {
        if (!(await settings.unsubscribe(body.token))) throw refuse.linkUnknown();
        return { done: true as const };
      },
    }),
  ];
}

/** `POST /mail/unsubscribe?token=…`: the List-Unsubscribe-Post one-click address. */
export function oneClickUnsubscribe(settings: ReminderMailSettings): RequestHandler {
  return (req, res) => {
    const token = LinkToken.safeParse(req.query.token);
    if (!token.success) {
      res.status(400).type('text/plain').send('This unsubscribe link is not complete.');
      return;
    }
    settings.unsubscribe(token.data).then(
      (found) =>
        found
          ? res.type('text/plain').send('You will get no more reminder e-mails.')
          : res.status(404).type('text/plain').send('This unsubscribe link is not recognised.'),
      () => res.status(500).type('text/plain').send('Something went wrong. Try again later.'),
    );
  };
}
