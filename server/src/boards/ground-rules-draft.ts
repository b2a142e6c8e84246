/**
 * The ground rules' draft never starts empty: when a meeting opens and the set board's draft is
 * empty, the server writes into it the version in force (or, before the first, the suggested
 * ground rules), as a numbered list the facilitator edits. Written once, on the meeting that
 * creates the live meeting, and never over anything already there.
 */
import * as Y from 'yjs';
import { ContractVersion, DEFAULT_GROUND_RULES, rulesOfVersion } from '@setboard/shared';
import type { ServerDocWriter } from './server-doc-writer.js';
import type { Store } from '../store/store.js';
import { readStoredDoc } from './stored-board.js';

const DRAFT_ROOT = 'groundRules';

function currentRules(doc: Y.Doc): string[] {
  const versions = doc
    .getArray<unknown>('contractVersions')
    .toArray()
    .flatMap((item) => {
      const parsed = ContractVersion.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.version - a.version);
  const latest = versions[0];
  return latest ? rulesOfVersion(latest.text) : [...DEFAULT_GROUND_RULES];
}

/** Starts the set's draft from the version in force (or the defaults) when it is empty. */
export async function seedGroundRulesDraft(
  docs: Pick<ServerDocWriter, 'writeAsServer'>,
  store: Store,
  setId: string,
): Promise<void> {
  const name = `set:${setId}`;
  const stored = await readStoredDoc(store, name, (doc) => ({
    empty: doc.getXmlFragment(DRAFT_ROOT).length === 0,
    rules: currentRules(doc),
  }));
  if (!stored.empty || stored.rules.length === 0) return;
  await docs.writeAsServer(name, (doc) => {
    const draft = doc.getXmlFragment(DRAFT_ROOT);
    if (draft.length > 0) return;
    const list = new Y.XmlElement('orderedList');
    list.insert(
      0,
      stored.rules.map((rule) => {
        const item = new Y.XmlElement('listItem');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(rule)]);
        item.insert(0, [paragraph]);
        return item;
      }),
    );
    draft.insert(0, [list]);
  });
}
