import { z } from 'zod';
import { DocName } from '../doc-names.js';

/** `POST /api/boards/<doc name>/repair`: rebuild a board from what it holds now (Y22). */
export const RepairBoardRequest = z
  .object({
    /** The facilitator confirmed: every open page reloads the board. */
    confirm: z.literal(true, { message: 'Tick the box to confirm you want to rebuild the board' }),
  })
  .strict();
export type RepairBoardRequest = z.infer<typeof RepairBoardRequest>;

/** The board's encoded size before and after. */
export const RepairBoardReply = z.object({
  docName: DocName,
  bytesBefore: z.number().int().min(0),
  bytesAfter: z.number().int().min(0),
});
export type RepairBoardReply = z.infer<typeof RepairBoardReply>;
