/**
 * The record of one held meeting (docs/privacy.md, "Exports"), for its set's members: date,
 * attendance, each slot as its presenter kept it (what they cleared is gone from the board, so it
 * is gone here too), the set's objectives reviewed at this meeting, airtime and the process
 * review. Personal objectives, learning logs, expectations and report-back cards are private to
 * their writer and never appear here.
 */
import {
  ActionRecord,
  meetingIdOf,
  ObjectiveRecord,
  QuestionRecord,
  type MeetingState,
} from '@setboard/shared';
import { refuse } from '../access/errors.js';
import type { SetRecord } from '../access/records.js';
import type { Sets } from '../access/sets.js';
import { readStoredDoc, recordsOf } from '../boards/stored-board.js';
import type { MeetingService } from '../meetings/meeting-service.js';
import { proseOf } from '../privacy/board-words.js';
import { FORMER_MEMBER } from '../privacy/doc-rebuild.js';
import type { Store } from '../store/store.js';
import { ukDate } from '../privacy/html.js';
import { labelled, type RecordBlock, type RecordDocument } from './record-blocks.js';

export interface RecordDeps {
  store: Store;
  sets: Sets;
  meetings: MeetingService;
}

/** Questions in the order they were asked. */
const QuestionInOrder = QuestionRecord.transform((question) => ({
  ...question,
  createdAt: question.askedAt,
}));

const ATTENDANCE_WORDS: Record<string, string> = {
  expected: 'Did not join',
  present: 'Present',
  late: 'Present (late)',
  apologies: 'Sent apologies',
  absent: 'Absent',
};

/** Names by person id, "A former member" for anyone erased. */
export async function namer(sets: Sets): Promise<(personId: string) => Promise<string>> {
  const known = new Map<string, string>();
  return async (personId) => {
    if (personId === FORMER_MEMBER) return 'A former member';
    if (!known.has(personId)) {
      const name = await sets.personName(personId);
      known.set(personId, name === 'Someone' ? 'A former member' : name);
    }
    return known.get(personId)!;
  };
}

export function minutes(ms: number): string {
  const whole = Math.round(ms / 60_000);
  return whole === 1 ? '1 minute' : `${whole} minutes`;
}

/** The meeting's live state, if it was held (started); refused otherwise. */
export async function heldMeeting(
  meetings: MeetingService,
  set: SetRecord,
  meetingIndex: number,
): Promise<MeetingState> {
  if (!set.meetings[meetingIndex]) throw refuse.notFound('That meeting');
  const meeting = await meetings.get(meetingIdOf(set.id, meetingIndex));
  if (!meeting || meeting.state.startedAt === null)
    throw refuse.notFound('A record of that meeting');
  return meeting.state;
}

export async function buildMeetingRecord(
  deps: RecordDeps,
  set: SetRecord,
  meetingIndex: number,
): Promise<RecordDocument> {
  const state = await heldMeeting(deps.meetings, set, meetingIndex);
  const nameOf = await namer(deps.sets);
  const plan = set.meetings[meetingIndex]!;
  const blocks: RecordBlock[] = [{ kind: 'heading', level: 1, text: 'Attendance' }];
  const attendance = await Promise.all(
    Object.entries(state.attendance).map(async ([personId, entry]) => [
      await nameOf(personId),
      ATTENDANCE_WORDS[entry.status] ?? entry.status,
    ]),
  );
  blocks.push({ kind: 'table', head: ['Name', 'Attendance'], rows: attendance });

  for (const slot of state.slots.filter((each) => each.status !== 'planned')) {
    blocks.push({ kind: 'heading', level: 1, text: `${await nameOf(slot.presenterId)}’s slot` });
    if (slot.status === 'deferred') {
      blocks.push({ kind: 'paragraph', text: 'Deferred to a later meeting.' });
      continue;
    }
    blocks.push(...(await slotBlocks(deps.store, slot.id, nameOf)));
  }

  blocks.push({ kind: 'heading', level: 1, text: 'Objectives reviewed' });
  const objectives = await readStoredDoc(deps.store, `set:${set.id}`, (doc) =>
    recordsOf(doc, 'setObjectives', ObjectiveRecord),
  );
  const reviewed = objectives.flatMap(({ record }) => {
    const review = record.reviews[String(state.meetingNumber)];
    return review ? [[record.statement, `${review.rating} of 5`, review.status, review.note]] : [];
  });
  blocks.push(
    reviewed.length > 0
      ? { kind: 'table', head: ['Objective', 'Rating', 'Status', 'Note'], rows: reviewed }
      : { kind: 'paragraph', text: 'No set objectives were reviewed at this meeting.' },
  );

  blocks.push({ kind: 'heading', level: 1, text: 'Airtime' });
  const airtime = await Promise.all(
    Object.entries(state.airtime.byPersonMs)
      .sort(([, a], [, b]) => b - a)
      .map(async ([personId, ms]) => ({
        label: await nameOf(personId),
        value: ms,
        shown: minutes(ms),
      })),
  );
  blocks.push(
    airtime.length > 0
      ? { kind: 'bars', rows: airtime }
      : { kind: 'paragraph', text: 'Nobody held the floor.' },
  );

  blocks.push({ kind: 'heading', level: 1, text: 'Process review' });
  const review = await readStoredDoc(
    deps.store,
    `meeting:${meetingIdOf(set.id, meetingIndex)}`,
    (doc) => proseOf(doc.getXmlFragment('processReview')),
  );
  blocks.push(labelled('Notes', review));

  return {
    title: `${set.name}: meeting ${state.meetingNumber}`,
    subtitle: `Meeting record, ${ukDate(plan.date)}`,
    blocks,
  };
}

/** One slot's board as its presenter kept it. */
async function slotBlocks(
  store: Store,
  slotId: string,
  nameOf: (personId: string) => Promise<string>,
): Promise<RecordBlock[]> {
  const board = await readStoredDoc(store, `slot:${slotId}`, (doc) => ({
    issue: proseOf(doc.getXmlFragment('issueStatement')),
    outcome: proseOf(doc.getXmlFragment('desiredOutcome')),
    summary: proseOf(doc.getXmlFragment('summary')),
    questions: recordsOf(doc, 'questions', QuestionInOrder),
    actions: recordsOf(doc, 'actions', ActionRecord),
    reflections: [...doc.share.keys()]
      .filter((root) => root.startsWith('reflections:'))
      .map((root) => ({
        personId: root.slice('reflections:'.length),
        text: proseOf(doc.getXmlFragment(root)),
      }))
      .filter((reflection) => reflection.text !== ''),
  }));
  const questions = await Promise.all(
    board.questions
      .filter(({ record }) => !record.withdrawn)
      .map(async ({ record }) => `${record.text} (${await nameOf(record.authorId)})`),
  );
  const reflections = await Promise.all(
    board.reflections.map(async ({ personId, text }) => `${await nameOf(personId)}: ${text}`),
  );
  return [
    labelled('Issue', board.issue),
    labelled('Outcome wanted', board.outcome),
    { kind: 'heading', level: 2, text: 'Questions' },
    questions.length > 0
      ? { kind: 'list', items: questions }
      : { kind: 'paragraph', text: 'None kept.' },
    { kind: 'heading', level: 2, text: 'Reflections' },
    reflections.length > 0
      ? { kind: 'list', items: reflections }
      : { kind: 'paragraph', text: 'None kept.' },
    { kind: 'heading', level: 2, text: 'Actions' },
    board.actions.length > 0
      ? {
          kind: 'table',
          head: ['Action', 'Intended outcome', 'Due', 'Status'],
          rows: board.actions.map(({ record }) => [
            record.what,
            record.intendedOutcome,
            record.due === '' ? '' : ukDate(record.due),
            record.status.replace(/_/g, ' '),
          ]),
        }
      : { kind: 'paragraph', text: 'None.' },
    labelled('Summary', board.summary),
  ];
}
