/**
 * Questions (docs/protocol.md, Q1–Q6), with real Socket.IO clients and y-websocket providers:
 * the server writes a question into the slot doc only when the meeting allows it, with the
 * author, stage and time it knows; the set's advice check flags or holds; authors change their
 * own; the presenter marks, deletes and clears — and what is deleted leaves the store.
 */
import type * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  QUESTION_COMMANDS,
  QuestionRecord,
  type AckResult,
  type QuestionCommand,
  type QuestionCommandReply,
} from '@setboard/shared';
import { boardFixture, type BoardFixture } from '../../support/board-fixture.js';
import {
  connectBoard,
  proseOf,
  typeParagraph,
  type BoardTestClient,
} from '../../support/board-client.js';
import type { MeetingClient } from '../../support/meeting-client.js';

function question(client: MeetingClient, command: QuestionCommand) {
  const { type, ...payload } = command;
  return client.socket.emitWithAck(QUESTION_COMMANDS[type].event, payload) as Promise<
    AckResult<QuestionCommandReply>
  >;
}

async function asked(client: MeetingClient, slotId: string, text: string): Promise<string> {
  const reply = await question(client, { type: 'ask', slotId, text });
  if (!reply.ok) throw new Error(`${client.person.name} could not ask: ${reply.error.code}`);
  return reply.data.questionId!;
}

function questionsIn(board: BoardTestClient): Map<string, QuestionRecord> {
  const entries = [...board.doc.getMap<Y.Map<unknown>>('questions').entries()];
  return new Map(entries.map(([id, map]) => [id, QuestionRecord.parse(map.toJSON())]));
}

async function storedText(f: BoardFixture, docName: string): Promise<string> {
  const { updates } = await f.server.store.loadDoc(docName);
  return updates.map((update) => Buffer.from(update).toString('utf8')).join('');
}

describe('questions on a slot board', () => {
  let f: BoardFixture;
  let slotId: string;
  let docName: string;
  let ann: BoardTestClient;

  beforeAll(async () => {
    f = await boardFixture();
    ({ slotId } = await f.toPatsSlot('clarifying'));
    docName = `slot:${slotId}`;
    ann = connectBoard(f.server.url, docName, f.ann.person);
    await ann.synced();
  });

  it('[Q1][Q2] a member with the floor asks; it appears for everyone with the author and stage the server knows; without the floor it is refused', async () => {
    const refused = await question(f.mo, { type: 'ask', slotId, text: 'What have you tried?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_your_turn' } });

    const { version } = await f.mo.do({ type: 'hand:raise' });
    await f.fran.waitForVersion(version);
    expect(f.fran.state.queue.floor?.personId).toBe(f.mo.person.personId);
    const questionId = await asked(f.mo, slotId, 'What have you tried?');
    await ann.waitUntil(() => questionsIn(ann).has(questionId), 'the question');
    expect(questionsIn(ann).get(questionId)).toMatchObject({
      text: 'What have you tried?',
      authorId: f.mo.person.personId,
      stage: 'clarifying',
      adviceFlags: [],
      helped: false,
      withdrawn: false,
    });
    await f.fran.waitFor(
      (state) => state.queue.floor?.questions === 1,
      'the question counted toward the floor',
    );
    expect(questionsIn(ann).size).toBe(1);
  });

  it('[Q3] a question that may be advice is sent with its flags (the set’s default)', async () => {
    const questionId = await asked(f.mo, slotId, 'Have you thought about asking HR for help?');
    await ann.waitUntil(() => questionsIn(ann).has(questionId), 'the flagged question');
    expect(questionsIn(ann).get(questionId)!.adviceFlags).toContain('have_you_thought');
    // One question and a follow-up: the floor has passed on.
    await f.fran.waitFor((state) => state.queue.floor === null, 'the floor released');
  });

  it('[Q4] the author edits and withdraws their own question; nobody else can, and a withdrawn question cannot be changed', async () => {
    const { version } = await f.ann.do({ type: 'hand:raise' });
    await f.fran.waitForVersion(version);
    const questionId = await asked(f.ann, slotId, 'What is stoping you?');
    const byOther = await question(f.mo, {
      type: 'edit',
      slotId,
      questionId,
      text: 'Mo rewrote this',
    });
    expect(byOther).toMatchObject({ ok: false, error: { code: 'not_author' } });
    expect(
      await question(f.ann, { type: 'edit', slotId, questionId, text: 'What is stopping you?' }),
    ).toMatchObject({ ok: true });
    await ann.waitUntil(
      () => questionsIn(ann).get(questionId)?.text === 'What is stopping you?',
      'the edit',
    );
    expect(questionsIn(ann).get(questionId)!.editedAt).not.toBeNull();
    expect(await question(f.ann, { type: 'withdraw', slotId, questionId })).toMatchObject({
      ok: true,
    });
    await ann.waitUntil(() => questionsIn(ann).get(questionId)?.withdrawn === true, 'withdrawn');

    // A withdrawn question stays withdrawn: the rule the board shows is the rule the server keeps.
    const afterWithdrawing = await question(f.ann, {
      type: 'edit',
      slotId,
      questionId,
      text: 'Back again?',
    });
    expect(afterWithdrawing).toMatchObject({ ok: false, error: { code: 'question_withdrawn' } });
    const stored = await storedText(f, docName);
    expect(stored).toContain('What is stopping you?');
    expect(stored).not.toContain('Back again?');
  });

  it('[Q5] the presenter marks questions that helped and deletes one; a member cannot; deleted text leaves the store', async () => {
    const [first, second] = [...questionsIn(ann).keys()];
    expect(
      await question(f.mo, { type: 'mark_helped', slotId, questionId: first!, helped: true }),
    ).toMatchObject({ ok: false, error: { code: 'not_slot_presenter' } });
    expect(
      await question(f.pat, { type: 'mark_helped', slotId, questionId: first!, helped: true }),
    ).toMatchObject({ ok: true });
    await ann.waitUntil(() => questionsIn(ann).get(first!)?.helped === true, 'marked helped');

    expect(await question(f.pat, { type: 'delete', slotId, questionId: second! })).toMatchObject({
      ok: true,
    });
    await ann.waitUntil(() => !questionsIn(ann).has(second!), 'deleted');
    expect(await storedText(f, docName)).not.toContain('Have you thought about asking HR');
  });

  it('[Q6] the presenter clears the whole slot record: every section is empty and the store keeps none of it', async () => {
    const pat = connectBoard(f.server.url, docName, f.pat.person);
    await pat.synced();
    typeParagraph(pat.doc, 'issueStatement', 'Two rotas, one team, no agreement.');
    await ann.waitUntil(
      (doc) => proseOf(doc, 'issueStatement').includes('no agreement'),
      'the issue statement',
    );
    expect(await question(f.mo, { type: 'clear_slot', slotId })).toMatchObject({
      ok: false,
      error: { code: 'not_slot_presenter' },
    });
    expect(await question(f.pat, { type: 'clear_slot', slotId })).toMatchObject({ ok: true });
    await ann.waitUntil(
      (doc) => questionsIn(ann).size === 0 && proseOf(doc, 'issueStatement') === '',
      'an empty board',
    );
    const stored = await storedText(f, docName);
    expect(stored).not.toContain('no agreement');
    expect(stored).not.toContain('What have you tried');
  });

  it('[Q2] outside the slot’s questioning stages nobody can ask', async () => {
    await f.toPatsSlot('reflecting_back');
    const refused = await question(f.mo, {
      type: 'ask',
      slotId,
      text: 'What would success look like?',
    });
    expect(refused.ok).toBe(false);
  });
});

describe('questions held back for rewording', () => {
  it('[Q3] with the set’s advice check on "hold", a flagged question is refused with its reasons and nothing is written', async () => {
    const f = await boardFixture({ adviceCheck: 'hold' });
    const { slotId } = await f.toPatsSlot('clarifying');
    const { version } = await f.mo.do({ type: 'hand:raise' });
    await f.fran.waitForVersion(version);
    const held = await question(f.mo, {
      type: 'ask',
      slotId,
      text: 'Why don’t you just ask them?',
    });
    expect(held).toMatchObject({ ok: false, error: { code: 'advice_held' } });
    if (held.ok) return;
    expect(held.error.issues?.map((issue) => issue.path)).toContain('why_dont_you');
    expect((await f.server.store.loadDoc(`slot:${slotId}`)).updates).toEqual([]);
    // The floor is still Mo's: a held question does not count.
    expect(f.fran.state.queue.floor).toMatchObject({
      personId: f.mo.person.personId,
      questions: 0,
    });
    expect(await asked(f.mo, slotId, 'What stops you asking them?')).toBeTruthy();
    await f.server.close();
  });
});
