/**
 * [AT-C3] A facilitator and four members run a whole first meeting and a second one over real
 * Socket.IO connections, with the server's clock driven by the test: every assertion is on the
 * states the server broadcast to the members' clients.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { airtimeTotals, meetingIdOf, type MeetingState } from '@setboard/shared';
import { expectOk, type TestSet } from '../../support/actors.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting, positionOf } from '../../support/meeting-client.js';
import {
  FIRST_MEETING_STARTS_AT,
  MINUTE_MS,
  SECOND_MEETING_STARTS_AT,
  setReadyToMeet,
} from '../../support/meeting-set.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 15 * MINUTE_MS);
const DAY_MS = 24 * 60 * MINUTE_MS;
let server: TestServer;
let people: TestSet;

async function everyoneSees(
  clients: MeetingClient[],
  check: (state: MeetingState) => boolean,
  what: string,
): Promise<void> {
  await Promise.all(clients.map((client) => client.waitFor(check, what)));
}

/** The facilitator and four members, in the order `connectAll` returns them. */
function asFive(clients: MeetingClient[]) {
  return clients as [MeetingClient, MeetingClient, MeetingClient, MeetingClient, MeetingClient];
}

async function connectAll(meetingId: string): Promise<MeetingClient[]> {
  const { facilitator, members } = people;
  return Promise.all(
    [facilitator, ...members].map((person) => MeetingClient.connect(server.url, person, meetingId)),
  );
}

/** Lets the clock run the current slot stage out; resolves with the stage that follows. */
async function runStageOut(observer: MeetingClient): Promise<string | null> {
  const before = observer.version;
  const endsAt = observer.state.timer?.endsAt;
  if (endsAt === null || endsAt === undefined) throw new Error('nothing is being timed');
  clock.advanceTo(endsAt);
  const state = await observer.waitFor(
    (candidate) => observer.version > before && candidate.timer?.endsAt !== endsAt,
    'the next stage',
  );
  return positionOf(state).stage;
}

describe('[AT-C3] a set runs two meetings over Socket.IO with a driven clock', () => {
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now, scheduler: clock });
    people = await setReadyToMeet(server.url, await server.setupUrl(), 4, {
      timing: 'strict',
      timeAllocation: 'bid',
      quorum: 3,
    });
    return () => server.close();
  });

  it('[AT-C3][M1][M4][M6] first meeting: lobby, contracting, an expectations round the clock hands on, objectives', async () => {
    const { facilitator, set } = people;
    const meetingId = await openMeeting(server.url, facilitator, set.id, 0);
    expect(meetingId).toBe(meetingIdOf(set.id, 0));
    expect(await openMeeting(server.url, facilitator, set.id, 0)).toBe(meetingId);

    const everyone = await connectAll(meetingId);
    const [fran, pat, mo, ann, ben] = asFive(everyone);
    const id = (client: MeetingClient) => client.person.personId;
    expect(ben.state).toMatchObject({
      phase: 'scheduled',
      meetingNumber: 1,
      facilitatorId: id(fran),
      // 09:30 in London on 21 September 2027, less the ten-minute lobby.
      lobbyOpensAt: FIRST_MEETING_STARTS_AT - 10 * MINUTE_MS,
      settings: { timing: 'strict', timeAllocation: 'bid', quorum: 3 },
    });
    expect(ben.state.roster.map((entry) => entry.personId)).toEqual(everyone.map(id));

    // The clock opens the lobby; Ben is not there yet.
    clock.advanceBy(5 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'lobby', 'the lobby open');
    expect(ben.changes.at(-1)?.events).toEqual([{ type: 'lobby:opened' }]);
    for (const client of [fran, pat, mo, ann]) await client.do({ type: 'meeting:join' });
    clock.advanceTo(FIRST_MEETING_STARTS_AT);
    await fran.do({ type: 'meeting:start' });
    await ben.waitFor((state) => state.phase === 'opening', 'the opening');
    expect(ben.state.timer?.endsAt).toBe(FIRST_MEETING_STARTS_AT + 5 * MINUTE_MS);
    expect(ben.latest?.serverNow).toBe(FIRST_MEETING_STARTS_AT);

    // The opening's five minutes end: contracting, with a speaking queue.
    clock.advanceBy(5 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'contracting', 'contracting');
    expect(ben.changes.at(-1)?.events).toContainEqual(
      expect.objectContaining({ type: 'position:changed', phase: 'contracting', cause: 'clock' }),
    );
    await mo.do({ type: 'hand:raise' });
    await pat.do({ type: 'hand:raise' });
    await ann.waitFor((state) => state.queue.hands.length === 1, 'Pat waiting');
    expect(ann.state.queue).toMatchObject({ floor: { personId: id(mo) }, hands: [id(pat)] });
    await mo.do({ type: 'turn:pass' });
    await ann.waitFor((state) => state.queue.floor?.personId === id(pat), 'Pat holding the floor');

    // Contracting's thirty minutes end: the expectations round, Pat first; Ben arrives late.
    clock.advanceBy(30 * MINUTE_MS);
    await everyoneSees(
      everyone,
      (state) => state.phase === 'expectations_round',
      'the expectations round',
    );
    expect(positionOf(ben.state)).toMatchObject({ turn: id(pat), floor: null });
    await ben.do({ type: 'meeting:join' });
    await fran.waitFor((state) => state.attendance[id(ben)]?.status === 'late', 'Ben late');
    expect(fran.state.round?.order).toEqual([pat, mo, ann, ben].map(id));

    clock.advanceBy(3 * MINUTE_MS);
    await fran.waitFor((state) => state.timer?.warnedTwoMinutes === true, 'a warning');
    expect(fran.changes.at(-1)?.events).toEqual([{ type: 'time:warning', remainingMs: 120_000 }]);
    clock.advanceBy(2 * MINUTE_MS);
    await everyoneSees(everyone, (state) => positionOf(state).turn === id(mo), 'Mo’s turn');
    expect(mo.changes.at(-1)?.events).toContainEqual(
      expect.objectContaining({ type: 'position:changed', turnHolderId: id(mo), cause: 'clock' }),
    );
    await mo.do({ type: 'turn:pass' });
    await fran.waitFor((state) => positionOf(state).turn === id(ann), 'Ann’s turn');
    await fran.do({ type: 'timer:extend', minutes: 2 });
    clock.advanceBy(5 * MINUTE_MS);
    await fran.waitFor((state) => state.timer?.warnedTwoMinutes === true, 'Ann’s warning');
    expect(positionOf(fran.state).turn).toBe(id(ann));
    clock.advanceBy(2 * MINUTE_MS);
    await everyoneSees(everyone, (state) => positionOf(state).turn === id(ben), 'Ben’s turn');
    clock.advanceBy(5 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'objectives', 'objectives');

    // Objectives run their time; a bid is carried over to the next meeting; the meeting closes.
    clock.advanceBy(25 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'bidding', 'bidding');
    await pat.do({ type: 'bid:place', synopsis: 'Merging two rotas', minutes: 30 });
    const patSlot = (await fran.waitFor((state) => state.slots.length === 1, 'Pat’s bid'))
      .slots[0]!;
    await fran.do({ type: 'slot:defer', slotId: patSlot.id });
    await fran.do({ type: 'stage:advance' });
    await everyoneSees(everyone, (state) => state.phase === 'process_review', 'process review');
    clock.advanceBy(15 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'closing', 'closing');
    clock.advanceBy(5 * MINUTE_MS);
    const closed = await ben.waitFor((state) => state.phase === 'closed', 'the close');
    expect(ben.changes.at(-1)?.events).toContainEqual({ type: 'meeting:closed' });

    expect(
      Object.fromEntries(Object.entries(closed.attendance).map(([who, a]) => [who, a.status])),
    ).toEqual({
      [id(fran)]: 'present',
      [id(pat)]: 'present',
      [id(mo)]: 'present',
      [id(ann)]: 'present',
      [id(ben)]: 'late',
    });
    const airtime = airtimeTotals(closed, clock.now());
    expect(airtime.totalMs).toBe(closed.closedAt! - closed.startedAt!);
    expect(airtime.byPersonMs[id(ann)]).toBe(7 * MINUTE_MS);
    expect(airtime.byPersonMs[id(ben)]).toBe(5 * MINUTE_MS);
    expect(closed.slots).toMatchObject([{ presenterId: id(pat), status: 'deferred' }]);
  });

  it('[AT-C3][M1][M4][M6] second meeting: apologies, check-in, bids, two slots, a break, process review, closing', async () => {
    const { facilitator, members, set } = people;
    // Between meetings everyone looks in on the set now and then, which keeps them signed in.
    while (clock.now() < SECOND_MEETING_STARTS_AT - 20 * DAY_MS) {
      clock.advanceBy(20 * DAY_MS);
      for (const person of [facilitator, ...members])
        await expectOk(server.url, 'GET', '/api/my/sets', { as: person });
    }
    clock.advanceTo(SECOND_MEETING_STARTS_AT - 15 * MINUTE_MS);
    const meetingId = await openMeeting(server.url, facilitator, set.id, 1);
    const everyone = await connectAll(meetingId);
    const [fran, pat, mo, ann, ben] = asFive(everyone);
    const id = (client: MeetingClient) => client.person.personId;
    // Pat's deferred slot is carried into this meeting's plan.
    expect(ben.state).toMatchObject({
      meetingNumber: 2,
      lobbyOpensAt: SECOND_MEETING_STARTS_AT - 10 * MINUTE_MS,
      slots: [{ presenterId: id(pat), synopsis: 'Merging two rotas', minutes: 30 }],
    });

    await ben.do({ type: 'apologies:send' });
    clock.advanceBy(5 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'lobby', 'the lobby open');
    for (const client of [fran, pat, mo, ann]) await client.do({ type: 'meeting:join' });
    clock.advanceTo(SECOND_MEETING_STARTS_AT);
    await fran.do({ type: 'meeting:start' });
    await fran.do({ type: 'stage:advance' });

    // Check-in: each reports back in turn; Mo's four minutes run out and the clock moves on.
    await everyoneSees(everyone, (state) => state.phase === 'check_in', 'the check-in');
    expect(fran.state.round?.order).toEqual([pat, mo, ann].map(id));
    clock.advanceBy(MINUTE_MS);
    await pat.do({ type: 'turn:pass' });
    await fran.waitFor((state) => positionOf(state).turn === id(mo), 'Mo’s check-in');
    clock.advanceBy(4 * MINUTE_MS);
    await everyoneSees(everyone, (state) => positionOf(state).turn === id(ann), 'Ann’s check-in');
    clock.advanceBy(2 * MINUTE_MS);
    await ann.do({ type: 'turn:pass' });
    await fran.waitFor((state) => state.phase === 'objectives', 'objectives confirmed');
    await fran.do({ type: 'stage:advance' });

    // Bidding: Mo bids; the facilitator puts Mo's slot before Pat's carried one.
    await everyoneSees(everyone, (state) => state.phase === 'bidding', 'bidding');
    await mo.do({ type: 'bid:place', synopsis: 'Sickness absence', minutes: 20 });
    const planned = (await fran.waitFor((state) => state.slots.length === 2, 'two bids')).slots;
    const [patSlot, moSlot] = planned as [(typeof planned)[0], (typeof planned)[0]];
    await fran.do({ type: 'slots:reorder', slotIds: [moSlot.id, patSlot.id] });
    await fran.do({ type: 'stage:advance' });

    // Mo's slot: contracting runs out, Mo finishes presenting, questions pass the floor.
    await everyoneSees(
      everyone,
      (state) => state.currentSlotId === moSlot.id && positionOf(state).stage === 'contracting',
      'Mo’s slot',
    );
    expect(await runStageOut(ann)).toBe('presenting');
    await mo.do({ type: 'presenting:finish' });
    await ann.waitFor((state) => positionOf(state).stage === 'clarifying', 'clarifying');
    expect((await mo.send({ type: 'hand:raise' })).ok).toBe(false);
    await pat.do({ type: 'hand:raise' });
    await ann.do({ type: 'hand:raise' });
    expect(await pat.ask(moSlot.id, 'What have you tried?')).toMatchObject({ ok: true });
    expect(await pat.ask(moSlot.id, 'What happened then?')).toMatchObject({ ok: true });
    await everyoneSees(everyone, (state) => positionOf(state).floor === id(ann), 'Ann’s floor');
    await fran.do({ type: 'stage:advance' });
    await ann.waitFor((state) => positionOf(state).stage === 'exploring', 'exploring');
    const stages = [];
    for (let step = 0; step < 6 && positionOf(ann.state).stage !== 'complete'; step++)
      stages.push(await runStageOut(ann));
    expect(stages).toEqual([
      'reflecting_back',
      'action_planning',
      'presenter_feedback',
      'complete',
    ]);

    // A break, then Pat's slot, which the facilitator moves through.
    await fran.do({ type: 'break:start', minutes: 10 });
    await everyoneSees(everyone, (state) => state.phase === 'break', 'the break');
    clock.advanceBy(10 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.currentSlotId === patSlot.id, 'Pat’s slot');
    while (positionOf(fran.state).stage !== 'complete') {
      clock.advanceBy(MINUTE_MS);
      const { version } = await fran.do({ type: 'stage:advance' });
      await fran.waitForVersion(version);
    }
    await fran.do({ type: 'stage:advance' });
    const review = await ben.waitFor((state) => state.phase === 'process_review', 'review');

    // The process review shows who had the floor and for how long.
    const airtime = airtimeTotals(review, clock.now());
    expect(airtime.byPersonMs[id(ann)]).toBe(2 * MINUTE_MS);
    for (const who of [pat, mo]) expect(airtime.byPersonMs[id(who)]).toBeGreaterThan(0);
    expect(airtime.byPersonMs[id(ben)]).toBeUndefined();
    expect(review.slots.map((slot) => slot.status)).toEqual(['complete', 'complete']);

    clock.advanceBy(15 * MINUTE_MS);
    await everyoneSees(everyone, (state) => state.phase === 'closing', 'closing');
    clock.advanceBy(5 * MINUTE_MS);
    const closed = await ben.waitFor((state) => state.phase === 'closed', 'the close');
    expect(ben.latest?.serverNow).toBe(clock.now());
    expect(closed.attendance[id(ben)]?.status).toBe('apologies');
    expect(closed.attendance[id(mo)]?.status).toBe('present');
  });
});
