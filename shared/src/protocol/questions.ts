/**
 * Questions on the wire (docs/protocol.md, rules Q1–Q6). A question is never typed into the slot
 * doc by its author: it is put with `question:ask`, the server checks the meeting (floor, stage)
 * and the set's advice check, then writes it into the slot doc with the author and time it knows.
 * Authors edit or withdraw their own while the slot runs; the presenter marks questions that
 * helped, deletes questions, or clears the whole slot record.
 */
import { z } from 'zod';

const SlotId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid slot id');
const QuestionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid question id');
const QuestionText = z
  .string()
  .trim()
  .min(1, 'Write your question first')
  .max(1000, 'Keep a question under 1,000 characters');

export const QuestionCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ask'), slotId: SlotId, text: QuestionText }),
  z.strictObject({
    type: z.literal('edit'),
    slotId: SlotId,
    questionId: QuestionId,
    text: QuestionText,
  }),
  z.strictObject({ type: z.literal('withdraw'), slotId: SlotId, questionId: QuestionId }),
  z.strictObject({
    type: z.literal('mark_helped'),
    slotId: SlotId,
    questionId: QuestionId,
    helped: z.boolean(),
  }),
  z.strictObject({ type: z.literal('delete'), slotId: SlotId, questionId: QuestionId }),
  /** The presenter deletes the whole slot record: issue, questions, reflections, summary, actions. */
  z.strictObject({ type: z.literal('clear_slot'), slotId: SlotId }),
]);
export type QuestionCommand = z.infer<typeof QuestionCommand>;

/** `question:command` reply: the question concerned (for `ask`, the new one). */
export interface QuestionCommandReply {
  questionId: string | null;
  /** Advice-check reason codes the question was sent with (a flag), if any. */
  adviceFlags: string[];
}

/** Why a question command was refused (besides validation and membership). */
export const QuestionErrorCode = {
  /** The set holds flagged questions back: reword it (the reasons come with the error). */
  adviceHeld: 'advice_held',
  /** Not now: the slot is not at a questioning stage, or someone else has the floor. */
  notNow: 'question_not_now',
  /** Only the author may change or withdraw a question. */
  notAuthor: 'not_author',
  /** Only the presenter marks, deletes, or clears the record. */
  notPresenter: 'not_slot_presenter',
  /** No such question (or slot) on this board. */
  unknownQuestion: 'unknown_question',
} as const;
export type QuestionErrorCode = (typeof QuestionErrorCode)[keyof typeof QuestionErrorCode];
