/**
 * The disguised-advice check [AT-D4]: a pure function the client runs as a member types a question,
 * so they can rephrase before asking. It only advises the member; the facilitator and the set
 * remain the judges, so nothing here blocks a question.
 */
import type { SlotStage } from '../meeting/meeting-state.js';
import {
  type AdviceCheck,
  AdviceReasonCode,
  type AdviceSign,
  describeSign,
} from './advice-reasons.js';
import { becauseSign, judgementSign, openingSign, shapeSigns } from './advice-signs.js';
import { readSentences } from './question-text.js';

/** Where the question is being asked: yes/no questions only matter while exploring. */
export interface AdviceContext {
  stage: SlotStage | null;
}

/** Stages where members speak in statements (reflections, offers), so a statement is fine. */
const STATEMENT_STAGES: ReadonlySet<SlotStage> = new Set(['reflecting_back', 'offers']);

/**
 * Checks a draft question for the signs of disguised advice in docs/domain.md. Empty or blank text is
 * not flagged (nothing typed yet). Non-empty text with no question in it gets `not_a_question`,
 * except in the reflecting-back and offers stages. Each reason code appears at most once, in the
 * order of `AdviceReasonCode`; `flagged` is true exactly when there is a reason.
 */
export function checkQuestion(text: string, context: AdviceContext): AdviceCheck {
  const sentences = readSentences(text);
  // Nothing typed yet (or only punctuation): say nothing rather than nag.
  if (sentences.length === 0) return { flagged: false, reasons: [] };
  const statementsExpected = context.stage !== null && STATEMENT_STAGES.has(context.stage);
  const signs: AdviceSign[] = shapeSigns(sentences, statementsExpected);
  for (const sentence of sentences) {
    const found = [
      sentence.isQuestion ? openingSign(sentence.words, context.stage) : null,
      judgementSign(sentence.words),
      becauseSign(sentence.words),
    ];
    signs.push(...found.filter((sign): sign is AdviceSign => sign !== null));
  }
  const reasons = AdviceReasonCode.options.flatMap((code) => {
    const first = signs.find((sign) => sign.code === code);
    return first ? [describeSign(first)] : [];
  });
  return { flagged: reasons.length > 0, reasons };
}
