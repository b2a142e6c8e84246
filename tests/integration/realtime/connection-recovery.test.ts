/**
 * [R1][R2][R3] Connection state recovery. A connection that drops briefly comes back with the
 * meetings it watched and the broadcasts it missed; someone who lost access while away does not:
 * their connection starts afresh, is told which set it lost, and gets nothing more from it. On
 * SQLite (the in-memory adapter) and on Redis (the streams adapter, two instances).
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '@setboard/shared';
import { expectOk } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('connection recovery on Redis');

interface Deployment {
  /** Where the facilitator is. */
  east: TestServer;
  /** Where the member whose connection drops is (the same server without Redis). */
  west: TestServer;
}

async function onSqlite(clock: ManualClock): Promise<Deployment> {
  const server = await startTestServer({ now: clock.now, scheduler: clock });
  return { east: server, west: server };
}

/** Two instances on one Redis, with the adapter's recovery sessions under the test's prefix. */
async function onRedis(clock: ManualClock): Promise<Deployment> {
  const backend = redisBackend('recovery');
  const prefix = backend.processEnv.REDIS_KEY_PREFIX!;
  const start = () =>
    startTestServer({
      now: clock.now,
      scheduler: clock,
      store: backend.openStore(),
      socketAdapter: createAdapter(backend.newClient(), {
        streamName: `${prefix}socket.io`,
        channelPrefix: `${prefix}socket.io`,
        sessionKeyPrefix: `${prefix}sio:session:`,
        blockTimeInMs: 1_000,
      }),
    });
  return { east: await start(), west: await start() };
}

/**
 * Fran (east) and Mo and Ann (west) in the lobby, Fran joined. Every client has had a broadcast
 * (Fran joining), which gives it an offset to recover from.
 */
async function inTheLobby({ east, west }: Deployment) {
  const people = await setReadyToMeet(east.url, await east.setupUrl(), 2, {});
  const meetingId = await openMeeting(east.url, people.facilitator, people.set.id, 0);
  const fran = await MeetingClient.connect(east.url, people.facilitator, meetingId);
  const [mo, ann] = (await Promise.all(
    people.members.map((member) => MeetingClient.connect(west.url, member, meetingId)),
  )) as [MeetingClient, MeetingClient];
  await fran.waitFor((state) => state.phase === 'lobby');
  const { version } = await fran.do({ type: 'meeting:join' });
  for (const client of [mo, ann]) await client.waitForVersion(version);
  return { ...people, meetingId, fran, mo, ann };
}

/** Closes the client's transport (as a dropped network would) and waits until `server` sees it. */
async function dropConnection(client: MeetingClient, server: TestServer): Promise<void> {
  const socketId = client.socket.id!;
  const gone = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
  client.socket.io.engine.close();
  await gone;
  await vi.waitFor(() => expect(server.app.io.of('/').sockets.has(socketId)).toBe(false));
}

/** Every event packet the client's connection receives from now on (before any buffering). */
function recordPackets(client: MeetingClient): string[] {
  const events: string[] = [];
  client.socket.io.on('packet', (packet) => {
    if (Array.isArray(packet.data) && typeof packet.data[0] === 'string')
      events.push(packet.data[0]);
  });
  return events;
}

async function reconnect(client: MeetingClient): Promise<void> {
  const connected = new Promise<void>((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', reject);
  });
  client.socket.connect();
  await connected;
}

const deployments = [
  { name: 'SQLite, in-memory adapter', deploy: onSqlite, skip: false },
  { name: 'Redis, streams adapter, two instances', deploy: onRedis, skip: !redis.available },
];

describe.each(deployments)('[R1][R2][R3] connection recovery ($name)', ({ deploy, skip }) => {
  it.skipIf(skip)(
    '[R1] Mo’s connection drops → Ann joins → Mo comes back recovered, with the change he missed',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const deployment = await deploy(clock);
      const { fran, mo, ann } = await inTheLobby(deployment);
      await dropConnection(mo, deployment.west);

      const { version } = await ann.do({ type: 'meeting:join' });
      await reconnect(mo);
      expect(mo.socket.recovered).toBe(true);
      await mo.waitForVersion(version);
      expect(mo.changesBetween(version - 1).map((change) => change.version)).toEqual([version]);

      // Still watching, without subscribing again.
      const { version: joined } = await mo.do({ type: 'meeting:join' });
      await mo.waitForVersion(joined);
      await fran.waitForVersion(joined);
    },
  );

  it.skipIf(skip)(
    '[R3][M8] Ann’s connection drops → the organiser removes her → she comes back afresh, is told, and hears nothing more',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const deployment = await deploy(clock);
      const { organiser, set, fran, mo, ann } = await inTheLobby(deployment);
      await dropConnection(ann, deployment.west);
      const seen = ann.changes.length;

      await expectOk(
        deployment.east.url,
        'DELETE',
        `/api/sets/${set.id}/members/${ann.person.personId}`,
        {
          as: organiser,
        },
      );
      // The roster change is broadcast while she is away (M9).
      await mo.waitFor((state) =>
        state.roster.every((entry) => entry.personId !== ann.person.personId),
      );

      const packets = recordPackets(ann);
      const revoked = new Promise<{ setId: string }>((resolve) =>
        ann.socket.once('access:revoked', resolve),
      );
      await reconnect(ann);
      expect(ann.socket.recovered).toBe(false);
      expect(await revoked).toEqual({ setId: set.id });

      const { version } = await mo.do({ type: 'meeting:join' });
      await fran.waitForVersion(version);
      expect(await ann.trySubscribe()).toMatchObject({
        ok: false,
        error: { code: ErrorCode.forbidden },
      });
      expect(ann.changes.slice(seen)).toEqual([]);
      expect(packets.filter((event) => event.startsWith('meeting:'))).toEqual([]);
    },
  );

  it.skipIf(skip)(
    '[R2] Mo’s connection drops → he signs out elsewhere → coming back is refused, with nothing replayed',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const deployment = await deploy(clock);
      const { mo, ann } = await inTheLobby(deployment);
      await dropConnection(mo, deployment.west);
      await expectOk(deployment.east.url, 'POST', '/api/sign-out', { as: mo.person });
      await ann.do({ type: 'meeting:join' });

      const packets = recordPackets(mo);
      await expect(reconnect(mo)).rejects.toMatchObject({
        data: { code: ErrorCode.unauthenticated },
      });
      expect(packets).toEqual([]);
    },
  );
});
