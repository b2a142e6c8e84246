/**
 * The ground rules as published: the draft (rich text in `groundRules`) frozen as plain text in
 * `contractVersions`, and each member's agreement in `agreements` (BOARD_ROOTS.set).
 */
import type { ContractAgreement, ContractVersion } from '@setboard/shared';
import * as Y from 'yjs';
import {
  AGREEMENTS_ROOT,
  CONTRACT_VERSIONS_ROOT,
  readAgreements,
  readVersions,
} from '../../../records/contract';

export { AGREEMENTS_ROOT, CONTRACT_VERSIONS_ROOT, readAgreements, readVersions };
export const GROUND_RULES_ROOT = 'groundRules';

/** Block elements whose text starts a new line. */
const LIST_ITEM = 'listItem';

function textOfNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, lines: string[], prefix: string) {
  if (node instanceof Y.XmlText) {
    const text = node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
    const last = lines.length - 1;
    lines[last] = `${lines[last] ?? ''}${text}`;
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  const isListItem = node.nodeName === LIST_ITEM;
  const hasBlocks = node.toArray().some((child) => child instanceof Y.XmlElement);
  if (!hasBlocks) lines.push(prefix);
  let first = true;
  for (const child of node.toArray()) {
    textOfNode(child, lines, isListItem && first ? '• ' : '');
    first = false;
  }
}

/**
 * The draft's words as plain text: one line per paragraph or heading, list items marked with
 * a bullet, empty paragraphs dropped. Formatting is not kept: versions are read, not edited.
 */
export function plainTextOf(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  for (const child of fragment.toArray()) textOfNode(child, lines, '');
  return lines
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && line.trim() !== '•')
    .join('\n');
}

/** The number the next published version takes. */
export function nextVersionNumber(versions: readonly ContractVersion[]): number {
  return versions.reduce((highest, version) => Math.max(highest, version.version), 0) + 1;
}

export function publishVersion(
  doc: Y.Doc,
  text: string,
  version: number,
  personId: string,
  now: number,
): void {
  const published: ContractVersion = { version, text, publishedAt: now, publishedBy: personId };
  doc.getArray<ContractVersion>(CONTRACT_VERSIONS_ROOT).push([published]);
}

export function agreeToVersion(doc: Y.Doc, personId: string, version: number, now: number): void {
  const agreement: ContractAgreement = { version, agreedAt: now };
  doc.getMap<ContractAgreement>(AGREEMENTS_ROOT).set(personId, agreement);
}
