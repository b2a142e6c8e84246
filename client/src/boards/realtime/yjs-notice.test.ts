import { YJS_NOTICE_MESSAGE, YJS_NOTICE_RECEIPT, type WriteRefusedNotice } from '@setboard/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { handleNotices, readNotice } from './yjs-notice';

const refused: WriteRefusedNotice = {
  type: 'write_refused',
  id: 'n1',
  refusals: [
    {
      section: 'issueStatement',
      rule: 'W1',
      reason: 'Only the presenter writes their issue and the outcome wanted.',
      text: 'My view of the issue',
    },
  ],
  movedTo: null,
};

/** A message as the server frames it (server/src/realtime/yjs/messages.ts). */
function message(payload: string): decoding.Decoder {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YJS_NOTICE_MESSAGE);
  encoding.writeVarString(encoder, payload);
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  expect(decoding.readVarUint(decoder)).toBe(YJS_NOTICE_MESSAGE);
  return decoder;
}

type Handlers = WebsocketProvider['messageHandlers'];

describe('notices from the /yjs endpoint', () => {
  it('reads a write-refused notice with the text to copy back', () => {
    expect(readNotice(message(JSON.stringify(refused)))).toEqual(refused);
  });

  it('ignores what it cannot trust: broken JSON, unknown kinds, missing fields, cut bytes', () => {
    expect(readNotice(message('{not json'))).toBeNull();
    expect(readNotice(message(JSON.stringify({ type: 'surprise' })))).toBeNull();
    expect(readNotice(message(JSON.stringify({ type: 'write_refused', rules: [] })))).toBeNull();
    expect(readNotice(decoding.createDecoder(new Uint8Array([200])))).toBeNull();
  });

  it('registers its handler on the provider for the notice type, and takes it off again', () => {
    const provider = { messageHandlers: [] as Handlers };
    const seen: unknown[] = [];
    const stop = handleNotices(provider, (notice) => seen.push(notice));
    const handler = provider.messageHandlers[YJS_NOTICE_MESSAGE];
    expect(handler).toBeTypeOf('function');

    const receipts: Uint8Array[] = [];
    for (let delivery = 0; delivery < 2; delivery++) {
      const encoder = encoding.createEncoder();
      const decoder = message(JSON.stringify(refused));
      handler!(encoder, decoder, {} as WebsocketProvider, false, YJS_NOTICE_MESSAGE);
      receipts.push(encoding.toUint8Array(encoder));
    }
    // Shown once, though sent twice (again after a reconnect); a receipt answers each.
    expect(seen).toEqual([refused]);
    for (const receipt of receipts) {
      const reader = decoding.createDecoder(receipt);
      expect(decoding.readVarUint(reader)).toBe(YJS_NOTICE_RECEIPT);
      expect(decoding.readVarString(reader)).toBe(refused.id);
    }

    stop();
    expect(provider.messageHandlers[YJS_NOTICE_MESSAGE]).toBeUndefined();
  });
});
