/**
 * [AT-C4] Ten members race for the floor 200 times. In contracting the first raised hand takes a
 * free floor and later hands queue, so when all ten raise at once exactly one may be granted it:
 * every raise must be applied once (none lost, none twice) and exactly one grant broadcast.
 * Then the facilitator moves on and back, which clears the queue for the next round. On SQLite,
 * and on Redis with the members split across two instances.
 */
import { describe, expect, it } from 'vitest';
import type { AckResult, MeetingCommandReply } from '@setboard/shared';
import { redisBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const ROUNDS = 200;
const RACERS = 10;
const redis = await redisForSuite('[AT-C4] floor race on two instances');

function accepted(reply: AckResult<MeetingCommandReply>): MeetingCommandReply {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code}`);
  return reply.data;
}

/** The facilitator on the first instance; members (and an observer) spread over all of them. */
async function raceForTheFloor(instances: TestServer[], clock: ManualClock): Promise<void> {
  const [first] = instances as [TestServer];
  const { facilitator, members, set } = await setReadyToMeet(
    first.url,
    await first.setupUrl(),
    RACERS,
    {},
  );
  const meetingId = await openMeeting(first.url, facilitator, set.id, 0);
  const on = (index: number) => instances[index % instances.length]!.url;
  const fran = await MeetingClient.connect(first.url, facilitator, meetingId);
  const racers = await Promise.all(
    members.map((member, index) =>
      MeetingClient.connect(on(index), member, meetingId, { subscribe: false }),
    ),
  );
  // Someone on the last instance watches every broadcast.
  const observer = await MeetingClient.connect(
    instances.at(-1)!.url,
    members[RACERS - 1]!,
    meetingId,
  );

  await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
  for (const client of [fran, ...racers]) await client.do({ type: 'meeting:join' });
  await fran.do({ type: 'meeting:start' });
  let version = (await fran.do({ type: 'stage:advance' })).version;
  await observer.waitForVersion(version);
  expect(observer.state.phase).toBe('contracting');
  const grants: Record<string, number> = {};

  for (let round = 0; round < ROUNDS; round++) {
    const before = version;
    const replies = await Promise.all(racers.map((racer) => racer.send({ type: 'hand:raise' })));
    const acks = replies.map(accepted);
    expect(acks.map((ack) => ack.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: RACERS }, (_, index) => before + 1 + index),
    );
    const winners = racers.filter(
      (racer, index) => acks[index]!.state.queue.floor?.personId === racer.person.personId,
    );
    expect(winners, `round ${round}: one grant`).toHaveLength(1);
    const winner = winners[0]!.person.personId;
    const last = acks.find((ack) => ack.version === before + RACERS)!.state;
    expect(last.queue.floor?.personId).toBe(winner);
    expect([...last.queue.hands].sort()).toEqual(
      racers
        .map((racer) => racer.person.personId)
        .filter((id) => id !== winner)
        .sort(),
    );

    await fran.do({ type: 'stage:advance' });
    version = (await fran.do({ type: 'stage:back' })).version;
    expect(version).toBe(before + RACERS + 2);
    await observer.waitForVersion(version);
    // Changes stored on different instances may arrive in any order: versions say which is new.
    const broadcast = observer.changesBetween(before, before + RACERS);
    expect(broadcast.map((change) => change.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: RACERS }, (_, index) => before + 1 + index),
    );
    const granted = broadcast.flatMap((change) =>
      change.events.filter((event) => event.type === 'floor:granted'),
    );
    expect(granted).toEqual([{ type: 'floor:granted', personId: winner }]);
    grants[winner] = (grants[winner] ?? 0) + 1;
  }
  expect(Object.values(grants).reduce((sum, count) => sum + count, 0)).toBe(ROUNDS);
  expect(clock.now()).toBe(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
}

describe('[AT-C4] ten members race for the floor', () => {
  it('[AT-C4][M3] 200 rounds on SQLite: exactly one grant each time, no raise lost', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    await raceForTheFloor([server], clock);
  }, 120_000);

  it.skipIf(!redis.available)(
    '[AT-C4][M3][M5] 200 rounds on Redis, members split across two instances: exactly one grant each time',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const backend = redisBackend('floor-race');
      const startInstance = () => backend.startInstance({ now: clock.now, scheduler: clock });
      await raceForTheFloor([await startInstance(), await startInstance()], clock);
    },
    120_000,
  );
});
