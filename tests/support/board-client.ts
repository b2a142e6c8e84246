/**
 * A person's real y-websocket provider on one board doc, which also keeps what the server told
 * it: write-refused notices (our message type 100) and every update it received, as bytes, so a
 * test can prove refused text never reached it — not just that it is not visible now.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { expect, vi } from 'vitest';
import { YJS_NOTICE_MESSAGE, YJS_NOTICE_RECEIPT, YjsNotice } from '@setboard/shared';
import type { TestPerson } from './actors.js';
import { connectYjs, type YjsTestClient } from './yjs-client.js';

export interface BoardTestClient extends YjsTestClient {
  person: TestPerson;
  notices: YjsNotice[];
  /** Updates received from the server, in arrival order. */
  received: Uint8Array[];
  /** Whether any update received so far carries `text` (in any encoding Yjs uses for strings). */
  everReceived(text: string): boolean;
  waitForNotice(count?: number): Promise<YjsNotice>;
  /** Waits until `read(doc)` passes `check`. */
  waitUntil(check: (doc: Y.Doc) => boolean, what: string): Promise<void>;
}

export function connectBoard(serverUrl: string, docName: string, person: TestPerson) {
  const client = connectYjs(serverUrl, docName, person);
  const notices: YjsNotice[] = [];
  const received: Uint8Array[] = [];
  const seen = new Set<string>();
  // As the page does: a receipt for each notice, and each shown once however often it comes.
  client.provider.messageHandlers[YJS_NOTICE_MESSAGE] = (encoder, decoder) => {
    const notice = YjsNotice.parse(JSON.parse(decoding.readVarString(decoder)));
    encoding.writeVarUint(encoder, YJS_NOTICE_RECEIPT);
    encoding.writeVarString(encoder, notice.id);
    if (seen.has(notice.id)) return;
    seen.add(notice.id);
    notices.push(notice);
  };
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) received.push(update);
  });
  const board: BoardTestClient = {
    ...client,
    person,
    notices,
    received,
    everReceived: (text) =>
      received.some((update) => Buffer.from(update).toString('utf8').includes(text)),
    waitForNotice: async (count = 1) => {
      await vi.waitFor(() => expect(notices.length).toBeGreaterThanOrEqual(count), {
        timeout: 10_000,
        interval: 5,
      });
      return notices[count - 1]!;
    },
    waitUntil: (check, what) =>
      vi.waitFor(() => expect(check(client.doc), `${person.name}: ${what}`).toBe(true), {
        timeout: 10_000,
        interval: 5,
      }),
  };
  return board;
}

/** The plain text of a prose root (an XmlFragment of paragraphs or bare text). */
export function proseOf(doc: Y.Doc, root: string): string {
  return doc
    .getXmlFragment(root)
    .toArray()
    .map((node) => (node instanceof Y.XmlText ? node.toString() : textOfElement(node)))
    .join('\n');
}

function textOfElement(node: Y.XmlElement | Y.XmlHook | Y.XmlText): string {
  if (node instanceof Y.XmlText) return node.toString();
  if (node instanceof Y.XmlElement)
    return node
      .toArray()
      .map((child) => textOfElement(child as Y.XmlElement | Y.XmlText))
      .join('');
  return '';
}

/** Types a paragraph at the end of a prose root, as an editor would. */
export function typeParagraph(doc: Y.Doc, root: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(root);
  fragment.insert(fragment.length, [paragraph]);
}
