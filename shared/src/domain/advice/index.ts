/**
 * The disguised-advice check (docs/domain.md, "Questions, not advice"; test [AT-D4]): flags draft
 * questions that carry the asker's answer, with kind messages for the member to rephrase.
 */
export { checkQuestion, type AdviceContext } from './advice-check.js';
export {
  AdviceCheck,
  AdviceReason,
  AdviceReasonCode,
  MAX_QUESTION_WORDS,
} from './advice-reasons.js';
