/**
 * The signs of disguised advice that facilitator training teaches (docs/domain.md, "Questions, not
 * advice"), one detector each, over the sentences of a draft. Each returns the signs it found;
 * the check puts them in order and words them.
 */
import type { SlotStage } from '../meeting/meeting-state.js';
import { type AdviceSign, MAX_QUESTION_WORDS } from './advice-reasons.js';
import { AUXILIARIES, INVITATION, type Sentence } from './question-text.js';

/**
 * Openings that carry the asker's own answer, most specific first: a question gets only the
 * first that matches, so "Have you thought about…" is not also told off for "you" second.
 */
const OPENING_SIGNS: Array<[AdviceSign['code'], RegExp]> = [
  [
    'have_you_thought',
    /^(?:(?:have|haven't|did|didn't) you (?:ever |not |never )?(?:thought|think|considered|consider|looked at|explored)|has it (?:ever )?occurred to you)\b/,
  ],
  ['have_you_tried', /^(?:have|haven't|did|didn't) you (?:ever |not )?(?:tried|try)\b/],
  [
    'wouldnt_it_be_better',
    /^(?:(?:would|wouldn't|won't|isn't|is) it (?:not )?(?:be )?(?:better|easier|best|wiser|simpler|quicker|a good idea)|(?:would|wouldn't) it (?:not )?make (?:more )?sense)\b/,
  ],
  ['why_dont_you', /^why (?:(?:don't|do|wouldn't|won't) (?:you|we)\b|not\b)/],
  [
    'what_if_you',
    /^(?:what if (?:you|we|i)\b|how about\b|what about \w+ing\b|i wonder (?:if|whether) you\b)/,
  ],
];

/**
 * A modal or negated auxiliary then "you" suggests an answer ("Should you…", "Don't you…").
 * Plain "Do you / Are you / Did you" are left out: in clarifying they ask for facts.
 */
const SUGGESTIVE_AUXILIARIES = new Set([
  ...['should', "shouldn't", 'could', "couldn't", 'can', "can't", 'cannot', 'would', "wouldn't"],
  ...['will', "won't", 'have', "haven't", 'might', 'must', "mustn't", 'shall', 'ought'],
  ...["don't", "didn't", "aren't", "weren't"],
]);
/** "Do you think you should…", "Are you not…": a neutral opening made leading. */
const LEADING_YOU =
  /^(?:\w+ you not\b|do you (?:really )?think (?:that )?(?:you|it|we) (?:should|ought|could|must|need)\b)/;

/** The sign in how a question opens, if any (at most one, so the member gets one message). */
export function openingSign(words: string[], stage: SlotStage | null): AdviceSign | null {
  const opening = words.join(' ');
  for (const [code, pattern] of OPENING_SIGNS) if (pattern.test(opening)) return { code };
  if (INVITATION.test(opening)) return null;
  const [first = '', second = ''] = words;
  if ((second === 'you' && SUGGESTIVE_AUXILIARIES.has(first)) || LEADING_YOU.test(opening)) {
    return { code: 'you_second_word', quote: `${first[0]?.toUpperCase()}${first.slice(1)} you` };
  }
  // Clarifying wants short factual (often yes/no) answers; exploring wants open ones.
  return stage === 'exploring' && AUXILIARIES.has(first) ? { code: 'closed_in_exploring' } : null;
}

/** Opinion markers anywhere in a sentence ("surely", "in my experience", "I would…"). */
const JUDGEMENT_ANYWHERE =
  /\b(?:it sounds like|sounds like|it seems (?:to me|like|that|as if)|it looks like|surely|obviously|of course|if i (?:were|was) you|in my (?:experience|opinion|view)|i would|i'd|i think|i believe|i feel that|why didn't you|why did you not)\b/;
/** Markers that only judge at the start ("Clearly…", "You should…"; not "How clearly…"). */
const JUDGEMENT_AT_START =
  /^(?:clearly|you (?:should|need to|must|ought to|could|have to|just need))\b/;

/** Putting your own words and judgement on what the presenter said. */
export function judgementSign(words: string[]): AdviceSign | null {
  const text = words.join(' ');
  const found = JUDGEMENT_ANYWHERE.exec(text) ?? JUDGEMENT_AT_START.exec(text);
  return found ? { code: 'judgement', quote: capitaliseI(found[0]) } : null;
}

function capitaliseI(phrase: string): string {
  const quoted = phrase.replace(/\bi\b/g, 'I');
  return `${quoted[0]?.toUpperCase()}${quoted.slice(1)}`;
}

/** A reason given inside the question is the asker's explanation, not the presenter's. */
export function becauseSign(words: string[]): AdviceSign | null {
  return /\b(?:because|cos|given that)\b/.test(words.join(' ')) ? { code: 'because' } : null;
}

/** "X or Y or Z?" offers a menu; "…, and how did it go?" is a second question. */
const STACKED_IN_ONE =
  /\bor\b.*\bor\b|\b(?:and|or) (?:(?:what|how|why|who|when|where|which) \w|(?:do|does|did|is|are|can|could|would|will|should|have|has) (?:you|it|they|we|there|that|he|she)\b)/;

/** Signs about the shape of the whole draft: statements, stacking, length. */
export function shapeSigns(sentences: Sentence[], statementsExpected: boolean): AdviceSign[] {
  const questions = sentences.filter((sentence) => sentence.isQuestion);
  const statements = sentences.filter((s) => !s.isQuestion && !s.isAcknowledgement);
  const wordCount = sentences.reduce((total, sentence) => total + sentence.wordCount, 0);
  const signs: AdviceSign[] = [];
  if (questions.length === 0 && !statementsExpected) signs.push({ code: 'not_a_question' });
  if (questions.length > 0 && statements.length > 0) signs.push({ code: 'preamble' });
  if (questions.length > 1 || questions.some((q) => STACKED_IN_ONE.test(q.words.join(' ')))) {
    signs.push({ code: 'stacked' });
  }
  if (wordCount > MAX_QUESTION_WORDS) signs.push({ code: 'too_long', quote: String(wordCount) });
  return signs;
}
