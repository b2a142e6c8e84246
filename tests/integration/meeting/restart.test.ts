/**
 * [AT-C5] The server restarts mid-slot: the state and its deadlines are in the store, so a new
 * server on the same store and port carries on. Clients subscribe again and get the full state;
 * the new server's clock re-arms for the subscribed meeting and moves it on when time is up.
 */
import { describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../support/backends.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting, positionOf } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { startTestServer } from '../../support/test-server.js';

describe('[AT-C5] a restart mid-slot', () => {
  it('[AT-C5][M7] resumes with the same stage, floor and remaining time, and the clock carries on', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const backend = sqliteBackend();
    const before = await startTestServer({
      store: backend.openStore(),
      now: clock.now,
      scheduler: clock,
    });
    const { facilitator, members, set } = await setReadyToMeet(
      before.url,
      await before.setupUrl(),
      3,
      { timing: 'strict', timeAllocation: 'bid', quorum: 3 },
    );
    const meetingId = await openMeeting(before.url, facilitator, set.id, 0);
    const [fran, pat, mo, ann] = (await Promise.all(
      [facilitator, ...members].map((person) =>
        MeetingClient.connect(before.url, person, meetingId),
      ),
    )) as [MeetingClient, MeetingClient, MeetingClient, MeetingClient];

    // To Pat's slot, clarifying, with Mo holding the floor.
    await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
    for (const client of [fran, pat, mo, ann]) await client.do({ type: 'meeting:join' });
    await fran.do({ type: 'meeting:start' });
    while (fran.state.phase !== 'bidding') {
      const { version } = await fran.do({ type: 'stage:advance' });
      await fran.waitForVersion(version);
    }
    await pat.do({ type: 'bid:place', synopsis: 'Merging two rotas', minutes: 40 });
    await fran.do({ type: 'stage:advance' });
    await fran.do({ type: 'stage:advance' });
    await pat.do({ type: 'presenting:finish' });
    await mo.do({ type: 'hand:raise' });
    const { version } = await ann.do({ type: 'hand:raise' });
    clock.advanceBy(3 * MINUTE_MS);
    const mid = await fran.waitForVersion(version);
    expect(positionOf(mid)).toEqual({
      phase: 'slot',
      stage: 'clarifying',
      turn: null,
      floor: mo.person.personId,
    });
    const endsAt = mid.timer!.endsAt!;
    const remainingMs = endsAt - clock.now();
    expect(remainingMs).toBe(5 * MINUTE_MS);

    // The restart: close the app and its store, open both again on the same file and port.
    await before.close();
    await before.store.close();
    const after = await startTestServer({
      store: backend.openStore(),
      port: before.port,
      now: clock.now,
      scheduler: clock,
    });
    expect(after.url).toBe(before.url);
    const again = await MeetingClient.connect(after.url, facilitator, meetingId);
    const snapshot = again.latest!;
    expect(snapshot.version).toBe(version);
    expect(positionOf(snapshot.state)).toEqual(positionOf(mid));
    expect(snapshot.state.queue.hands).toEqual([ann.person.personId]);
    expect(snapshot.state.timer!.endsAt! - snapshot.serverNow).toBe(remainingMs);
    expect(snapshot.state).toEqual(mid);

    // The new server's clock was armed by the subscription: time up moves the slot on.
    clock.advanceTo(endsAt);
    const moved = await again.waitFor(
      (state) => positionOf(state).stage === 'exploring',
      'exploring, by the clock',
    );
    expect(moved.timer?.startedAt).toBe(endsAt);
    expect(again.changes.at(-1)?.events).toContainEqual(
      expect.objectContaining({ type: 'position:changed', stage: 'exploring', cause: 'clock' }),
    );
  });
});
