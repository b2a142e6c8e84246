/**
 * [AT-RX1] Erasure reaches the slot board too, written in a real meeting: the presenter's issue,
 * outcome wanted, action and summary, and another member's reflection. After the member erases
 * their account their reflection is in no stored update and the presenter's words are intact;
 * after the presenter erases theirs, their words are gone as well.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { personalRoot } from '@setboard/shared';
import { expectOk } from '../../support/actors.js';
import { connectBoard, proseOf, typeParagraph } from '../../support/board-client.js';
import { boardFixture } from '../../support/board-fixture.js';
import { waitUntilStored } from '../../support/stored-doc.js';
import type { Store } from '../../../server/src/store/index.js';

async function storedText(store: Store, docName: string): Promise<string> {
  const { updates } = await store.loadDoc(docName);
  return Buffer.concat(updates.map((update) => Buffer.from(update))).toString('latin1');
}

describe('erasure on the slot board', () => {
  it('[AT-RX1] a reflection, then a presenter’s issue, outcome, action and summary, leave the stored slot board', async () => {
    const f = await boardFixture();
    const url = f.server.url;
    const tag = randomUUID().slice(0, 6);
    const { slotId } = await f.toPatsSlot('presenting');
    const docName = `slot:${slotId}`;
    const presenter = connectBoard(url, docName, f.pat.person);
    await presenter.synced();
    typeParagraph(presenter.doc, 'issueStatement', `PATISSUE${tag}`);
    typeParagraph(presenter.doc, 'desiredOutcome', `PATOUTCOME${tag}`);
    // Each stage's words are stored before the meeting moves on (after, they would be refused).
    await waitUntilStored(
      f.server.store,
      docName,
      (doc) => proseOf(doc, 'desiredOutcome') === `PATOUTCOME${tag}`,
      'the outcome wanted',
    );
    await f.toPatsSlot('reflecting_back');
    const mo = connectBoard(url, docName, f.mo.person);
    await mo.synced();
    typeParagraph(mo.doc, personalRoot('reflections', f.mo.person.personId), `MOREFLECT${tag}`);
    await waitUntilStored(
      f.server.store,
      docName,
      (doc) =>
        proseOf(doc, personalRoot('reflections', f.mo.person.personId)) === `MOREFLECT${tag}`,
      'the reflection',
    );
    await f.toPatsSlot('action_planning');
    presenter.doc.transact(() => {
      const action = new Y.Map<unknown>();
      presenter.doc.getMap('actions').set(randomUUID(), action);
      action.set('what', `PATACTION${tag}`);
    });
    typeParagraph(presenter.doc, 'summary', `PATSUMMARY${tag}`);
    await waitUntilStored(
      f.server.store,
      docName,
      (doc) => proseOf(doc, 'summary') === `PATSUMMARY${tag}`,
      'the summary',
    );

    await expectOk(url, 'POST', '/api/my/erase', { as: f.mo.person, body: { confirm: true } });
    let stored = await storedText(f.server.store, docName);
    expect(stored).not.toContain(`MOREFLECT${tag}`);
    for (const kept of ['PATISSUE', 'PATOUTCOME', 'PATACTION', 'PATSUMMARY']) {
      expect(stored, kept).toContain(`${kept}${tag}`);
    }

    await expectOk(url, 'POST', '/api/my/erase', { as: f.pat.person, body: { confirm: true } });
    stored = await storedText(f.server.store, docName);
    for (const gone of ['PATISSUE', 'PATOUTCOME', 'PATACTION', 'PATSUMMARY']) {
      expect(stored, gone).not.toContain(`${gone}${tag}`);
    }
  });
});
