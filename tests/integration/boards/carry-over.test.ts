/**
 * A deferred slot takes its board to the next meeting: when that meeting is opened, the
 * presenter's issue and wanted outcome are in the new slot's board (docs/protocol.md, M1).
 */
import { describe, expect, it } from 'vitest';
import type { AckResult, MeetingSnapshot } from '@setboard/shared';
import { boardFixture } from '../../support/board-fixture.js';
import { connectBoard, proseOf, typeParagraph } from '../../support/board-client.js';
import { openMeeting } from '../../support/meeting-client.js';
import { waitUntilStored } from '../../support/stored-doc.js';

describe('carrying a deferred slot’s board', () => {
  it('[M1][W1] the next meeting’s slot starts with the presenter’s issue and outcome, copied once', async () => {
    const f = await boardFixture();
    await f.advanceUntil((state) => state.phase === 'bidding', 'bidding');
    await f.pat.do({ type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
    const slot = (await f.fran.waitFor((state) => state.slots.length === 1, 'Pat’s bid')).slots[0]!;
    const before = connectBoard(f.server.url, `slot:${slot.id}`, f.pat.person);
    await before.synced();
    typeParagraph(before.doc, 'issueStatement', 'Two rotas, one team, no agreement.');
    typeParagraph(before.doc, 'desiredOutcome', 'A rota both teams can live with.');
    await waitUntilStored(
      f.server.store,
      `slot:${slot.id}`,
      (doc) =>
        proseOf(doc, 'issueStatement') === 'Two rotas, one team, no agreement.' &&
        proseOf(doc, 'desiredOutcome') === 'A rota both teams can live with.',
      'the issue and the outcome wanted',
    );
    await f.fran.do({ type: 'slot:defer', slotId: slot.id });

    const set = f.people.set.id;
    const nextId = await openMeeting(f.server.url, f.people.facilitator, set, 1);
    const snapshot = (await f.fran.socket.emitWithAck('meeting:subscribe', {
      meetingId: nextId,
    })) as AckResult<MeetingSnapshot>;
    if (!snapshot.ok) throw new Error(snapshot.error.code);
    const carried = snapshot.data.state.slots[0]!;
    expect(carried).toMatchObject({ presenterId: f.pat.person.personId, carriedFrom: slot.id });

    const after = connectBoard(f.server.url, `slot:${carried.id}`, f.mo.person);
    await after.waitUntil(
      (doc) => proseOf(doc, 'issueStatement') === 'Two rotas, one team, no agreement.',
      'the carried issue',
    );
    expect(proseOf(after.doc, 'desiredOutcome')).toBe('A rota both teams can live with.');
    // Opening again changes nothing: no second copy.
    expect(await openMeeting(f.server.url, f.people.facilitator, set, 1)).toBe(nextId);
    const stored = connectBoard(f.server.url, `slot:${carried.id}`, f.ann.person);
    await stored.synced();
    expect(proseOf(stored.doc, 'issueStatement')).toBe('Two rotas, one team, no agreement.');
    // The earlier board is as it was.
    expect(proseOf(before.doc, 'issueStatement')).toBe('Two rotas, one team, no agreement.');
  });
});
