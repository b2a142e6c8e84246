/**
 * Reading a draft question: tidy what people actually type (curly apostrophes from phones and
 * word processors, "dont" without its apostrophe, stray spaces, '…'), then split it into
 * sentences of lower-case words so the signs can look at openings and phrases.
 */

/** One sentence of the draft. `words` skips filler openings ("So, …", "OK and …"). */
export interface Sentence {
  words: string[];
  /** Every word typed, fillers included, for the length check. */
  wordCount: number;
  isQuestion: boolean;
  /** A bare "Thanks." or "OK." that should not count as a preamble. */
  isAcknowledgement: boolean;
}

const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032`]/g;
const WORD = /[a-z0-9]+(?:'[a-z]+)*/g;

/** Contractions typed without the apostrophe ("dont"); the signs match the apostrophe form. */
const BARE_CONTRACTIONS = new Map(
  ['dont', 'didnt', 'doesnt', 'wouldnt', 'shouldnt', 'couldnt', 'cant', 'havent', 'hasnt', 'isnt']
    .concat(['arent', 'wasnt', 'werent', 'mustnt', 'wont'])
    .map((word): [string, string] => [word, `${word.slice(0, -1)}'t`])
    .concat([
      ['youre', "you're"],
      ['whats', "what's"],
      ['hows', "how's"],
    ]),
);
const FILLERS = new Set(['so', 'and', 'but', 'ok', 'okay', 'well', 'right', 'then', 'also']);
const FILLERS_TOO = new Set(['now', 'just', 'um', 'erm', 'er', 'hmm', 'yes', 'no']);
const ACKNOWLEDGEMENTS = new Set(['thanks', 'thank you', 'thank you very much', 'i see', 'got it']);

/** Auxiliary verbs: a question opening with one is closed (yes/no). */
export const AUXILIARIES = new Set([
  ...['is', "isn't", 'are', "aren't", 'am', 'was', "wasn't", 'were', "weren't", 'do', "don't"],
  ...['does', "doesn't", 'did', "didn't", 'can', "can't", 'cannot', 'could', "couldn't", 'will'],
  ...["won't", 'would', "wouldn't", 'should', "shouldn't", 'shall', 'have', "haven't", 'has'],
  ...["hasn't", 'had', "hadn't", 'may', 'might', 'must', "mustn't", 'ought'],
]);
const WH_WORDS = new Set([
  ...['what', "what's", 'how', "how's", 'why', 'who', "who's", 'whom', 'whose', 'when'],
  ...['where', 'which'],
]);

/**
 * Polite requests to say more ("Could you say more…?", "Tell me about…"): open in effect, so
 * neither "you" second nor yes/no. Without this, the commonest good prompt would be flagged.
 */
export const INVITATION =
  /^(?:(?:can|could|would|will) you (?:please )?|would you like to )?(?:say|tell|explain|describe|give|expand|clarify|remind|share|unpack|talk (?:me|us) through|walk (?:me|us) through|help (?:me|us) understand)\b/;

/** The lower-case words of a text, with bare contractions given back their apostrophe. */
export function wordsOf(text: string): string[] {
  const words = text.toLowerCase().replace(APOSTROPHES, "'").match(WORD) ?? [];
  return words.map((word) => BARE_CONTRACTIONS.get(word) ?? word);
}

/** Splits a draft into sentences; a '?' always ends one, '.' or '!' only before a space. */
export function readSentences(text: string): Sentence[] {
  const tidy = text
    .replace(APOSTROPHES, "'")
    .replace(/\u2026/g, '...')
    .trim();
  return tidy
    .split(/(?<=\?)\s*|(?<=[.!])\s+/)
    .map((part) => ({ part: part.trim(), words: wordsOf(part) }))
    .filter(({ words }) => words.length > 0)
    .map(({ part, words }) => {
      const core = withoutFillers(words);
      return {
        words: core,
        wordCount: words.length,
        isQuestion: part.endsWith('?') || startsLikeQuestion(core),
        isAcknowledgement:
          ACKNOWLEDGEMENTS.has(words.join(' ')) || words.every((word) => isFiller(word)),
      };
    });
}

function isFiller(word: string): boolean {
  return FILLERS.has(word) || FILLERS_TOO.has(word);
}

function withoutFillers(words: string[]): string[] {
  let start = 0;
  while (start < words.length - 1 && isFiller(words[start] ?? '')) start += 1;
  return words.slice(start);
}

/** Without a '?', people still type questions (or have not finished typing): go by the opening. */
function startsLikeQuestion(words: string[]): boolean {
  const first = words[0] ?? '';
  return WH_WORDS.has(first) || AUXILIARIES.has(first) || INVITATION.test(words.join(' '));
}
