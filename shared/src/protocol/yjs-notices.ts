/**
 * Messages the `/yjs` endpoint sends besides y-websocket's own (sync 0, awareness 1, auth 2,
 * query awareness 3). A y-websocket provider ignores types it has no handler for; our client
 * registers one (docs/protocol.md, rule W-notice).
 */
import { z } from 'zod';

/** Message type of a JSON notice; far from y-websocket's own types so they never collide. */
export const YJS_NOTICE_MESSAGE = 100;

/** The server reverted part of a change: where, why, and the text to copy back. */
export const WriteRefusedNotice = z.object({
  type: z.literal('write_refused'),
  /** Rule ids from docs/protocol.md (W0–W14), one per refused section. */
  rules: z.array(z.string()),
  /** Plain-English reasons, one per refused section, for the writer. */
  reasons: z.array(z.string()),
  /** The sections refused, as `root` or `root:key`. */
  sections: z.array(z.string()),
  /** The text the refused change would have added, so nothing typed is lost. */
  text: z.string(),
});
export type WriteRefusedNotice = z.infer<typeof WriteRefusedNotice>;

export const YjsNotice = z.discriminatedUnion('type', [WriteRefusedNotice]);
export type YjsNotice = z.infer<typeof YjsNotice>;
