/**
 * A set whose first meeting has reached a presenter's slot, driven over real Socket.IO commands
 * as the facilitator and members would send them (the server's clock is the test's, so nothing
 * moves on unless a command says so). Used by tests of the slot board.
 */
import type { MeetingState, SetSettings } from '@setboard/shared';
import { expectOk, setWithPeople, type TestPerson, type TestSet } from './actors.js';
import { MeetingClient, openMeeting } from './meeting-client.js';

export interface SlotMeeting {
  people: TestSet;
  meetingId: string;
  slotId: string;
  /** The facilitator's connection: moves the meeting on. */
  facilitator: MeetingClient;
  /** The presenter's connection (the set's first member). */
  presenter: MeetingClient;
  /** The other members' connections, in the set's order. */
  members: MeetingClient[];
}

/** Every client has seen the newest change (broadcasts reach each connection in turn). */
async function allAt(clients: MeetingClient[], version: number): Promise<MeetingState> {
  const states = await Promise.all(clients.map((client) => client.waitForVersion(version)));
  return states[0]!;
}

/**
 * A new set (facilitator and `memberCount` members) with `settings`, its first meeting opened,
 * joined by everyone, started, and moved on through bidding to the first member's slot, which is
 * left at `presenting`. The first meeting must be due: the server's clock is within its lobby.
 */
export async function meetingAtPresenting(
  serverUrl: string,
  organiser: TestPerson,
  memberCount: number,
  settings: Partial<SetSettings> = {},
): Promise<SlotMeeting> {
  const people = await setWithPeople(serverUrl, null, memberCount, organiser);
  await expectOk(serverUrl, 'PATCH', `/api/sets/${people.set.id}`, {
    as: people.facilitator,
    body: {
      settings: { ...people.set.settings, quorum: 2, timeAllocation: 'bid', ...settings },
    },
  });
  const meetingId = await openMeeting(serverUrl, people.facilitator, people.set.id, 0);
  const clients = await Promise.all(
    [people.facilitator, ...people.members].map((person) =>
      MeetingClient.connect(serverUrl, person, meetingId),
    ),
  );
  const [facilitator, presenter, ...members] = clients as [MeetingClient, MeetingClient];
  await facilitator.waitFor((state) => state.phase === 'lobby', 'the lobby open');
  for (const client of clients) await client.do({ type: 'meeting:join' });
  let { version } = await facilitator.do({ type: 'meeting:start' });
  let state = await allAt(clients, version);
  while (state.phase !== 'bidding') {
    ({ version } = await facilitator.do({ type: 'stage:advance' }));
    state = await allAt(clients, version);
  }
  await presenter.do({ type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
  await facilitator.do({ type: 'stage:advance' });
  ({ version } = await facilitator.do({ type: 'stage:advance' }));
  state = await allAt(clients, version);
  const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
  if (state.phase !== 'slot' || slot?.stage !== 'presenting') {
    throw new Error(`expected the first slot at presenting, got ${state.phase}/${slot?.stage}`);
  }
  return { people, meetingId, slotId: slot.id, facilitator, presenter, members };
}

/** Sends a command that must be accepted, then waits until every client has seen it. */
export async function doAndSettle(
  meeting: SlotMeeting,
  client: MeetingClient,
  command: Parameters<MeetingClient['do']>[0],
): Promise<MeetingState> {
  const { version } = await client.do(command);
  return allAt([meeting.facilitator, meeting.presenter, ...meeting.members], version);
}

/**
 * A slot at reflecting back: `meetingAtPresenting`, then the presenter finishes and the
 * facilitator moves the slot on until it is there.
 */
export async function meetingAtReflectingBack(
  url: string,
  organiser: TestPerson,
  memberCount: number,
): Promise<SlotMeeting> {
  const meeting = await meetingAtPresenting(url, organiser, memberCount);
  await doAndSettle(meeting, meeting.presenter, { type: 'presenting:finish' });
  for (;;) {
    const state = await doAndSettle(meeting, meeting.facilitator, { type: 'stage:advance' });
    const slot = state.slots.find((candidate) => candidate.id === state.currentSlotId);
    if (slot?.stage === 'reflecting_back') return meeting;
    if (state.phase !== 'slot') throw new Error(`the slot ended before reflecting back`);
  }
}
