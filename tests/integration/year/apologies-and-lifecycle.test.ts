/**
 * Apologies before a meeting (kept in the set's records until the room opens, then taken into
 * the live meeting), the attendance report without content, and the set's lifecycle following
 * its meetings.
 */
import { describe, expect, it } from 'vitest';
import type { AttendanceReport, MyApologies, SetView } from '@setboard/shared';
import { callApi, expectOk } from '../../support/actors.js';
import { ManualClock } from '../../support/manual-clock.js';
import { MeetingClient, openMeeting } from '../../support/meeting-client.js';
import { FIRST_MEETING_STARTS_AT, MINUTE_MS, setReadyToMeet } from '../../support/meeting-set.js';
import { startTestServer } from '../../support/test-server.js';

describe('apologies, attendance and the lifecycle', () => {
  it('[AT-BM4][AT-BM5] apologies sent early with a message are taken in when the room opens, withdrawn, refused once the meeting starts; the set becomes active; an opened meeting keeps its date', async () => {
    const clock = new ManualClock(FIRST_MEETING_STARTS_AT - 30 * 24 * 60 * MINUTE_MS);
    const server = await startTestServer({ now: clock.now, scheduler: clock });
    const people = await setReadyToMeet(server.url, await server.setupUrl(), 3, { quorum: 2 });
    const [pat, mo, ann] = people.members as [
      typeof people.facilitator,
      typeof people.facilitator,
      typeof people.facilitator,
    ];
    const setId = people.set.id;
    const apologiesPath = `/api/sets/${setId}/meetings/0/apologies`;

    // A month before, nothing is open yet: Mo and Ann send apologies, Ann withdraws hers.
    const sent = await expectOk<MyApologies>(server.url, 'POST', apologiesPath, {
      as: mo,
      body: { message: 'Away at a tribunal that week' },
    });
    expect(sent.body.meetings[0]).toMatchObject({ message: 'Away at a tribunal that week' });
    await expectOk(server.url, 'POST', apologiesPath, { as: ann, body: {} });
    const withdrawn = await expectOk<MyApologies>(server.url, 'DELETE', apologiesPath, { as: ann });
    expect(withdrawn.body.meetings[0]).toBeNull();
    const tooLong = await callApi(server.url, 'POST', apologiesPath, {
      as: pat,
      body: { message: 'x'.repeat(1001) },
    });
    expect(tooLong.status).toBe(400);

    const report = async (as: typeof pat) =>
      (await expectOk<AttendanceReport>(server.url, 'GET', `/api/sets/${setId}/attendance`, { as }))
        .body;
    const before = await report(people.facilitator);
    expect(before.meetings[0]!.marks.find((mark) => mark.personId === mo.personId)).toEqual({
      personId: mo.personId,
      status: 'apologies',
      apologyMessage: 'Away at a tribunal that week',
    });
    // The organiser sees who, never what they wrote.
    const organisers = await report(people.organiser);
    expect(JSON.stringify(organisers)).not.toContain('tribunal');
    expect(
      (await callApi(server.url, 'GET', `/api/sets/${setId}/attendance`, { as: pat })).status,
    ).toBe(403);

    // The room opens: it knows Mo sent apologies. The set is still forming.
    clock.advanceTo(FIRST_MEETING_STARTS_AT - 5 * MINUTE_MS);
    const meetingId = await openMeeting(server.url, people.facilitator, setId, 0);
    const fran = await MeetingClient.connect(server.url, people.facilitator, meetingId);
    expect(fran.state.attendance[mo.personId]?.status).toBe('apologies');
    expect(fran.state.attendance[ann.personId]?.status).toBe('expected');
    // Withdrawn while the room is open: the room hears it.
    await expectOk(server.url, 'DELETE', apologiesPath, { as: mo });
    await fran.waitFor(
      (state) => state.attendance[mo.personId]?.status === 'expected',
      'Mo expected',
    );
    await expectOk(server.url, 'POST', apologiesPath, { as: mo, body: { message: 'Sorry' } });
    await fran.waitFor((state) => state.attendance[mo.personId]?.status === 'apologies', 'Mo away');
    const set = async () =>
      (await expectOk<SetView>(server.url, 'GET', `/api/sets/${setId}`, { as: pat })).body;
    expect((await set()).lifecycle).toBe('forming');
    expect((await set()).meetingProgress[0]).toBe('opened');

    const patClient = await MeetingClient.connect(server.url, pat, meetingId);
    await fran.waitFor((state) => state.phase === 'lobby', 'the lobby open');
    await fran.do({ type: 'meeting:join' });
    await patClient.do({ type: 'meeting:join' });
    const annClient = await MeetingClient.connect(server.url, ann, meetingId);
    await annClient.do({ type: 'meeting:join' });
    await fran.do({ type: 'meeting:start' });
    await expect.poll(async () => (await set()).lifecycle).toBe('active');
    expect((await set()).nextMeetingIndex).toBe(0);
    const late = await callApi(server.url, 'POST', apologiesPath, { as: pat, body: {} });
    expect(late.status).toBe(409);

    // Moving a date of the open meeting is refused; the place may change.
    const plan = people.set.meetings;
    const moved = await callApi<{ error: { issues: { path: string }[] } }>(
      server.url,
      'PATCH',
      `/api/sets/${setId}`,
      {
        as: people.facilitator,
        body: { meetings: [{ ...plan[0]!, date: '2027-09-22' }, plan[1]] },
      },
    );
    expect(moved.status).toBe(400);
    expect(moved.body.error.issues.map((issue) => issue.path)).toEqual(['meetings.0.date']);
    await expectOk(server.url, 'PATCH', `/api/sets/${setId}`, {
      as: people.facilitator,
      body: { meetings: [{ ...plan[0]!, place: 'Room 9' }, plan[1]] },
    });
    // A running meeting cannot be closed under the set.
    const closing = await callApi(server.url, 'PATCH', `/api/sets/${setId}`, {
      as: people.organiser,
      body: { lifecycle: 'closed' },
    });
    expect(closing.status).toBe(400);
  });
});
