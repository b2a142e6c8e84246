/**
 * Who may open, watch and command a meeting, and refusals over the wire: a refused command
 * changes nothing (G2) — no new version, no broadcast — and a member removed from the set can
 * neither subscribe nor command. Also: two instances ticking one meeting apply the tick once.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode, meetingIdOf, type AckResult, type MeetingOpenReply } from '@setboard/shared';
import { expectOk } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting, positionOf } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const redis = await redisForSuite('meeting ticks on two instances');

async function meetingInLobby(server: TestServer, clock: ManualClock) {
  const people = await setReadyToMeet(server.url, await server.setupUrl(), 3, { quorum: 3 });
  const meetingId = await openMeeting(server.url, people.facilitator, people.set.id, 0);
  const [fran, pat, mo, ann] = (await Promise.all(
    [people.facilitator, ...people.members].map((person) =>
      MeetingClient.connect(server.url, person, meetingId),
    ),
  )) as [MeetingClient, MeetingClient, MeetingClient, MeetingClient];
  await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
  expect(clock.now()).toBeLessThan(FIRST_MEETING_STARTS_AT);
  return { ...people, meetingId, fran, pat, mo, ann };
}

describe('meeting commands over the wire', () => {
  it('[M2][M3] a refused command is answered with the reducer’s code and changes nothing (G2)', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    const { fran, pat, mo } = await meetingInLobby(server, clock);
    const { version } = await pat.do({ type: 'meeting:join' });
    await mo.waitForVersion(version);

    const refused = await pat.send({ type: 'stage:advance' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'not_facilitator', message: 'Only the facilitator can do that.' },
    });
    expect(await pat.send({ type: 'meeting:join' })).toMatchObject({
      ok: false,
      error: { code: 'already_joined' },
    });
    expect(await mo.send({ type: 'hand:raise' }, version)).toMatchObject({
      ok: false,
      error: { code: 'not_joined' },
    });
    // A stale expectedVersion is a conflict, not a second application.
    expect(await mo.send({ type: 'meeting:join' }, version - 1)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.conflict },
    });
    // Clients never tick: the clock is the server's.
    expect(await mo.send({ type: 'tick' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.validation },
    });
    expect((await mo.subscribe()).version).toBe(version);

    // The next accepted change is the very next version, and the only broadcast since.
    const next = await fran.do({ type: 'meeting:join' });
    expect(next.version).toBe(version + 1);
    await mo.waitForVersion(next.version);
    expect(mo.changesBetween(version).map((change) => change.version)).toEqual([version + 1]);
  });

  it('[M1][M2] only the facilitator opens a meeting, only a planned one, and only members subscribe', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    const { organiser, facilitator, members, set, meetingId } = await meetingInLobby(server, clock);
    const asMember = connectSocket(server.url, { as: members[0]! });
    await waitForConnect(asMember);
    const opened = (await asMember.emitWithAck('meeting:open', {
      setId: set.id,
      meetingIndex: 1,
    })) as AckResult<MeetingOpenReply>;
    expect(opened).toMatchObject({ ok: false, error: { code: ErrorCode.forbidden } });
    await expect(openMeeting(server.url, organiser, set.id, 0)).rejects.toThrow('forbidden');
    await expect(openMeeting(server.url, facilitator, set.id, 5)).rejects.toThrow('not_found');

    const organiserWatching = await MeetingClient.connect(server.url, organiser, meetingId, {
      subscribe: false,
    });
    expect(await organiserWatching.trySubscribe()).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    const nowhere = await MeetingClient.connect(server.url, members[0]!, meetingIdOf(set.id, 3), {
      subscribe: false,
    });
    expect(await nowhere.trySubscribe()).toMatchObject({
      ok: false,
      error: { code: ErrorCode.notFound },
    });
  });

  it('[M8] a member removed from the set can no longer subscribe or command', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    const { organiser, set, meetingId, fran, ann } = await meetingInLobby(server, clock);
    const disconnected = new Promise<void>((resolve) =>
      ann.socket.once('disconnect', () => resolve()),
    );
    await expectOk(server.url, 'DELETE', `/api/sets/${set.id}/members/${ann.person.personId}`, {
      as: organiser,
    });
    await disconnected;

    const back = await MeetingClient.connect(server.url, ann.person, meetingId, {
      subscribe: false,
    });
    expect(await back.trySubscribe()).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    expect(await back.send({ type: 'meeting:join' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.forbidden },
    });
    const { version } = await fran.do({ type: 'meeting:join' });
    expect(fran.changesBetween(0).map((change) => change.version)).toContain(version);
    expect(back.changes).toEqual([]);
  });
});

describe.skipIf(!redis.available)('meeting ticks on two instances', () => {
  it('[M6][M5] both instances’ clocks fire at a deadline; the tick is applied once', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const backend = redisBackend('meeting-ticks');
    const startInstance = () => backend.startInstance({ now: clock.now, scheduler: clock });
    const east = await startInstance();
    const west = await startInstance();
    const { facilitator, members, set } = await setReadyToMeet(east.url, await east.setupUrl(), 3, {
      quorum: 3,
      timing: 'strict',
    });
    const meetingId = await openMeeting(east.url, facilitator, set.id, 0);
    const fran = await MeetingClient.connect(east.url, facilitator, meetingId);
    const others = await Promise.all(
      members.map((member, index) =>
        MeetingClient.connect(index % 2 === 0 ? west.url : east.url, member, meetingId),
      ),
    );
    const watcher = others[0]!; // on west
    await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
    for (const client of [fran, ...others]) await client.do({ type: 'meeting:join' });
    clock.advanceTo(FIRST_MEETING_STARTS_AT);
    const { version } = await fran.do({ type: 'meeting:start' });
    await watcher.waitForVersion(version);
    expect(positionOf(watcher.state).phase).toBe('opening');

    // Both instances have a subscriber, so both clocks are armed for the same moment.
    clock.advanceBy(5 * MINUTE_MS);
    await watcher.waitFor((state) => state.phase === 'contracting', 'contracting');
    // One change for the tick, whichever instance applied it; the raise is the very next.
    const { version: after } = await others[1]!.do({ type: 'hand:raise' });
    expect(after).toBe(version + 2);
    await watcher.waitForVersion(after);
    const versions = watcher.changesBetween(version).map((change) => change.version);
    expect(versions.sort((a, b) => a - b)).toEqual([version + 1, version + 2]);
  });
});
