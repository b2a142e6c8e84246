/**
 * A set in a live meeting, for board tests: a facilitator (Fran) and three members (Pat, who
 * presents, Mo and Ann), joined over real Socket.IO connections on a server with a driven clock.
 * `advanceUntil` moves the meeting on as the facilitator would, so a test can stand at any
 * phase, turn or slot stage where a write rule changes its answer.
 */
import type { MeetingPhase, MeetingState, SetSettings, SlotStage } from '@setboard/shared';
import { sqliteBackend } from './backends.js';
import { ManualClock } from './manual-clock.js';
import { MeetingClient, openMeeting } from './meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from './meeting-set.js';
import { startTestServer, type TestServer } from './test-server.js';
import type { TestPerson, TestSet } from './actors.js';

export interface BoardFixture {
  server: TestServer;
  clock: ManualClock;
  people: TestSet;
  fran: MeetingClient;
  pat: MeetingClient;
  mo: MeetingClient;
  ann: MeetingClient;
  meetingId: string;
  /** The facilitator moves on until `reached` holds (at most 60 moves). */
  advanceUntil(reached: (state: MeetingState) => boolean, what: string): Promise<MeetingState>;
  /** Bidding done (Pat bids), then on to Pat's slot at `stage`. */
  toPatsSlot(stage: SlotStage): Promise<{ slotId: string; state: MeetingState }>;
}

export async function boardFixture(settings: Partial<SetSettings> = {}): Promise<BoardFixture> {
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
  const server = await startTestServer({
    store: sqliteBackend().openStore(),
    now: clock.now,
    scheduler: clock,
  });
  const people = await setReadyToMeet(server.url, await server.setupUrl(), 3, {
    timing: 'advisory',
    timeAllocation: 'bid',
    quorum: 3,
    ...settings,
  });
  const meetingId = await openMeeting(server.url, people.facilitator, people.set.id, 0);
  const connect = (person: TestPerson) => MeetingClient.connect(server.url, person, meetingId);
  const [fran, pat, mo, ann] = await Promise.all(
    [people.facilitator, ...people.members].map(connect),
  );
  if (!fran || !pat || !mo || !ann) throw new Error('four people expected');
  await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
  for (const client of [fran, pat, mo, ann]) await client.do({ type: 'meeting:join' });
  const started = await fran.do({ type: 'meeting:start' });
  await fran.waitForVersion(started.version);

  const advanceUntil = async (reached: (state: MeetingState) => boolean, what: string) => {
    for (let moves = 0; moves < 60; moves++) {
      if (reached(fran.state)) return fran.state;
      const { version } = await fran.do({ type: 'stage:advance' });
      await fran.waitForVersion(version);
    }
    throw new Error(`never reached ${what}`);
  };
  const toPatsSlot = async (stage: SlotStage) => {
    if (fran.state.slots.length === 0) {
      await advanceUntil((state) => state.phase === 'bidding', 'bidding');
      const bid = await pat.do({ type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
      await fran.waitForVersion(bid.version);
    }
    const state = await advanceUntil(
      (current) =>
        current.phase === 'slot' &&
        current.slots.find((slot) => slot.id === current.currentSlotId)?.stage === stage,
      `Pat’s slot at ${stage}`,
    );
    return { slotId: state.currentSlotId!, state };
  };
  return { server, clock, people, fran, pat, mo, ann, meetingId, advanceUntil, toPatsSlot };
}

/** Whether the meeting is at `phase` and, in a round, on `personId`'s turn. */
export function atTurnOf(phase: MeetingPhase, personId: string) {
  return (state: MeetingState) =>
    state.phase === phase && state.round?.order[state.round.index] === personId;
}
