/**
 * Notices the /yjs endpoint sends on our own message type (`YJS_NOTICE_MESSAGE`), e.g. that the
 * write gate reverted part of a change (docs/protocol.md, W-notice). y-websocket hands a message
 * to whichever handler its type has; without one it only logs "Unable to compute message".
 */
import { YJS_NOTICE_MESSAGE, YjsNotice } from '@setboard/shared';
import * as decoding from 'lib0/decoding';
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

/** Calls `onNotice` for every readable notice on `provider`; returns a function that stops. */
export function handleNotices(
  provider: Pick<WebsocketProvider, 'messageHandlers'>,
  onNotice: (notice: YjsNotice) => void,
): () => void {
  const handler: WebsocketProvider['messageHandlers'][number] = (_encoder, decoder) => {
    const notice = readNotice(decoder);
    if (notice) onNotice(notice);
  };
  provider.messageHandlers[YJS_NOTICE_MESSAGE] = handler;
  return () => {
    if (provider.messageHandlers[YJS_NOTICE_MESSAGE] === handler) {
      delete provider.messageHandlers[YJS_NOTICE_MESSAGE];
    }
  };
}
