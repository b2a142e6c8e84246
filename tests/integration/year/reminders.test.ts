/**
 * Reminders on two instances sharing Redis, with an injected clock: each due reminder is created
 * once whichever instance scans, shows in the person's notification centre on either instance,
 * is e-mailed once in a daily digest to a real in-process SMTP server, is not created or mailed
 * again after a restart, and one missed while no server ran is caught up (and mailed).
 */
import { describe, expect, it } from 'vitest';
import type { CreatedLink, NotificationList, Reminder } from '@setboard/shared';
import { createSmtpMailer } from '../../../server/src/mail/smtp-mailer.js';
import {
  acceptInvitation,
  createSet,
  expectOk,
  setUpOrganiser,
  type TestPerson,
} from '../../support/actors.js';
import { startSmtpInbox } from '../../support/smtp-inbox.js';
import { redisBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';

const redis = await redisForSuite('Reminders on two instances');
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Who a reminder is for, and what about: unique per person. */
const keysOf = (reminders: Reminder[]) =>
  reminders.map((reminder) => `${reminder.personId} ${reminder.key}`).sort();

describe.skipIf(!redis.available)('Reminders on two instances', () => {
  it('[AT-BM2] each due reminder is created once across instances, shown in-app, mailed once in a daily digest, not re-sent after a restart, and caught up after downtime', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 30 * DAY_MS);
    const backend = redisBackend('reminders');
    const smtp = await startSmtpInbox();
    const mailer = createSmtpMailer({ url: smtp.url, from: 'Setboard <setboard@example.nhs.uk>' });
    const manual = { now: clock.now, scheduler: clock, reminders: false, mailer };
    const east = await backend.startInstance(manual);
    const west = await backend.startInstance(manual);
    const people = await peopleWithAddresses(east.url, (await east.setupUrl())!);
    const everyone = [people.facilitator, ...people.members];
    const addressOf = (person: TestPerson) => `${person.name.replace(' ', '.')}@example.nhs.uk`;
    // Reminder digests only: with mail on, joining the set also sent each person an invitation.
    const mailsTo = (person: TestPerson) =>
      smtp.to(addressOf(person)).filter((mail) => mail.headers.has('list'));
    const inbox = async (server: typeof east, person: TestPerson) =>
      (await expectOk<NotificationList>(server.url, 'GET', '/api/my/notifications', { as: person }))
        .body;

    // A month before: nothing is due.
    const early = await Promise.all([east.app.reminders.scanNow(), west.app.reminders.scanNow()]);
    expect(early.flat()).toEqual([]);

    // A week before meeting 1, both instances scan at the same moment: one reminder each, once.
    clock.advanceTo(FIRST_MEETING_STARTS_AT - 7 * DAY_MS + MINUTE_MS);
    const [fromEast, fromWest] = await Promise.all([
      east.app.reminders.scanNow(),
      west.app.reminders.scanNow(),
    ]);
    const created = [...fromEast, ...fromWest];
    expect(created).toHaveLength(everyone.length);
    expect(new Set(keysOf(created)).size).toBe(everyone.length);
    expect(created.every((reminder) => reminder.kind === 'meeting_in_a_week')).toBe(true);
    for (const person of everyone) {
      const onWest = await inbox(west, person);
      expect(onWest.unread).toBe(1);
      expect(onWest.notifications[0]!.title).toBe(
        'Heads of Service set meets in 7 days (meeting 1)',
      );
    }
    // Each person gets one digest, from one instance: titles only, no in-app detail.
    for (const person of everyone) {
      await expect.poll(() => mailsTo(person).length, { timeout: 10_000 }).toBe(1);
      const [digest] = mailsTo(person);
      expect(digest!.subject).toBe('Setboard: 1 reminder');
      expect(digest!.text).toContain('Heads of Service set meets in 7 days (meeting 1)');
      expect(digest!.text).not.toContain('Room 4');
      // mailparser reads List-* headers into one `list` entry.
      expect(digest!.headers.get('list')).toMatchObject({
        unsubscribe: { url: expect.stringContaining('/mail/unsubscribe?token=') },
        'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
      });
    }
    // Scanning again finds nothing new.
    expect(
      (await east.app.reminders.scanNow()).length + (await west.app.reminders.scanNow()).length,
    ).toBe(0);

    // Read on one instance: read on both.
    const [pat, sam] = people.members as [TestPerson, TestPerson];
    await expectOk(east.url, 'POST', '/api/my/notifications/read', { as: pat, body: {} });
    expect((await inbox(west, pat)).unread).toBe(0);

    // Sam unsubscribes with one click from the mail program: a POST without our Origin.
    const oneClick = (mailsTo(sam)[0]!.headers.get('list') as { unsubscribe: { url: string } })
      .unsubscribe.url;
    const unsubscribed = await fetch(
      `${west.url}${new URL(oneClick).pathname}${new URL(oneClick).search}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    );
    expect(unsubscribed.status).toBe(200);

    // Both stop. The day before the meeting passes while no server runs.
    await east.close();
    await west.close();
    clock.advanceTo(FIRST_MEETING_STARTS_AT - 12 * 60 * MINUTE_MS);
    // A fresh instance, scanning by itself from its start, catches up: "tomorrow", once each,
    // and the week-before reminder is not sent again.
    const restarted = await backend.startInstance({ now: clock.now, scheduler: clock, mailer });
    await expect
      .poll(async () => (await inbox(restarted, pat)).notifications.length, { timeout: 10_000 })
      .toBe(2);
    for (const person of everyone) {
      const titles = (await inbox(restarted, person)).notifications.map((item) => item.title);
      expect(titles).toEqual([
        'Heads of Service set meets tomorrow (meeting 1)',
        'Heads of Service set meets in 7 days (meeting 1)',
      ]);
    }
    // The caught-up reminder is mailed once, in a new day's digest; the week-before one is not
    // mailed again, and Sam, who unsubscribed, gets nothing more.
    for (const person of everyone.filter((someone) => someone !== sam)) {
      await expect.poll(() => mailsTo(person).length, { timeout: 10_000 }).toBe(2);
      expect(mailsTo(person)[1]!.text).toContain('Heads of Service set meets tomorrow');
      expect(mailsTo(person)[1]!.text).not.toContain('in 7 days');
    }
    expect(await restarted.app.reminders.scanNow()).toEqual([]);
    // After the meeting has started, a late scan sends nothing about it.
    clock.advanceTo(FIRST_MEETING_STARTS_AT + MINUTE_MS);
    expect(await restarted.app.reminders.scanNow()).toEqual([]);
    expect(mailsTo(sam)).toHaveLength(1);
    expect(everyone.map((person) => mailsTo(person).length)).toEqual([2, 2, 1]);
    mailer.close();
    await smtp.close();
  });
});

/** A set whose facilitator and two members were invited at their e-mail addresses. */
async function peopleWithAddresses(serverUrl: string, setupUrl: string) {
  const organiser = await setUpOrganiser(serverUrl, setupUrl);
  const set = await createSet(serverUrl, organiser);
  const join = async (name: string, role: 'member' | 'facilitator') => {
    const email = `${name.replace(' ', '.')}@example.nhs.uk`;
    const link = await expectOk<CreatedLink>(serverUrl, 'POST', `/api/sets/${set.id}/invitations`, {
      as: organiser,
      body: { role, email },
    });
    return acceptInvitation(serverUrl, link.body.url, name);
  };
  return {
    facilitator: await join('Fran Facilitator', 'facilitator'),
    members: [await join('Pat Member', 'member'), await join('Sam Member', 'member')],
  };
}
