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

/** `question:ask`: put a question to the presenter of `slotId`. */
export const QuestionAskRequest = z.strictObject({ slotId: SlotId, text: QuestionText });
/** `question:edit`: the author rewords their question (while the slot runs). */
export const QuestionEditRequest = z.strictObject({
  slotId: SlotId,
  questionId: QuestionId,
  text: QuestionText,
});
/** `question:withdraw`: the author takes their question back (while the slot runs). */
export const QuestionWithdrawRequest = z.strictObject({ slotId: SlotId, questionId: QuestionId });
/** `question:mark-helped`: the presenter marks (or unmarks) a question that helped. */
export const QuestionMarkHelpedRequest = z.strictObject({
  slotId: SlotId,
  questionId: QuestionId,
  helped: z.boolean(),
});
/** `question:delete`: the presenter deletes a question. */
export const QuestionDeleteRequest = z.strictObject({ slotId: SlotId, questionId: QuestionId });
/** `slot:clear-record`: the presenter deletes the whole slot record (every section). */
export const SlotClearRecordRequest = z.strictObject({ slotId: SlotId });

/** Each question command's Socket.IO event and payload schema. */
export const QUESTION_COMMANDS = {
  ask: { event: 'question:ask', schema: QuestionAskRequest },
  edit: { event: 'question:edit', schema: QuestionEditRequest },
  withdraw: { event: 'question:withdraw', schema: QuestionWithdrawRequest },
  mark_helped: { event: 'question:mark-helped', schema: QuestionMarkHelpedRequest },
  delete: { event: 'question:delete', schema: QuestionDeleteRequest },
  clear_slot: { event: 'slot:clear-record', schema: SlotClearRecordRequest },
} as const;

type QuestionCommands = typeof QUESTION_COMMANDS;
export type QuestionCommandType = keyof QuestionCommands;
export type QuestionEventName = QuestionCommands[QuestionCommandType]['event'];

/** One question command, as the server's question service takes it: the event's payload, tagged. */
export type QuestionCommand = {
  [T in QuestionCommandType]: { type: T } & z.output<QuestionCommands[T]['schema']>;
}[QuestionCommandType];

/** Every question command's reply: the question concerned (for `ask`, the new one). */
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
  /** A withdrawn question stays withdrawn: it can no longer be changed. */
  withdrawn: 'question_withdrawn',
  /** Only the presenter marks, deletes, or clears the record. */
  notPresenter: 'not_slot_presenter',
  /** No such question (or slot) on this board. */
  unknownQuestion: 'unknown_question',
} as const;
export type QuestionErrorCode = (typeof QuestionErrorCode)[keyof typeof QuestionErrorCode];
