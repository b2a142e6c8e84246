/**
 * [M11] The set's settings reach the meeting when it opens, among them how questions are put
 * (`queue`) and what happens to a question that looks like advice (`adviceCheck`). Under the
 * `open` queue a member present asks without the floor; under `floor` they wait for it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { SetSettings } from '@setboard/shared';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { startTestServer } from '../../support/test-server.js';

/** Fran, Mo and Ann in Mo's slot, clarifying, nobody on the floor. */
async function clarifying(settings: Partial<SetSettings>) {
  const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
  const server = await startTestServer({ now: clock.now, scheduler: clock });
  const people = await setReadyToMeet(server.url, await server.setupUrl(), 2, {
    quorum: 2,
    ...settings,
  });
  const meetingId = await openMeeting(server.url, people.facilitator, people.set.id, 0);
  const [fran, mo, ann] = (await Promise.all(
    [people.facilitator, ...people.members].map((person) =>
      MeetingClient.connect(server.url, person, meetingId),
    ),
  )) as [MeetingClient, MeetingClient, MeetingClient];
  await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
  for (const client of [fran, mo, ann]) await client.do({ type: 'meeting:join' });
  let { state } = await fran.do({ type: 'meeting:start' });
  while (state.slots.find((slot) => slot.status === 'running')?.stage !== 'clarifying')
    ({ state } = await fran.do({ type: 'stage:advance' }));
  expect(state.slots[0]?.presenterId).toBe(mo.person.personId);
  return { state, ann };
}

describe('[M11] the set’s question settings in a live meeting', () => {
  it('[M11] open queue: the settings arrive, and Ann asks without the floor', async () => {
    const { state, ann } = await clarifying({
      queue: 'open',
      adviceCheck: 'hold',
      notesPolicy: 'open',
    });
    expect(state.settings).toMatchObject({
      queue: 'open',
      adviceCheck: 'hold',
      notesPolicy: 'open',
    });
    expect(state.queue.floor).toBeNull();
    expect(await ann.ask(state.currentSlotId!, 'What would success look like?')).toMatchObject({
      ok: true,
    });
    await vi.waitFor(() =>
      expect(ann.changes.flatMap((change) => change.events)).toContainEqual(
        expect.objectContaining({ type: 'question:counted', personId: ann.person.personId }),
      ),
    );
    expect(ann.state.queue.floor).toBeNull();
  });

  it('[M11] floor queue (the default): Ann must wait for the floor', async () => {
    const { state, ann } = await clarifying({});
    expect(state.settings).toMatchObject({ queue: 'floor', adviceCheck: 'flag' });
    expect(await ann.ask(state.currentSlotId!, 'What would success look like?')).toMatchObject({
      ok: false,
      error: { code: 'not_your_turn' },
    });
  });
});
