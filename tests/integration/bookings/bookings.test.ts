/**
 * Booking a place over HTTP, with mail through a real in-process SMTP server: the organiser
 * opens bookings; people apply without an account; questions, answers, confirmations (the set's
 * own invitation, mailed) and declines reach the applicant's private status page; bookings close
 * when full or by date; bad input changes nothing; applying is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplicationStatusView,
  BookingApplicationRequest,
  BookingApplied,
  BookingConfirmed,
  BookingPageView,
  ListedBookings,
  SetBookings,
} from '@setboard/shared';
import { createSmtpMailer } from '../../../server/src/mail/smtp-mailer.js';
import {
  acceptInvitation,
  aSet,
  callApi,
  createSet,
  expectOk,
  setUpOrganiser,
  tokenOf,
  type TestPerson,
} from '../../support/actors.js';
import { startSmtpInbox, type SmtpInbox } from '../../support/smtp-inbox.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

let server: TestServer;
let inbox: SmtpInbox;
let organiser: TestPerson;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  const mailer = createSmtpMailer({ url: inbox.url, from: 'Setboard <setboard@example.nhs.uk>' });
  server = await startTestServer({ mailer });
  organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
  return async () => {
    await server.close();
    mailer.close();
  };
});
afterAll(() => inbox.close());

const application = (
  name: string,
  overrides: Partial<BookingApplicationRequest> = {},
): BookingApplicationRequest => ({
  name,
  organisation: `${name} Trust`,
  jobTitle: 'Head of Service',
  band: 'band_8b',
  hopes: 'A place to think about a service redesign.',
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.nhs.uk`,
  canCommit: true,
  ...overrides,
});

/** A new set with bookings open; its public code. */
async function openSet(sizeLimits = { min: 2, max: 8 }, settings: object = {}) {
  const set = await createSet(server.url, organiser, aSet({ sizeLimits }));
  const reply = await expectOk<SetBookings>(server.url, 'PATCH', `/api/sets/${set.id}/bookings`, {
    as: organiser,
    body: { open: true, listed: true, ...settings },
  });
  const code = new URL(reply.body.settings!.url).pathname.split('/').pop()!;
  return { set, code };
}

const apply = (code: string, body: unknown) =>
  callApi<BookingApplied>(server.url, 'POST', `/api/bookings/${code}/applications`, { body });
const statusOf = async (statusUrl: string) =>
  (
    await expectOk<ApplicationStatusView>(server.url, 'POST', '/api/booking-status', {
      body: { token: tokenOf(statusUrl) },
    })
  ).body;
const bookingsOf = async (setId: string) =>
  (await expectOk<SetBookings>(server.url, 'GET', `/api/sets/${setId}/bookings`, { as: organiser }))
    .body;

describe('booking a place', () => {
  it('[AT-GI5] applicants apply without an account, the organiser asks, confirms and declines, and each applicant sees only their own status', async () => {
    const { set, code } = await openSet();
    const page = (await expectOk<BookingPageView>(server.url, 'GET', `/api/bookings/${code}`)).body;
    expect(page).toMatchObject({ setName: 'Heads of Service set', open: true, placesLeft: 8 });
    expect(page.meetings).toHaveLength(2);
    const listed = (await expectOk<ListedBookings>(server.url, 'GET', '/api/bookings')).body;
    expect(listed.pages.map((p) => p.code)).toContain(code);

    const ada = (await apply(code, application('Ada'))).body.statusUrl;
    const ben = (await apply(code, application('Ben', { organisation: 'Ada Trust' }))).body
      .statusUrl;
    const cy = (await apply(code, application('Cy', { band: 'vsm' }))).body.statusUrl;
    expect(inbox.to('ada@example.nhs.uk')[0]?.text).toContain(ada);

    // The mix check beside each application: Ada and Ben share a Trust.
    let view = await bookingsOf(set.id);
    const byName = (name: string) => view.applications.find((a) => a.name === name)!;
    expect(
      byName('Ada')
        .mixWarnings.map((w) => w.message)
        .join(' '),
    ).toContain('Ben');
    expect(
      byName('Ben')
        .mixWarnings.map((w) => w.message)
        .join(' '),
    ).toContain('Ada');

    // A question, answered on the status page.
    await expectOk(
      server.url,
      'POST',
      `/api/sets/${set.id}/bookings/${byName('Ben').id}/questions`,
      {
        as: organiser,
        body: { text: 'Would you be happy in a set with a colleague from your Trust?' },
      },
    );
    expect((await statusOf(ben)).messages[0]?.text).toContain('colleague from your Trust');
    expect(inbox.to('ben@example.nhs.uk').at(-1)?.text).toContain('colleague from your Trust');
    await expectOk(server.url, 'POST', '/api/booking-status/answer', {
      body: { token: tokenOf(ben), text: 'Yes, we work in different directorates.' },
    });

    // Confirm Ada: the set's invitation, mailed to her; she joins with it.
    view = await bookingsOf(set.id);
    const confirmed = await expectOk<BookingConfirmed>(
      server.url,
      'POST',
      `/api/sets/${set.id}/bookings/${byName('Ada').id}/confirm`,
      { as: organiser, body: {} },
    );
    expect(confirmed.body.mailed).toBe(true);
    const mailed = inbox.to('ada@example.nhs.uk').at(-1)!;
    expect(mailed.subject).toBe('Your place in Heads of Service set is confirmed');
    expect(mailed.text).toContain(confirmed.body.url);
    expect((await statusOf(ada)).status).toBe('confirmed');
    await acceptInvitation(server.url, confirmed.body.url, 'Ada');
    expect((await statusOf(ada)).joined).toBe(true);
    // With Ada (band 8b) in the set, Cy (very senior manager) would spread the levels.
    view = await bookingsOf(set.id);
    expect(byName('Cy').mixWarnings.map((w) => w.kind)).toContain('band_spread');
    expect(view.mix.map((w) => w.kind)).toContain('no_facilitator');

    // Decline Cy with a message, shown on Cy's status page and mailed.
    await expectOk(server.url, 'POST', `/api/sets/${set.id}/bookings/${byName('Cy').id}/decline`, {
      as: organiser,
      body: { message: 'This set is for bands 8a to 8c; the next one suits you better.' },
    });
    const cyStatus = await statusOf(cy);
    expect(cyStatus).toMatchObject({ status: 'declined', name: 'Cy' });
    expect(cyStatus.decisionMessage).toContain('the next one suits you better');
    // Nothing of another applicant's reaches a status page.
    expect(JSON.stringify(cyStatus)).not.toMatch(/Ada|Ben|directorates/);
    expect(JSON.stringify(await statusOf(ben))).not.toMatch(/Cy|Ada Trust Ada|next one/);

    // A decided booking cannot be decided again.
    const again = await callApi(
      server.url,
      'POST',
      `/api/sets/${set.id}/bookings/${byName('Cy').id}/confirm`,
      {
        as: organiser,
        body: {},
      },
    );
    expect(again.status).toBe(409);
  });

  it('[AT-GI5] a confirmed applicant without e-mail gets a fresh invitation link from their status page; the earlier one stops working', async () => {
    const { set, code } = await openSet();
    const statusUrl = (await apply(code, application('Dee'))).body.statusUrl;
    const refused = await callApi(server.url, 'POST', '/api/booking-status/invitation', {
      body: { token: tokenOf(statusUrl) },
    });
    expect(refused.status).toBe(409);
    const [dee] = (await bookingsOf(set.id)).applications;
    const first = await expectOk<BookingConfirmed>(
      server.url,
      'POST',
      `/api/sets/${set.id}/bookings/${dee!.id}/confirm`,
      { as: organiser, body: { message: 'Welcome!' } },
    );
    const fresh = await expectOk<{ url: string }>(
      server.url,
      'POST',
      '/api/booking-status/invitation',
      {
        body: { token: tokenOf(statusUrl) },
      },
    );
    const old = await callApi(server.url, 'POST', '/api/links/inspect', {
      body: { token: tokenOf(first.body.url) },
    });
    expect(old.status).toBe(410);
    await acceptInvitation(server.url, fresh.body.url, 'Dee');
    expect((await statusOf(statusUrl)).joined).toBe(true);
  });

  it('[AT-GI5] bookings close when the set is full and after their closing date', async () => {
    const full = await openSet({ min: 2, max: 2 });
    for (const name of ['Eve', 'Fay']) {
      await apply(full.code, application(name));
    }
    for (const booking of (await bookingsOf(full.set.id)).applications) {
      await expectOk(
        server.url,
        'POST',
        `/api/sets/${full.set.id}/bookings/${booking.id}/confirm`,
        {
          as: organiser,
          body: {},
        },
      );
    }
    const page = (await expectOk<BookingPageView>(server.url, 'GET', `/api/bookings/${full.code}`))
      .body;
    expect(page).toMatchObject({ open: false, closedReason: 'full', placesLeft: 0 });
    const late = await apply(full.code, application('Gus'));
    expect(late.status).toBe(409);
    expect((await bookingsOf(full.set.id)).applications).toHaveLength(2);

    const dated = await openSet(undefined, { closesOn: '2020-01-31' });
    expect((await apply(dated.code, application('Hal'))).status).toBe(409);
    const listed = (await expectOk<ListedBookings>(server.url, 'GET', '/api/bookings')).body;
    expect(listed.pages.map((p) => p.code)).not.toContain(dated.code);
  });

  it('[AT-GI6] bad input on the booking routes gets a clear error and changes nothing', async () => {
    const { set, code } = await openSet();
    const cases: Array<[string, unknown]> = [
      ['no commitment', { ...application('Ivy'), canCommit: false }],
      ['unknown field', { ...application('Ivy'), admin: true }],
      ['wrong type', { ...application('Ivy'), band: 7 }],
      ['oversize', { ...application('Ivy'), hopes: 'x'.repeat(1001) }],
      ['bad e-mail', { ...application('Ivy'), email: 'ivy' }],
    ];
    for (const [label, body] of cases) {
      const reply = await apply(code, body);
      expect(reply.status, label).toBe(400);
      expect((reply.body as unknown as { error: { code: string } }).error.code).toBe('validation');
    }
    const tooLarge = await callApi(server.url, 'POST', `/api/bookings/${code}/applications`, {
      body: { ...application('Ivy'), hopes: 'x'.repeat(70_000) },
    });
    expect(tooLarge.status).toBe(413);
    expect((await bookingsOf(set.id)).applications).toEqual([]);
    const unknownToken = await callApi(server.url, 'POST', '/api/booking-status', {
      body: { token: 'A'.repeat(43) },
    });
    expect(unknownToken.status).toBe(404);
    // Only organisers open bookings; a facilitator-level body with a bad date is refused first.
    const badDate = await callApi(server.url, 'PATCH', `/api/sets/${set.id}/bookings`, {
      as: organiser,
      body: { open: false, closesOn: '2027-02-30' },
    });
    expect(badDate.status).toBe(400);
    expect((await bookingsOf(set.id)).settings?.open).toBe(true);
  });

  it('[AT-GI6] only organisers open or close bookings; the facilitator may see and decide', async () => {
    const { set } = await openSet();
    const link = await expectOk<{ url: string }>(
      server.url,
      'POST',
      `/api/sets/${set.id}/invitations`,
      {
        as: organiser,
        body: { role: 'facilitator' },
      },
    );
    const fran = await acceptInvitation(server.url, link.body.url, 'Fran Facilitator');
    const closing = await callApi(server.url, 'PATCH', `/api/sets/${set.id}/bookings`, {
      as: fran,
      body: { open: false },
    });
    expect(closing.status).toBe(403);
    expect((await bookingsOf(set.id)).settings?.open).toBe(true);
    await expectOk(server.url, 'GET', `/api/sets/${set.id}/bookings`, { as: fran });
  });

  it('[AT-GI6] applying is rate-limited per client', async () => {
    const { code } = await openSet({ min: 2, max: 12 });
    const replies = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      replies.push((await apply(code, application(`Jo ${attempt}`))).status);
    }
    expect(replies).toContain(429);
  });
});
