/**
 * Questions put to a presenter (docs/protocol.md, rules Q1–Q6). The server, not the author's
 * client, writes each question into the slot doc, after checking the live meeting (the slot is
 * running at a questioning stage, and the floor allows it — the reducer's `question:asked`) and
 * the set's advice check. Authors change or withdraw their own while the slot runs; the
 * presenter marks questions that helped, deletes them, or clears the whole slot record.
 */
import * as Y from 'yjs';
import {
  BOARD_ROOTS,
  checkQuestion,
  MEETING_ERROR_MESSAGES,
  meetingIdOfSlot,
  presenterRefusal,
  questionRefusal,
  QuestionErrorCode,
  type AckErrorCode,
  type MeetingEvent,
  type QuestionCommand,
  type QuestionCommandReply,
  type QuestionRecord,
  type Slot,
} from '@setboard/shared';
import type { MeetingService, StoredMeeting } from '../meetings/meeting-service.js';
import type { ServerDocWriter } from './server-doc-writer.js';

export type QuestionOutcome =
  | {
      ok: true;
      reply: QuestionCommandReply;
      /** The meeting changed (a question counted toward the floor): publish it after the ack. */
      meetingChange: { meeting: StoredMeeting; events: MeetingEvent[] } | null;
    }
  | {
      ok: false;
      code: AckErrorCode;
      message: string;
      issues?: { path: string; message: string }[];
    };

/** Thrown inside a doc change to refuse it; nothing is stored. */
class Refusal extends Error {
  constructor(
    readonly code: AckErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const refusal = (code: AckErrorCode, message: string): QuestionOutcome => ({
  ok: false,
  code,
  message,
});

const NO_SUCH_QUESTION = 'That question is not on this board.';

export interface QuestionServiceDeps {
  meetings: MeetingService;
  docs: ServerDocWriter;
  now: () => number;
  newId: () => string;
}

export class QuestionService {
  constructor(private readonly deps: QuestionServiceDeps) {}

  async run(command: QuestionCommand, personId: string): Promise<QuestionOutcome> {
    const meetingId = meetingIdOfSlot(command.slotId);
    const meeting = meetingId ? await this.deps.meetings.get(meetingId) : null;
    const slot = meeting?.state.slots.find((candidate) => candidate.id === command.slotId);
    if (!meeting || !slot) return refusal(QuestionErrorCode.unknownQuestion, NO_SUCH_QUESTION);
    try {
      switch (command.type) {
        case 'ask':
          return await this.ask(meeting, slot, command.text, personId);
        case 'edit':
        case 'withdraw':
          return await this.changeOwn(meeting, slot, command, personId);
        case 'mark_helped':
        case 'delete':
        case 'clear_slot':
          return await this.presenterChange(meeting, slot, command, personId);
      }
    } catch (error) {
      if (error instanceof Refusal) return refusal(error.code, error.message);
      throw error;
    }
  }

  private async ask(meeting: StoredMeeting, slot: Slot, text: string, personId: string) {
    const { state } = meeting;
    const stage = state.currentSlotId === slot.id ? slot.stage : null;
    if (!stage) {
      return refusal(QuestionErrorCode.notNow, 'Questions can be asked only while this slot runs.');
    }
    const check = checkQuestion(text, { stage });
    if (check.flagged && state.settings.adviceCheck === 'hold') {
      return {
        ok: false as const,
        code: QuestionErrorCode.adviceHeld,
        message: 'This may be advice in disguise. Your set asks for it to be reworded first.',
        issues: check.reasons.map((reason) => ({ path: reason.code, message: reason.message })),
      };
    }
    const actor = { personId, isOrganiser: false };
    const counted = await this.deps.meetings.apply(
      meeting.meetingId,
      { type: 'question:asked' },
      actor,
    );
    if (!counted.ok) {
      if (counted.reason === 'refused')
        return refusal(counted.code, MEETING_ERROR_MESSAGES[counted.code]);
      return refusal(QuestionErrorCode.notNow, 'The meeting moved on. Check and try again.');
    }
    const questionId = this.deps.newId();
    const adviceFlags = check.reasons.map((reason) => reason.code);
    const record: QuestionRecord = {
      text,
      authorId: personId,
      stage,
      askedAt: this.deps.now(),
      editedAt: null,
      adviceFlags,
      helped: false,
      withdrawn: false,
    };
    await this.deps.docs.writeAsServer(`slot:${slot.id}`, (doc) => {
      questionsOf(doc).set(questionId, new Y.Map(Object.entries(record)));
    });
    const { meeting: after, events, changed } = counted;
    return {
      ok: true as const,
      reply: { questionId, adviceFlags },
      meetingChange: changed ? { meeting: after, events } : null,
    };
  }

  private async changeOwn(
    meeting: StoredMeeting,
    slot: Slot,
    command: Extract<QuestionCommand, { type: 'edit' | 'withdraw' }>,
    personId: string,
  ): Promise<QuestionOutcome> {
    const viewer = { selfId: personId, slot, state: meeting.state };
    let adviceFlags: string[] = [];
    await this.deps.docs.writeAsServer(`slot:${slot.id}`, (doc) => {
      const question = existingQuestion(doc, command.questionId);
      const refused = questionRefusal(command.type, questionFields(question), viewer);
      if (refused) throw new Refusal(refused.code, refused.message);
      if (command.type === 'withdraw') {
        question.set('withdrawn', true);
        return;
      }
      // The slot runs (or the rule would have refused), so it has a stage.
      adviceFlags = checkQuestion(command.text, { stage: slot.stage! }).reasons.map(
        (reason) => reason.code,
      );
      question.set('text', command.text);
      question.set('editedAt', this.deps.now());
      question.set('adviceFlags', adviceFlags);
    });
    return {
      ok: true,
      reply: { questionId: command.questionId, adviceFlags },
      meetingChange: null,
    };
  }

  private async presenterChange(
    meeting: StoredMeeting,
    slot: Slot,
    command: Extract<QuestionCommand, { type: 'mark_helped' | 'delete' | 'clear_slot' }>,
    personId: string,
  ): Promise<QuestionOutcome> {
    const refused = presenterRefusal({ selfId: personId, slot, state: meeting.state });
    if (refused) return refusal(refused.code, refused.message);
    await this.deps.docs.writeAsServer(`slot:${slot.id}`, (doc) => {
      if (command.type === 'clear_slot') return clearSlotRecord(doc);
      const question = existingQuestion(doc, command.questionId);
      if (command.type === 'mark_helped') question.set('helped', command.helped);
      else questionsOf(doc).delete(command.questionId);
    });
    // Deleted means gone from the store too, not only hidden.
    if (command.type !== 'mark_helped') await this.deps.docs.compactNow(`slot:${slot.id}`);
    const questionId = command.type === 'clear_slot' ? null : command.questionId;
    return { ok: true, reply: { questionId, adviceFlags: [] }, meetingChange: null };
  }
}

function questionsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('questions');
}

/** The fields the question rules read, as the doc holds them (the server wrote them). */
function questionFields(question: Y.Map<unknown>): Pick<QuestionRecord, 'authorId' | 'withdrawn'> {
  return {
    authorId: String(question.get('authorId')),
    withdrawn: question.get('withdrawn') === true,
  };
}

function existingQuestion(doc: Y.Doc, questionId: string): Y.Map<unknown> {
  const question = questionsOf(doc).get(questionId);
  if (!(question instanceof Y.Map)) {
    throw new Refusal(QuestionErrorCode.unknownQuestion, NO_SUCH_QUESTION);
  }
  return question;
}

/** Empties every section of a slot's board: what the presenter asked to delete is gone. */
function clearSlotRecord(doc: Y.Doc): void {
  const rootNames = new Set([...doc.share.keys(), ...Object.keys(BOARD_ROOTS.slot)]);
  for (const name of rootNames) {
    const base = name.split(':')[0] as keyof typeof BOARD_ROOTS.slot;
    const type = BOARD_ROOTS.slot[base];
    if (type === 'xml') {
      const fragment = doc.getXmlFragment(name);
      fragment.delete(0, fragment.length);
    } else if (type === 'map') {
      const map = doc.getMap(name);
      for (const key of [...map.keys()]) map.delete(key);
    }
  }
}
