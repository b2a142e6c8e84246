/**
 * Plain words for a set's settings (docs/domain.md, "Settings a set chooses"): the question each
 * setting answers, and what each choice means. Used to choose them and to show them.
 */
import type { SetSettings } from '@setboard/shared';
import type { Choice } from './fields';

type ChoiceSetting = Exclude<keyof SetSettings, 'quorum' | 'facilitatorAsksContentQuestions'>;

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export interface SettingText<V extends string> {
  question: string;
  hint?: string;
  choices: ReadonlyArray<Choice<V>>;
}

export const SETTING_TEXT: {
  [K in ChoiceSetting]: SettingText<SetSettings[K]>;
} & { facilitatorAsksContentQuestions: SettingText<YesNo> } = {
  timeAllocation: {
    question: 'How is time shared between presenters?',
    choices: [
      { value: 'equal', label: 'Equal time', hint: 'Everyone who presents gets the same time.' },
      {
        value: 'bid',
        label: 'Bidding',
        hint: 'At the start of each meeting members ask for the time they need, and the facilitator fixes the order.',
      },
    ],
  },
  timing: {
    question: 'How strictly do timings hold?',
    choices: [
      {
        value: 'advisory',
        label: 'As a guide',
        hint: 'Each stage shows its time, and the facilitator decides when to move on.',
      },
      {
        value: 'strict',
        label: 'Strictly',
        hint: 'When a stage’s time is up, Setboard moves the meeting on.',
      },
    ],
  },
  advicePolicy: {
    question: 'Can members offer anything besides questions?',
    choices: [
      {
        value: 'questions_only',
        label: 'No, questions only',
        hint: 'Members help the presenter think by asking questions. Nobody gives advice.',
      },
      {
        value: 'offers_round_if_presenter_opts_in',
        label: 'An offers round, if the presenter wants one',
        hint: 'After reflecting back, members may offer resources or contacts, never instructions.',
      },
    ],
  },
  queue: {
    question: 'Who can ask the presenter a question?',
    hint: 'This is for the clarifying and exploring questions while someone presents.',
    choices: [
      {
        value: 'floor',
        label: 'One person at a time, in turn',
        hint: 'Members raise a hand. Whoever is called asks one question and one follow-up, then it is the next person’s turn.',
      },
      {
        value: 'open',
        label: 'Anyone, at any time',
        hint: 'Any member can ask whenever they like. Raised hands show who would like to speak next.',
      },
    ],
  },
  adviceCheck: {
    question: 'What happens to a question that sounds like advice?',
    hint: 'Setboard looks for signs of advice dressed up as a question, like “Have you thought about…”.',
    choices: [
      {
        value: 'flag',
        label: 'Ask it, with a note',
        hint: 'The question goes to the presenter marked as possible advice, so the set can talk about it.',
      },
      {
        value: 'hold',
        label: 'Hold it back to reword',
        hint: 'The question is not sent. The person who asked it sees why and can reword it.',
      },
    ],
  },
  facilitatorAsksContentQuestions: {
    question: 'Does the facilitator ask questions about the issues?',
    hint: 'Some facilitators keep to the process; others also ask the presenter questions.',
    choices: [
      { value: 'no', label: 'No, the facilitator keeps to the process' },
      { value: 'yes', label: 'Yes, the facilitator may ask questions too' },
    ],
  },
  notesPolicy: {
    question: 'Who keeps notes of a presenter’s time?',
    choices: [
      {
        value: 'presenter_only',
        label: 'Only the presenter',
        hint: 'Presenters keep their own notes, so the others can listen.',
      },
      {
        value: 'scribe_for_presenter',
        label: 'A scribe, for the presenter',
        hint: 'Another member takes notes on the presenter’s behalf. The notes belong to the presenter.',
      },
      { value: 'open', label: 'Anyone in the set', hint: 'Everyone can add to the notes.' },
    ],
  },
};

export const QUORUM_TEXT = {
  question: 'Quorum',
  hint: 'The fewest members who must be there for a meeting to go ahead.',
};

export const SIZE_TEXT = {
  question: 'How many members should the set have?',
  hint: 'Not counting the facilitator. Action learning sets usually have 4 to 8 members.',
};

function labelOf<V extends string>(text: SettingText<V>, value: V): string {
  return text.choices.find((choice) => choice.value === value)?.label ?? value;
}

/** Each setting as a question and the chosen answer, for a summary list. */
export function describeSettings(settings: SetSettings): Array<{ key: string; value: string }> {
  return [
    { key: 'Time', value: labelOf(SETTING_TEXT.timeAllocation, settings.timeAllocation) },
    { key: 'Timings', value: labelOf(SETTING_TEXT.timing, settings.timing) },
    { key: 'Advice', value: labelOf(SETTING_TEXT.advicePolicy, settings.advicePolicy) },
    { key: 'Questions', value: labelOf(SETTING_TEXT.queue, settings.queue) },
    {
      key: 'Questions that sound like advice',
      value: labelOf(SETTING_TEXT.adviceCheck, settings.adviceCheck),
    },
    {
      key: 'Facilitator’s questions',
      value: labelOf(
        SETTING_TEXT.facilitatorAsksContentQuestions,
        settings.facilitatorAsksContentQuestions ? 'yes' : 'no',
      ),
    },
    { key: 'Notes', value: labelOf(SETTING_TEXT.notesPolicy, settings.notesPolicy) },
    { key: 'Quorum', value: `${settings.quorum} members` },
  ];
}
