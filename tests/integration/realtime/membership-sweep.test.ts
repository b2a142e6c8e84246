/**
 * Revocation that holds when its message is lost (issue 18, docs/protocol.md Y11): a member
 * removed without any instance hearing of it (the set record changed in the store behind the
 * server's back, as when a pub/sub connection drops) is closed from their board by the
 * connection sweep, which re-checks membership — not only by the removal's own message.
 */
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@setboard/shared';
import { Collection, type SetRecord } from '../../../server/src/access/records.js';
import { aSetBoard, setWithPeople, type TestPerson } from '../../support/actors.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../../support/meeting-set.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';

/** Marks `personId` removed in the stored set record, telling nobody. */
async function removeBehindTheServersBack(server: TestServer, setId: string, personId: string) {
  const stored = (await server.store.get<SetRecord>(Collection.sets, setId))!;
  const members = { ...stored.value.members };
  members[personId] = { ...members[personId]!, status: 'removed' };
  const removed: SetRecord = { ...stored.value, members };
  expect((await server.store.put(Collection.sets, setId, removed, stored.version)).ok).toBe(true);
}

describe('the connection sweep re-checks membership', () => {
  it('[Y11] a member removed without a message is closed from the set board by the next sweep', async () => {
    const server = await startTestServer();
    const { docName, member, set } = await aSetBoard(server.url, (await server.setupUrl())!);
    const board = connectYjs(server.url, docName, member);
    await board.synced();
    const closed = new Promise<number>((resolve) =>
      board.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );

    // Nothing kept: a sweep while they are a member closes nothing.
    await server.app.sweep.sweepNow();
    expect(board.provider.wsconnected).toBe(true);

    await removeBehindTheServersBack(server, set.id, member.personId);
    await server.app.sweep.sweepNow();
    expect(await closed).toBe(YjsCloseCode.forbidden);
  });

  it('[Y11][H5] a socket still in the meeting room of a set its person has left is told and disconnected by the next sweep', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    const people = await setWithPeople(server.url, await server.setupUrl());
    const [leaver, stayer] = people.members as [TestPerson, TestPerson];
    const meetingId = await openMeeting(server.url, people.facilitator, people.set.id, 0);
    const leaving = await MeetingClient.connect(server.url, leaver, meetingId);
    const staying = await MeetingClient.connect(server.url, stayer, meetingId);
    const told = new Promise((resolve) => leaving.socket.once('access:revoked', resolve));
    const gone = new Promise((resolve) => leaving.socket.once('disconnect', resolve));

    await server.app.sweep.sweepNow();
    expect(leaving.socket.connected).toBe(true);

    await removeBehindTheServersBack(server, people.set.id, leaver.personId);
    await server.app.sweep.sweepNow();
    expect(await told).toEqual({ setId: people.set.id });
    await gone;
    expect(staying.socket.connected).toBe(true);
  });
});
