/**
 * Notices the /yjs endpoint sends on our own message type (`YJS_NOTICE_MESSAGE`), e.g. that the
 * write gate reverted part of a change (docs/protocol.md, W-notice). y-websocket hands a message
 * to whichever handler its type has; without one it only logs "Unable to compute message".
 */
import { YJS_NOTICE_MESSAGE, YJS_NOTICE_RECEIPT, YjsNotice } from '@setboard/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';

/** Reads a notice's JSON from the rest of the message; null for anything we cannot trust. */
export function readNotice(decoder: decoding.Decoder): YjsNotice | null {
  try {
    const parsed = YjsNotice.safeParse(JSON.parse(decoding.readVarString(decoder)));
    return parsed.success ? parsed.data : null;
  } catch {
    // Truncated bytes or broken JSON: a notice we cannot read is one we cannot show.
    return null;
  }
}

/**
 * Calls `onNotice` once for every readable notice on `provider`, and answers each with a receipt
 * (the server sends a notice again, after a reconnect, until it has one: docs/protocol.md Y17).
 * Returns a function that stops.
 */
export function handleNotices(
  provider: Pick<WebsocketProvider, 'messageHandlers'>,
  onNotice: (notice: YjsNotice) => void,
): () => void {
  const seen = new Set<string>();
  const handler: WebsocketProvider['messageHandlers'][number] = (encoder, decoder) => {
    const notice = readNotice(decoder);
    if (!notice) return;
    // y-websocket sends whatever a handler writes to `encoder` back to the server.
    encoding.writeVarUint(encoder, YJS_NOTICE_RECEIPT);
    encoding.writeVarString(encoder, notice.id);
    if (seen.has(notice.id)) return;
    seen.add(notice.id);
    onNotice(notice);
  };
  provider.messageHandlers[YJS_NOTICE_MESSAGE] = handler;
  return () => {
    if (provider.messageHandlers[YJS_NOTICE_MESSAGE] === handler) {
      delete provider.messageHandlers[YJS_NOTICE_MESSAGE];
    }
  };
}
