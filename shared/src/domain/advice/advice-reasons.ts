/**
 * What the disguised-advice check reports (docs/domain.md, "Questions, not advice"): a stable code per
 * sign, for tests and any later analytics, and a short, kind message the client shows while the
 * member types. Messages nudge; they never block, because only the set can judge a question.
 */
import { z } from 'zod';

/** The signs of disguised advice. Reasons are reported in this order, each at most once. */
export const AdviceReasonCode = z.enum([
  'not_a_question',
  'you_second_word',
  'have_you_thought',
  'have_you_tried',
  'why_dont_you',
  'wouldnt_it_be_better',
  'what_if_you',
  'judgement',
  'because',
  'preamble',
  'stacked',
  'too_long',
  'closed_in_exploring',
]);
export type AdviceReasonCode = z.infer<typeof AdviceReasonCode>;

/** One sign found, with what to show the member. */
export const AdviceReason = z.object({
  code: AdviceReasonCode,
  message: z.string(),
  /** A short way to rephrase, often an example of a good question. */
  suggestion: z.string(),
});
export type AdviceReason = z.infer<typeof AdviceReason>;

/** The verdict on a draft question. `flagged` is true exactly when there are reasons. */
export const AdviceCheck = z.object({ flagged: z.boolean(), reasons: z.array(AdviceReason) });
export type AdviceCheck = z.infer<typeof AdviceCheck>;

/** Above this many words a question is "long" (facilitator guides: short questions work best). */
export const MAX_QUESTION_WORDS = 25;

/** A sign found by a detector; `quote` is the member's own words, echoed in the message. */
export interface AdviceSign {
  code: AdviceReasonCode;
  quote?: string;
}

const TEXT: Record<AdviceReasonCode, (quote: string) => Omit<AdviceReason, 'code'>> = {
  not_a_question: () => ({
    message: 'This reads as a statement. In the set we help by asking questions, not telling.',
    suggestion: "Try turning it into a short open question, such as 'What would help?'",
  }),
  you_second_word: (quote) => ({
    message: `This may be advice in disguise: questions starting '${quote}…' suggest an answer. Try 'What…' or 'How…'.`,
    suggestion: "For example: 'What options do you see?'",
  }),
  have_you_thought: () => ({
    message:
      "This may be advice in disguise: 'Have you thought about…' puts your idea forward. Ask about their thinking instead.",
    suggestion: "For example: 'What have you considered so far?'",
  }),
  have_you_tried: () => ({
    message:
      "This may be advice in disguise: 'Have you tried…' suggests something to try. Ask what they have tried.",
    suggestion: "For example: 'What have you tried?'",
  }),
  why_dont_you: () => ({
    message:
      "This may be advice in disguise: 'Why don't you…' is a suggestion phrased as a question.",
    suggestion: "For example: 'What is stopping you?'",
  }),
  wouldnt_it_be_better: () => ({
    message:
      "This may be advice in disguise: 'Wouldn't it be better…' offers your own answer. Ask what better looks like to them.",
    suggestion: "For example: 'What would a good outcome look like?'",
  }),
  what_if_you: () => ({
    message:
      "This may be advice in disguise: 'What if you…' or 'How about…' offers your idea. Ask what options they see.",
    suggestion: "For example: 'What options do you have?'",
  }),
  judgement: (quote) => ({
    message: `'${quote}' may put your own view on what was said. Try using the presenter's words instead.`,
    suggestion: 'For example: \'You said "stuck": what does stuck mean for you?\'',
  }),
  because: () => ({
    message:
      "A reason inside the question ('because…') tells them your thinking. Try leaving it out.",
    suggestion: 'Ask the question on its own and let them find the reasons.',
  }),
  preamble: () => ({
    message:
      'A statement alongside the question can steer the answer. Try asking the question on its own.',
    suggestion: 'Keep just the question.',
  }),
  stacked: () => ({
    message: 'This looks like more than one question. Ask one at a time and leave room to answer.',
    suggestion: 'Pick the question that matters most.',
  }),
  too_long: (quote) => ({
    message: `This question is quite long (${quote} words). Short questions are easier to think about: try ${MAX_QUESTION_WORDS} words or fewer.`,
    suggestion: 'Keep the heart of the question and drop the rest.',
  }),
  closed_in_exploring: () => ({
    message:
      "This can be answered with yes or no. While exploring, open questions help more: try 'What…', 'How…' or 'Who…'.",
    suggestion: "For example: 'How do you see it?'",
  }),
};

/** Turns a sign into what the client shows. */
export function describeSign(sign: AdviceSign): AdviceReason {
  return { code: sign.code, ...TEXT[sign.code](sign.quote ?? '') };
}
