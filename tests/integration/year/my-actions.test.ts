/**
 * "My actions": a presenter's actions read from their slot board across the set, and a status
 * change made there written into the board by the server — seen live by anyone with the board
 * open — under the one shared rule (W2: the presenter alone).
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { MeetingActions, MyActionsView, OwnedAction } from '@setboard/shared';
import { callApi, expectOk } from '../../support/actors.js';
import { connectBoard } from '../../support/board-client.js';
import { boardFixture } from '../../support/board-fixture.js';

function addAction(doc: Y.Doc, id: string, what: string, due: string, createdAt: number) {
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    const fields = {
      what,
      intendedOutcome: '',
      howWillIKnow: 'The wards say so',
      due,
      status: 'committed',
      statusNote: '',
      createdAt,
    };
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
    doc.getMap('actions').set(id, record);
  });
}

const statusIn = (doc: Y.Doc, id: string) =>
  (doc.getMap('actions').get(id) as Y.Map<unknown> | undefined)?.get('status');

describe('my actions', () => {
  it('[AT-BM1][W2] lists a presenter’s actions by due date; a status change reaches the open slot board live; nobody else may change it', async () => {
    const f = await boardFixture();
    const { slotId } = await f.toPatsSlot('action_planning');
    const [pat, mo] = f.people.members as [
      (typeof f.people.members)[0],
      (typeof f.people.members)[0],
    ];
    const patBoard = connectBoard(f.server.url, `slot:${slotId}`, pat);
    const moBoard = connectBoard(f.server.url, `slot:${slotId}`, mo);
    await patBoard.synced;
    await moBoard.synced;
    addAction(patBoard.doc, 'later', 'Agree a rota pilot', '2027-12-14', 2);
    addAction(patBoard.doc, 'sooner', 'Talk to ward managers', '2027-10-01', 1);
    await moBoard.waitUntil((doc) => doc.getMap('actions').size === 2, 'both actions');
    // The actions are stored before anyone sees them: the store-backed list has both.
    const setId = f.people.set.id;
    const mine = (
      await expectOk<MyActionsView>(f.server.url, 'GET', '/api/my/actions', { as: pat })
    ).body;
    expect(mine.actions.map((owned) => owned.actionId)).toEqual(['sooner', 'later']);
    expect(mine.actions[0]).toMatchObject({ setId, meetingIndex: 0, slotId, overdue: false });
    const others = await expectOk<MyActionsView>(f.server.url, 'GET', '/api/my/actions', {
      as: mo,
    });
    expect(others.body.actions).toEqual([]);

    const path = `/api/sets/${setId}/actions/${slotId}/sooner`;
    const done = await expectOk<OwnedAction>(f.server.url, 'POST', path, {
      as: pat,
      body: { status: 'done', note: 'All six agreed' },
    });
    expect(done.body.action).toMatchObject({ status: 'done' });
    expect(done.body.action.progress).toEqual([
      expect.objectContaining({ status: 'done', note: 'All six agreed' }),
    ]);
    await moBoard.waitUntil((doc) => statusIn(doc, 'sooner') === 'done', 'the new status');
    await patBoard.waitUntil((doc) => statusIn(doc, 'sooner') === 'done', 'the new status');

    // Someone else's action: refused, and nothing changes.
    const refused = await callApi(
      f.server.url,
      'POST',
      `/api/sets/${setId}/actions/${slotId}/later`,
      {
        as: mo,
        body: { status: 'done', note: '' },
      },
    );
    expect(refused.status).toBe(403);
    // A move the status rules do not allow: a clear error on the field, nothing changes.
    const backwards = await callApi<{ error: { issues: { path: string }[] } }>(
      f.server.url,
      'POST',
      path,
      { as: pat, body: { status: 'draft', note: '' } },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues.map((issue) => issue.path)).toEqual(['status']);
    const reported = await expectOk<MeetingActions>(
      f.server.url,
      'GET',
      `/api/sets/${setId}/meetings/0/actions`,
      { as: mo },
    );
    expect(reported.body.presenters).toEqual([
      expect.objectContaining({ personId: pat.personId, slotId }),
    ]);
    const statuses = reported.body.presenters[0]!.actions.map(({ actionId, action }) => [
      actionId,
      action.status,
    ]);
    // In the order they were made.
    expect(statuses).toEqual([
      ['sooner', 'done'],
      ['later', 'committed'],
    ]);
    expect(statusIn(moBoard.doc, 'later')).toBe('committed');
  });
});
