/**
 * The questions on a slot's board, read from its `questions` map (written only by the server,
 * on `question:ask`), and what each person may do with each question now — the same rule
 * (`questionRefusal` in shared) the server's question service enforces.
 */
import { type AdviceReasonCode, QuestionRecord } from '@setboard/shared';
import * as Y from 'yjs';

/** What a person may do with each question: the shared rule the server enforces (Q4, Q5). */
export { questionPermissions, slotIsRunning, type QuestionViewer } from '@setboard/shared';

export interface QuestionEntry {
  id: string;
  record: QuestionRecord;
}

/**
 * Every well-formed question, oldest first. The map is the server's, but a board is still data
 * from the wire: entries that do not parse are left out rather than shown half-formed.
 */
export function readQuestions(questions: Y.Map<unknown>): QuestionEntry[] {
  const entries: QuestionEntry[] = [];
  for (const [id, value] of questions) {
    if (!(value instanceof Y.Map)) continue;
    const parsed = QuestionRecord.safeParse(value.toJSON());
    if (parsed.success) entries.push({ id, record: parsed.data });
  }
  return entries.sort((a, b) => a.record.askedAt - b.record.askedAt || a.id.localeCompare(b.id));
}

/** Short names for the advice check's signs, shown beside a flagged question. */
export const ADVICE_FLAG_LABELS: Record<AdviceReasonCode, string> = {
  not_a_question: 'Reads as a statement, not a question',
  you_second_word: 'Starts like a suggestion (“Should you…”, “Could you…”)',
  have_you_thought: '“Have you thought about…” puts an idea forward',
  have_you_tried: '“Have you tried…” suggests something to try',
  why_dont_you: '“Why don’t you…” is a suggestion',
  wouldnt_it_be_better: '“Wouldn’t it be better…” offers an answer',
  what_if_you: '“What if you…” offers an idea',
  judgement: 'May put the asker’s own view on what was said',
  because: 'Gives a reason inside the question',
  preamble: 'A statement comes with the question',
  stacked: 'More than one question at once',
  too_long: 'A long question',
  closed_in_exploring: 'A yes-or-no question while exploring',
};

/** The flags a question was sent with, in words; unknown codes (a newer server) are skipped. */
export function flagLabels(codes: readonly string[]): string[] {
  return codes.flatMap((code) =>
    Object.hasOwn(ADVICE_FLAG_LABELS, code) ? [ADVICE_FLAG_LABELS[code as AdviceReasonCode]] : [],
  );
}
