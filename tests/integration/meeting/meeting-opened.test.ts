/**
 * [M10] Members waiting for the room hear when the facilitator opens the meeting: every
 * connection of every active member of the set gets `meeting:opened { meetingId }`, on every
 * instance; organisers and people removed from the set do not.
 */
import { describe, expect, it, vi } from 'vitest';
import { meetingIdOf } from '@setboard/shared';
import { expectOk } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { openMeeting } from '../../support/meeting-client.js';
import { setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect, type TestSocket } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('[M10] meeting:opened on two instances');

/** Connects and keeps every `meeting:opened` the connection hears. */
async function listening(serverUrl: string, person: { cookie: string }) {
  const socket: TestSocket = connectSocket(serverUrl, { as: person });
  await waitForConnect(socket);
  const heard: Array<{ meetingId: string }> = [];
  socket.on('meeting:opened', (fact) => heard.push(fact));
  return { socket, heard };
}

async function membersHear(east: TestServer, west: TestServer): Promise<void> {
  const { organiser, facilitator, members, set } = await setReadyToMeet(
    east.url,
    await east.setupUrl(),
    3,
    {},
  );
  const [mo, ann, ben] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
  await expectOk(east.url, 'DELETE', `/api/sets/${set.id}/members/${ben.personId}`, {
    as: organiser,
  });
  const waiting = [
    await listening(east.url, mo),
    await listening(west.url, mo), // a second tab, on the other instance
    await listening(west.url, ann),
  ];
  const outsiders = [await listening(west.url, organiser), await listening(west.url, ben)];
  const fran = await listening(east.url, facilitator);

  const meetingId = await openMeeting(east.url, facilitator, set.id, 0);
  expect(meetingId).toBe(meetingIdOf(set.id, 0));
  for (const { heard } of [...waiting, fran]) {
    await vi.waitFor(() => expect(heard).toEqual([{ meetingId }]));
  }
  // A later fact to everyone: once the facilitator has it, the outsiders would have had theirs.
  const second = await openMeeting(east.url, facilitator, set.id, 1);
  await vi.waitFor(() => expect(fran.heard).toEqual([{ meetingId }, { meetingId: second }]));
  for (const { heard } of outsiders) expect(heard).toEqual([]);
}

describe('[M10] meeting:opened tells the members waiting for the room', () => {
  it('[M10] every member’s connection hears it; organisers and removed members do not (SQLite)', async () => {
    const server = await startTestServer();
    await membersHear(server, server);
  });

  it.skipIf(!redis.available)(
    '[M10][G6] the same with the members on two instances over Redis',
    async () => {
      const backend = redisBackend('meeting-opened');
      await membersHear(await backend.startInstance(), await backend.startInstance());
    },
  );
});
