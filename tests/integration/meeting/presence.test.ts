/**
 * [M13] Presence over real Socket.IO connections: a person is in the room while any connection
 * of theirs, on any instance, is subscribed. Closing one tab of two changes nothing; closing the
 * last marks them away for everyone; subscribing again marks them back; attendance keeps both.
 */
import { describe, expect, it } from 'vitest';
import { redisBackend } from '../../support/backends.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('[M13] presence on two instances');

async function presence(east: TestServer, west: TestServer): Promise<void> {
  const people = await setReadyToMeet(east.url, await east.setupUrl(), 2, { quorum: 2 });
  const { facilitator, set } = people;
  const [mo, ann] = people.members as [(typeof people.members)[0], (typeof people.members)[0]];
  const meetingId = await openMeeting(east.url, facilitator, set.id, 0);
  const fran = await MeetingClient.connect(east.url, facilitator, meetingId);
  await fran.do({ type: 'lobby:open' });
  await fran.do({ type: 'meeting:join' });
  const moHere = await MeetingClient.connect(east.url, mo, meetingId);
  const moOtherTab = await MeetingClient.connect(west.url, mo, meetingId);
  const annHere = await MeetingClient.connect(west.url, ann, meetingId);
  await moHere.do({ type: 'meeting:join' });
  await annHere.do({ type: 'meeting:join' });
  await fran.do({ type: 'meeting:start' });

  // One of Mo's two tabs closes: Mo is still in the room.
  const before = fran.version;
  moHere.socket.disconnect();
  // A later change everyone sees (Ann is ready), made after the tab closed.
  await annHere.do({ type: 'ready:signal' });
  const later = await fran.waitFor((state) => state.ready.includes(ann.personId), 'Ann ready');
  expect(later.attendance[mo.personId]?.away).toBe(false);
  expect(fran.changesBetween(before).flatMap((change) => change.events)).not.toContainEqual({
    type: 'participant:left',
    personId: mo.personId,
  });

  // The last tab closes: Mo has left, for everyone, on both instances.
  moOtherTab.socket.disconnect();
  for (const client of [fran, annHere]) {
    const state = await client.waitFor(
      (seen) => seen.attendance[mo.personId]?.away === true,
      'Mo away',
    );
    expect(state.attendance[mo.personId]).toMatchObject({
      status: 'present',
      gaps: [{ backAt: null }],
    });
  }

  // Mo comes back (on the other instance): back for everyone; the gap is closed.
  const moAgain = await MeetingClient.connect(west.url, mo, meetingId);
  const back = await fran.waitFor(
    (seen) => seen.attendance[mo.personId]?.away === false,
    'Mo back',
  );
  const gap = back.attendance[mo.personId]!.gaps[0]!;
  expect(gap.backAt).not.toBeNull();
  expect(gap.backAt!).toBeGreaterThanOrEqual(gap.leftAt);
  for (const client of [fran, annHere, moAgain, moHere, moOtherTab]) client.socket.disconnect();
}

describe('[M13] presence in the meeting room', () => {
  it('[M13] left when the last connection closes, back on subscribing again (SQLite)', async () => {
    const server = await startTestServer();
    await presence(server, server);
  });

  it.skipIf(!redis.available)(
    '[M13][G6] the same with the connections on two instances over Redis',
    async () => {
      const backend = redisBackend('presence');
      await presence(await backend.startInstance(), await backend.startInstance());
    },
  );
});
