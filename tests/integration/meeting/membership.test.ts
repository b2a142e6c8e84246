/**
 * [M9] An open meeting follows the set's membership: someone who accepts an invitation after the
 * meeting was opened is on its roster and may join; someone removed leaves the roster, the floor
 * and the queue, and their attendance stays for the record. On SQLite, and on Redis with the
 * watcher on the other instance.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingState } from '@setboard/shared';
import { acceptInvitation, expectOk, invite } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('[M9] rosters on two instances');

const onRoster = (state: MeetingState, personId: string) =>
  state.roster.some((entry) => entry.personId === personId);

/** Fran and Mo on `east`, Ann watching on `west`; the meeting open, in the lobby. */
async function openedMeeting(east: TestServer, west: TestServer) {
  const people = await setReadyToMeet(east.url, await east.setupUrl(), 2, { quorum: 2 });
  const meetingId = await openMeeting(east.url, people.facilitator, people.set.id, 0);
  const fran = await MeetingClient.connect(east.url, people.facilitator, meetingId);
  const mo = await MeetingClient.connect(east.url, people.members[0]!, meetingId);
  const ann = await MeetingClient.connect(west.url, people.members[1]!, meetingId);
  await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
  return { ...people, meetingId, fran, mo, ann };
}

async function followsMembership(east: TestServer, west: TestServer): Promise<void> {
  const { organiser, set, meetingId, fran, mo, ann } = await openedMeeting(east, west);

  // Zoe accepts an invitation after the meeting was opened: she is on its roster at once.
  const zoe = await acceptInvitation(east.url, await invite(east.url, organiser, set.id), 'Zoe');
  const withZoe = await ann.waitFor((state) => onRoster(state, zoe.personId), 'Zoe on the roster');
  expect(withZoe.attendance[zoe.personId]).toMatchObject({ status: 'expected', joinedAt: null });
  expect(ann.changes.at(-1)?.events).toEqual([
    { type: 'roster:changed', added: [zoe.personId], removed: [] },
  ]);
  const zoeHere = await MeetingClient.connect(west.url, zoe, meetingId);
  await zoeHere.do({ type: 'meeting:join' });

  // The meeting starts; in contracting Mo holds the floor and Ann waits.
  for (const client of [fran, mo, ann]) await client.do({ type: 'meeting:join' });
  await fran.do({ type: 'meeting:start' });
  await fran.do({ type: 'stage:advance' });
  await mo.do({ type: 'hand:raise' });
  const { version } = await ann.do({ type: 'hand:raise' });
  await fran.waitForVersion(version);
  expect(fran.state.queue).toMatchObject({ floor: { personId: mo.person.personId } });

  // The organiser removes Mo: off the roster and the floor (Ann has it now); attendance kept.
  await expectOk(west.url, 'DELETE', `/api/sets/${set.id}/members/${mo.person.personId}`, {
    as: organiser,
  });
  const after = await fran.waitFor((state) => !onRoster(state, mo.person.personId), 'Mo gone');
  expect(after.queue).toMatchObject({ floor: { personId: ann.person.personId }, hands: [] });
  expect(after.attendance[mo.person.personId]?.status).toBe('present');
  await ann.waitForVersion(fran.version);
  expect(ann.state.roster.map((entry) => entry.personId).sort()).toEqual(
    [fran.person.personId, ann.person.personId, zoe.personId].sort(),
  );
}

describe('[M9] an open meeting follows the set’s membership', () => {
  it('[M9] a newcomer is on the roster and joins; a removed member leaves it (SQLite)', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    await followsMembership(server, server);
  });

  it.skipIf(!redis.available)(
    '[M9][M5] the same on Redis: the change reaches the other instance',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const backend = redisBackend('rosters');
      const start = () => backend.startInstance({ now: clock.now, scheduler: clock });
      await followsMembership(await start(), await start());
    },
  );

  it('[M9] a closed meeting keeps its roster; the next one, opened later, has the newcomer', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    const { organiser, set, fran, mo, ann } = await openedMeeting(server, server);
    for (const client of [fran, mo, ann]) await client.do({ type: 'meeting:join' });
    await fran.do({ type: 'meeting:start' });
    while (fran.state.phase !== 'closed') {
      const { version } = await fran.do({ type: 'stage:advance' });
      await fran.waitForVersion(version);
    }
    const closedAt = fran.version;
    const zoe = await acceptInvitation(
      server.url,
      await invite(server.url, organiser, set.id),
      'Zoe',
    );
    expect((await fran.subscribe()).version).toBe(closedAt);
    expect(onRoster(fran.state, zoe.personId)).toBe(false);
    const next = await MeetingClient.connect(
      server.url,
      zoe,
      await openMeeting(server.url, fran.person, set.id, 1),
    );
    expect(onRoster(next.state, zoe.personId)).toBe(true);
  });
});
