/**
 * Who may change a question (docs/protocol.md, Q4 and Q5), as a table. The server refuses with
 * these codes and the slot board shows only what they allow. Expected answers are written out.
 */
import { describe, expect, it } from 'vitest';
import { MO, PAT, setUpMeeting } from '../meeting/test-support/meeting-driver.js';
import type { MeetingState, Slot, SlotStage } from '../meeting/meeting-state.js';
import {
  questionPermissions,
  questionRefusal,
  slotIsRunning,
  type QuestionAction,
} from './question-rules.js';

const SLOT = 'm1-s1';

/** Pat's slot: running at `stage`, or planned (not yet run), or complete. */
function patsSlot(stage: SlotStage | 'planned'): { slot: Slot; state: MeetingState } {
  const state: MeetingState = setUpMeeting();
  const running = stage !== 'planned' && stage !== 'complete';
  state.phase = running ? 'slot' : 'process_review';
  state.currentSlotId = running ? SLOT : null;
  const slot: Slot = {
    id: SLOT,
    presenterId: PAT,
    synopsis: 'Rotas',
    minutes: 40,
    status: running ? 'running' : stage === 'planned' ? 'planned' : 'complete',
    stage: stage === 'planned' ? null : stage,
    offersOptIn: false,
    carriedFrom: null,
  };
  state.slots = [slot];
  return { slot, state };
}

const MOS = { authorId: MO, withdrawn: false };
const MOS_WITHDRAWN = { authorId: MO, withdrawn: true };

interface Case {
  action: QuestionAction;
  who: string;
  question: typeof MOS;
  stage: SlotStage | 'planned';
  expected: string | null;
}

const CASES: Case[] = [
  { action: 'edit', who: MO, question: MOS, stage: 'exploring', expected: null },
  { action: 'withdraw', who: MO, question: MOS, stage: 'clarifying', expected: null },
  { action: 'edit', who: PAT, question: MOS, stage: 'exploring', expected: 'not_author' },
  { action: 'withdraw', who: PAT, question: MOS, stage: 'exploring', expected: 'not_author' },
  { action: 'edit', who: MO, question: MOS, stage: 'complete', expected: 'question_not_now' },
  { action: 'edit', who: MO, question: MOS, stage: 'planned', expected: 'question_not_now' },
  {
    action: 'edit',
    who: MO,
    question: MOS_WITHDRAWN,
    stage: 'exploring',
    expected: 'question_withdrawn',
  },
  {
    action: 'withdraw',
    who: MO,
    question: MOS_WITHDRAWN,
    stage: 'exploring',
    expected: 'question_withdrawn',
  },
  { action: 'markHelped', who: PAT, question: MOS, stage: 'exploring', expected: null },
  { action: 'markHelped', who: PAT, question: MOS_WITHDRAWN, stage: 'complete', expected: null },
  { action: 'delete', who: PAT, question: MOS, stage: 'planned', expected: null },
  {
    action: 'markHelped',
    who: MO,
    question: MOS,
    stage: 'exploring',
    expected: 'not_slot_presenter',
  },
  { action: 'delete', who: MO, question: MOS, stage: 'exploring', expected: 'not_slot_presenter' },
];

describe('who may change a question', () => {
  it.each(CASES)(
    '[Q4][Q5] $action by $who at $stage (withdrawn: $question.withdrawn) → $expected',
    ({ action, who, question, stage, expected }) => {
      const viewer = { selfId: who, ...patsSlot(stage) };
      expect(questionRefusal(action, question, viewer)?.code ?? null).toBe(expected);
      expect(questionPermissions(question, viewer)[action]).toBe(expected === null);
    },
  );

  it('a slot runs from its first stage until it is complete, and only while it is current', () => {
    const { slot, state } = patsSlot('contracting');
    expect(slotIsRunning(state, slot)).toBe(true);
    expect(slotIsRunning({ ...state, currentSlotId: null }, slot)).toBe(false);
    const done = patsSlot('complete');
    expect(slotIsRunning(done.state, done.slot)).toBe(false);
  });
});
