/**
 * Messages the `/yjs` endpoint sends besides y-websocket's own (sync 0, awareness 1, auth 2,
 * query awareness 3). A y-websocket provider ignores types it has no handler for; our client
 * registers one (docs/protocol.md, rule W-notice).
 */
import { z } from 'zod';

/** Message type of a JSON notice; far from y-websocket's own types so they never collide. */
export const YJS_NOTICE_MESSAGE = 100;
/**
 * Message type of a page's receipt for a notice (then its id as a string): until it arrives the
 * server keeps the notice and sends it again when the page reconnects (Y17).
 */
export const YJS_NOTICE_RECEIPT = 101;

/** One section the server would not take, with every word the writer put there (Y13). */
export const GivenBack = z.object({
  /** The section, as `root` or `root:key` (a writer's own card, a member's objectives…). */
  section: z.string(),
  /** The rule id from docs/protocol.md (W0–W14). */
  rule: z.string(),
  /** The rule's reason in plain English, for the writer. */
  reason: z.string(),
  /** The text this change added there, in document order; never cut to single characters. */
  text: z.string(),
});
export type GivenBack = z.infer<typeof GivenBack>;

/** The server reverted part of a change: where, why, and the words to give back. */
export const WriteRefusedNotice = z.object({
  type: z.literal('write_refused'),
  /** Unique per notice: the page's receipt names it, and a notice sent twice is shown once. */
  id: z.string().min(1).max(64),
  refusals: z.array(GivenBack).min(1),
  /**
   * Where the meeting is now (a slot stage such as `action_planning`, else the meeting's phase)
   * when a running meeting governs the board, so the page can say what closed the section.
   */
  movedTo: z.string().nullable(),
});
export type WriteRefusedNotice = z.infer<typeof WriteRefusedNotice>;

export const YjsNotice = z.discriminatedUnion('type', [WriteRefusedNotice]);
export type YjsNotice = z.infer<typeof YjsNotice>;
