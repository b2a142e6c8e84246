/**
 * Room display links over the real HTTP API: made and stopped by the facilitator only, paired
 * once, read with the screen's own cookie, ending at the end of the meeting's day in London,
 * and kept in the store, so a screen paired on one instance is served by another.
 */
import { describe, expect, it } from 'vitest';
import { DISPLAY_COOKIE, DisplayView, londonDateOf, meetingIdOf } from '@setboard/shared';
import { callApi, expectOk } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { openMeeting } from '../../support/meeting-client.js';
import { setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('Room display links on two instances');

/** Pairs a screen on `server`; the screen's cookie, or the refusal's status and code. */
async function pair(server: TestServer, token: string) {
  const response = await fetch(`${server.url}/api/display/pair`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const body = (await response.json()) as { error?: { code: string } };
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: response.status, code: body.error?.code ?? null, cookie };
}

async function view(server: TestServer, cookie: string | null): Promise<DisplayView> {
  const response = await fetch(`${server.url}/api/display/view`, {
    headers: cookie ? { cookie } : {},
  });
  expect(response.status).toBe(200);
  return DisplayView.parse(await response.json());
}

async function displayLinks(east: TestServer, west: TestServer): Promise<void> {
  const people = await setReadyToMeet(east.url, await east.setupUrl(), 2, {});
  const { facilitator, set } = people;
  const member = people.members[0]!;
  const meetingId = await openMeeting(east.url, facilitator, set.id, 0);
  const path = `/api/sets/${set.id}/meetings/0/display`;

  // Only the facilitator makes one.
  expect((await callApi(east.url, 'POST', path, { as: member })).status).toBe(403);
  const made = await expectOk<{ pairPath: string; expiresAt: number }>(east.url, 'POST', path, {
    as: facilitator,
  });
  const token = made.body.pairPath.split('#')[1]!;
  expect(made.body.pairPath).toBe(`/display#${token}`);
  // The last moment of the meeting's day in London.
  const day = set.meetings[0]!.date;
  expect(londonDateOf(made.body.expiresAt)).toBe(day);
  expect(londonDateOf(made.body.expiresAt + 1)).not.toBe(day);

  // Paired on the other instance, once.
  const first = await pair(west, token);
  expect(first.status).toBe(200);
  expect(first.cookie).toMatch(new RegExp(`^${DISPLAY_COOKIE}=`));
  expect(await pair(east, token)).toMatchObject({ status: 410, code: 'link_used' });
  expect(await pair(east, 'x'.repeat(43))).toMatchObject({ status: 404, code: 'link_unknown' });

  // Read on either instance with the screen's cookie; nothing without it.
  const seen = await view(east, first.cookie);
  expect(seen.paired).toBe(true);
  if (seen.paired) {
    expect(seen.state.meetingId).toBe(meetingIdOf(set.id, 0));
    expect(Object.values(seen.names)).toContain(member.name);
    expect(seen.surface).toBeNull();
  }
  expect(await view(west, null)).toEqual({
    paired: false,
    reason: 'This screen is not paired with a meeting.',
  });
  expect(meetingId).toBe(meetingIdOf(set.id, 0));

  // Stopped: the screen shows nothing more, on any instance.
  expect((await callApi(east.url, 'DELETE', path, { as: member })).status).toBe(403);
  await expectOk(west.url, 'DELETE', path, { as: facilitator });
  expect(await view(east, first.cookie)).toEqual({
    paired: false,
    reason: 'The facilitator has stopped this display.',
  });
  expect(await pair(east, token)).toMatchObject({ status: 410, code: 'link_revoked' });
}

describe('Room display links', () => {
  it('made by the facilitator, paired once, read with the screen’s cookie, stopped (SQLite)', async () => {
    const server = await startTestServer();
    await displayLinks(server, server);
  });

  it.skipIf(!redis.available)(
    '[G6] paired on one instance and served by another, over Redis',
    async () => {
      const backend = redisBackend('display-links');
      await displayLinks(await backend.startInstance(), await backend.startInstance());
    },
  );
});
