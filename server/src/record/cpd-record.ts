/**
 * "My CPD record" (docs/privacy.md, "Exports"): one person's year, theirs alone — the slots they
 * presented (their issue, the outcome they wanted, their actions and what happened), their
 * individual objectives with every review, and their learning log. Nothing anyone else wrote
 * privately; not even others' questions or reflections on their slots.
 */
import type * as Y from 'yjs';
import {
  ActionRecord,
  LogEntryRecord,
  meetingIdOf,
  ObjectiveRecord,
  personalRoot,
} from '@setboard/shared';
import { Collection, readPerson, type SetRecord } from '../access/records.js';
import { readStoredDoc, recordsOf } from '../boards/stored-board.js';
import { proseOf } from '../privacy/board-words.js';
import { ukDate } from '../privacy/html.js';
import { labelled, type RecordBlock, type RecordDocument } from './record-blocks.js';
import type { RecordDeps } from './meeting-record.js';

export async function buildCpdRecord(
  deps: RecordDeps & { now: () => number },
  personId: string,
): Promise<RecordDocument> {
  const person = await readPerson(deps.store, personId);
  const setIds = (await deps.store.list(Collection.personSets(personId))).map((entry) => entry.id);
  const sets = (await Promise.all(setIds.map((id) => deps.sets.get(id)))).filter(
    (set): set is SetRecord => set !== null,
  );
  const blocks: RecordBlock[] = [];
  for (const set of sets) {
    blocks.push({ kind: 'heading', level: 1, text: set.name });
    const ofSet = [
      ...(await presentedSlots(deps, set, personId)),
      ...(await personalObjectives(deps, set, personId)),
    ];
    blocks.push(...ofSet);
    if (ofSet.length === 0) {
      blocks.push({
        kind: 'paragraph',
        text: 'No slots presented and no objectives of yours yet.',
      });
    }
  }
  if (sets.length === 0) blocks.push({ kind: 'paragraph', text: 'You are not in any set yet.' });
  blocks.push(...(await learningLog(deps, personId)));
  return {
    title: `CPD record: ${person?.name ?? 'you'}`,
    subtitle: `${person?.jobTitle ? `${person.jobTitle}, ` : ''}${person?.organisation ?? ''} — as at ${ukDate(deps.now())}`,
    blocks,
  };
}

async function presentedSlots(deps: RecordDeps, set: SetRecord, personId: string) {
  const blocks: RecordBlock[] = [];
  for (let index = 0; index < set.meetings.length; index++) {
    const meeting = await deps.meetings.get(meetingIdOf(set.id, index));
    for (const slot of meeting?.state.slots ?? []) {
      if (slot.presenterId !== personId || slot.status === 'planned') continue;
      const board = await readStoredDoc(deps.store, `slot:${slot.id}`, (doc) => ({
        issue: proseOf(doc.getXmlFragment('issueStatement')),
        outcome: proseOf(doc.getXmlFragment('desiredOutcome')),
        actions: recordsOf(doc, 'actions', ActionRecord),
      }));
      blocks.push({
        kind: 'heading',
        level: 2,
        text: `My slot at meeting ${index + 1} (${ukDate(set.meetings[index]!.date)})`,
      });
      blocks.push(labelled('My issue', board.issue), labelled('Outcome I wanted', board.outcome));
      blocks.push(
        board.actions.length > 0
          ? {
              kind: 'table',
              head: ['My action', 'Status', 'What happened'],
              rows: board.actions.map(({ record }) => [
                record.what,
                record.status.replace(/_/g, ' '),
                [
                  record.statusNote,
                  ...record.progress.map((note) => `${ukDate(note.at)}: ${note.note}`),
                ]
                  .filter((text) => text !== '')
                  .join('\n'),
              ]),
            }
          : { kind: 'paragraph', text: 'No actions recorded.' },
      );
    }
  }
  return blocks;
}

async function personalObjectives(deps: RecordDeps, set: SetRecord, personId: string) {
  const objectives = await readStoredDoc(deps.store, `set:${set.id}`, (doc) =>
    recordsOf(doc, personalRoot('personalObjectives', personId), ObjectiveRecord),
  );
  if (objectives.length === 0) return [];
  const blocks: RecordBlock[] = [{ kind: 'heading', level: 2, text: 'My objectives' }];
  for (const { record } of objectives) {
    blocks.push({ kind: 'heading', level: 3, text: record.statement || 'An objective' });
    blocks.push(labelled('Measure', record.measure), labelled('Target', record.target));
    const reviews = Object.values(record.reviews).sort((a, b) => a.meetingNumber - b.meetingNumber);
    if (reviews.length > 0) {
      blocks.push({
        kind: 'table',
        head: ['Meeting', 'Rating', 'Status', 'Note'],
        rows: reviews.map((review) => [
          String(review.meetingNumber),
          `${review.rating} of 5`,
          review.status.replace(/_/g, ' '),
          review.note,
        ]),
      });
    }
  }
  return blocks;
}

async function learningLog(deps: RecordDeps, personId: string): Promise<RecordBlock[]> {
  const log = await readStoredDoc(deps.store, `log:${personId}`, (doc: Y.Doc) => ({
    earlier: proseOf(doc.getXmlFragment('entries')),
    entries: recordsOf(doc, 'logEntries', LogEntryRecord)
      .sort((a, b) => a.record.date.localeCompare(b.record.date))
      .map(({ id, record }) => ({ record, text: proseOf(doc.getXmlFragment(`entry:${id}`)) })),
  }));
  const blocks: RecordBlock[] = [{ kind: 'heading', level: 1, text: 'My learning log' }];
  if (log.earlier !== '') blocks.push(labelled('Earlier notes', log.earlier));
  for (const { record, text } of log.entries) {
    blocks.push({ kind: 'heading', level: 2, text: `${ukDate(record.date)}: ${record.title}` });
    blocks.push({ kind: 'paragraph', text: text || 'Nothing written.' });
  }
  if (log.earlier === '' && log.entries.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Nothing written yet.' });
  }
  return blocks;
}
