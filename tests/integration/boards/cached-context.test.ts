/**
 * [AT-SP2] The gate keeps each doc's context (the set, its meeting) instead of reading it for
 * every keystroke, and trusts it only while the store's change counts stand where they stood
 * when it was read (docs/architecture.md, "The gate's cached context"). A stage change applies
 * to the very next update: a reflection refused while the presenter presents is taken the moment
 * the slot reaches reflecting back, and refused again the moment it moves on — on one instance,
 * across two on Redis, and when the change reaches the store without any instance hearing of it.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { personalRoot, type SlotStage } from '@setboard/shared';
import {
  MEETINGS_COLLECTION,
  type MeetingRecord,
} from '../../../server/src/meetings/meeting-service.js';
import { SqliteStore } from '../../../server/src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../server/src/store/store.js';
import { setUpOrganiser, type TestPerson } from '../../support/actors.js';
import { redisBackend } from '../../support/backends.js';
import {
  connectBoard,
  proseOf,
  typeParagraph,
  type BoardTestClient,
} from '../../support/board-client.js';
import { ManualClock } from '../../support/manual-clock.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS } from '../../support/meeting-set.js';
import { redisForSuite } from '../../support/services.js';
import { doAndSettle, meetingAtPresenting, type SlotMeeting } from '../../support/slot-meeting.js';
import { makeTempDir, startTestServer } from '../../support/test-server.js';

const redis = await redisForSuite('The gate’s cached context');

/** A SQLite store that counts the records read from each collection. */
class CountingSqliteStore extends SqliteStore {
  readonly reads = new Map<string, number>();
  override get<T>(collection: string, id: string) {
    this.reads.set(collection, (this.reads.get(collection) ?? 0) + 1);
    return super.get<T>(collection, id);
  }
}

function countingStore(): CountingSqliteStore {
  const temp = makeTempDir('cached-context');
  const db = new BetterSqlite3(path.join(temp.dir, 'setboard.sqlite'));
  db.pragma('journal_mode = WAL');
  const store = new CountingSqliteStore({ db });
  afterAll(async () => {
    await store.close();
    db.close();
    temp.remove();
  });
  return store;
}

/** The slot's stage as its stored meeting record says. */
function stageOf(meeting: SlotMeeting): SlotStage | null | undefined {
  const state = meeting.facilitator.state;
  return state.slots.find((slot) => slot.id === meeting.slotId)?.stage;
}

/** Moves the slot on by one stage, through the facilitator's connection to its instance. */
async function advance(meeting: SlotMeeting): Promise<SlotStage | null | undefined> {
  await doAndSettle(meeting, meeting.facilitator, { type: 'stage:advance' });
  return stageOf(meeting);
}

/** One consultant writing their reflections on the slot board, watched by the presenter. */
interface ReflectionBoards {
  writer: BoardTestClient;
  observer: BoardTestClient;
  root: string;
}

async function reflectionBoards(
  serverUrl: string,
  meeting: SlotMeeting,
): Promise<ReflectionBoards> {
  const docName = `slot:${meeting.slotId}`;
  const consultant = meeting.people.members[1] as TestPerson;
  const writer = connectBoard(serverUrl, docName, consultant);
  const observer = connectBoard(serverUrl, docName, meeting.people.members[0] as TestPerson);
  await Promise.all([writer.synced(), observer.synced()]);
  return { writer, observer, root: personalRoot('reflections', consultant.personId) };
}

let markers = 0;

/** The writer's next reflection is taken: it reaches the observer, and no notice comes. */
async function expectTaken(boards: ReflectionBoards): Promise<void> {
  const marker = `TAKEN-${++markers}`;
  const noticesBefore = boards.writer.notices.length;
  typeParagraph(boards.writer.doc, boards.root, marker);
  await boards.observer.waitUntil(
    (doc) => proseOf(doc, boards.root).includes(marker),
    `the reflection ${marker}`,
  );
  expect(boards.writer.notices.length).toBe(noticesBefore);
}

/** The writer's next reflection is refused under W4 and never reaches the observer. */
async function expectRefused(boards: ReflectionBoards): Promise<void> {
  const marker = `REFUSED-${++markers}`;
  const noticesBefore = boards.writer.notices.length;
  typeParagraph(boards.writer.doc, boards.root, marker);
  const notice = await boards.writer.waitForNotice(noticesBefore + 1);
  expect(notice.refusals.map((refusal) => [refusal.rule, refusal.text])).toEqual([['W4', marker]]);
  await boards.writer.waitUntil(
    (doc) => !proseOf(doc, boards.root).includes(marker),
    `the refused ${marker} undone`,
  );
  expect(boards.observer.everReceived(marker)).toBe(false);
}

/**
 * The slot goes from presenting to reflecting back and on, one stage at a time, and each time
 * the consultant's first update after the change is judged by the new stage.
 */
async function followStagesThroughReflectingBack(
  meeting: SlotMeeting,
  boards: ReflectionBoards,
): Promise<void> {
  await expectRefused(boards); // at presenting: the context is read (and kept) here
  await doAndSettle(meeting, meeting.presenter, { type: 'presenting:finish' });
  while ((await advance(meeting)) !== 'reflecting_back') await expectRefused(boards);
  await expectTaken(boards); // the very next update after the change
  await expectTaken(boards);
  expect(await advance(meeting)).not.toBe('reflecting_back');
  await expectRefused(boards); // and the very next after it moved on
}

describe('[AT-SP2] the gate’s cached context', () => {
  it('[AT-SP2][W4] follows a stage change to the very next update on one instance, reading no meeting per keystroke', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const store = countingStore();
    const server = await startTestServer({ store, now: clock.now, scheduler: clock });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
    const meeting = await meetingAtPresenting(server.url, organiser, 2);
    const boards = await reflectionBoards(server.url, meeting);
    await followStagesThroughReflectingBack(meeting, boards);

    // While nothing changes, the context is kept: many keystrokes, no meeting record read.
    const meetingReadsBefore = store.reads.get(MEETINGS_COLLECTION) ?? 0;
    for (let keystroke = 0; keystroke < 30; keystroke++) await expectRefused(boards);
    expect(store.reads.get(MEETINGS_COLLECTION) ?? 0).toBe(meetingReadsBefore);
    await server.close();
  });

  it.skipIf(!redis.available)(
    '[AT-SP2][W4] follows a stage change made on another instance to the very next update (two instances on Redis)',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const backend = redisBackend('cached-context');
      const [a, b] = await Promise.all([
        backend.startInstance({ now: clock.now, scheduler: clock }),
        backend.startInstance({ now: clock.now, scheduler: clock }),
      ]);
      const organiser = await setUpOrganiser(a.url, (await a.setupUrl())!);
      const meeting = await meetingAtPresenting(a.url, organiser, 2); // the meeting runs on A
      const boards = await reflectionBoards(b.url, meeting); // the board is written on B
      await followStagesThroughReflectingBack(meeting, boards);
    },
  );

  it.skipIf(!redis.available)(
    '[AT-SP2][W4] follows a change that reached the store without any instance hearing of it',
    async () => {
      const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
      const backend = redisBackend('cached-context-unheard');
      const server = await backend.startInstance({ now: clock.now, scheduler: clock });
      const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);
      const meeting = await meetingAtPresenting(server.url, organiser, 2);
      const boards = await reflectionBoards(server.url, meeting);
      await expectRefused(boards); // the context is read and kept at presenting

      // Another process moves the slot to reflecting back, straight in the store: no command,
      // no broadcast, no pub/sub message reaches the instance.
      const elsewhere = backend.openStore();
      await setSlotStage(elsewhere, meeting, 'reflecting_back');
      await expectTaken(boards);
      await setSlotStage(elsewhere, meeting, 'action_planning');
      await expectRefused(boards);
    },
  );
});

/** Writes the slot's stage into the stored meeting record, as another process could. */
async function setSlotStage(store: Store, meeting: SlotMeeting, stage: SlotStage): Promise<void> {
  const stored = await store.get<MeetingRecord>(MEETINGS_COLLECTION, meeting.meetingId);
  if (!stored) throw new Error('the meeting record is missing');
  const slots = stored.value.state.slots.map((slot) =>
    slot.id === meeting.slotId ? { ...slot, stage } : slot,
  );
  const value = { ...stored.value, state: { ...stored.value.state, slots } };
  const written = await store.put(MEETINGS_COLLECTION, meeting.meetingId, value, stored.version);
  expect(written.ok).toBe(true);
}
