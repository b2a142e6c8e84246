/**
 * Calendars, read back with a second library (node-ical): a meeting's `.ics`, and a person's
 * private feed with their meetings and their own actions' due dates only.
 */
import * as Y from 'yjs';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { CreatedCalendarFeed, SetView } from '@setboard/shared';
import { callApi, createSet, aSet, expectOk, type TestPerson } from '../../support/actors.js';
import { connectBoard } from '../../support/board-client.js';
import { boardFixture } from '../../support/board-fixture.js';

async function fetchText(
  url: string,
  as?: TestPerson,
): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(url, { headers: as ? { cookie: as.cookie } : {} });
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type') ?? '',
  };
}

function eventsOf(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter(
    (component): component is VEvent => component?.type === 'VEVENT',
  );
}

describe('calendars', () => {
  it('[AT-BM3] the .ics and the private feed parse back; a date change keeps the UID with a higher SEQUENCE; a revoked feed is 404; nobody else’s data is in a feed', async () => {
    const f = await boardFixture();
    const setId = f.people.set.id;
    const [pat, mo] = f.people.members as [TestPerson, TestPerson];
    const { slotId } = await f.toPatsSlot('action_planning');
    const board = connectBoard(f.server.url, `slot:${slotId}`, pat);
    await board.synced;
    board.doc.transact(() => {
      const record = new Y.Map<unknown>();
      const fields = {
        what: 'Pat’s private rota plan',
        intendedOutcome: '',
        howWillIKnow: '',
        due: '2027-11-30',
        status: 'committed',
        statusNote: '',
        createdAt: 1,
      };
      for (const [key, value] of Object.entries(fields)) record.set(key, value);
      board.doc.getMap('actions').set('a1', record);
    });
    await board.waitUntil((doc) => doc.getMap('actions').size === 1, 'the action');
    // Another set Pat is not in: its meetings must not reach Pat's feed.
    const other = await createSet(f.server.url, f.people.organiser, aSet({ name: 'Another set' }));

    // One meeting's download: place and video link, London 09:30 in UTC.
    await expectOk(f.server.url, 'PATCH', `/api/sets/${setId}`, {
      as: f.people.facilitator,
      body: {
        meetings: [
          f.people.set.meetings[0],
          { ...f.people.set.meetings[1], videoLink: 'https://meet.example.org/set' },
        ],
      },
    });
    const download = await fetchText(`${f.server.url}/api/sets/${setId}/meetings/1/calendar`, mo);
    expect(download.status).toBe(200);
    expect(download.type).toContain('text/calendar');
    const [second] = eventsOf(download.text);
    expect(second).toMatchObject({
      uid: `meeting-${setId}-m1@setboard`,
      location: 'Room 4',
      sequence: 0,
    });
    expect(second!.start.toISOString()).toBe('2027-12-14T09:30:00.000Z');
    expect(String(second!.description)).toContain('https://meet.example.org/set');
    expect((await fetchText(`${f.server.url}/api/sets/${setId}/meetings/1/calendar`)).status).toBe(
      401,
    );

    // Pat's private feed: both meetings and Pat's action; no other set; Mo's has no action.
    const made = await expectOk<CreatedCalendarFeed>(
      f.server.url,
      'POST',
      '/api/my/calendar-feed',
      {
        as: pat,
      },
    );
    const feed = await fetchText(made.body.url);
    expect(feed.status).toBe(200);
    const events = eventsOf(feed.text);
    expect(events.map((event) => event.uid).sort()).toEqual(
      [
        `action-${slotId}-a1@setboard`,
        `meeting-${setId}-m0@setboard`,
        `meeting-${setId}-m1@setboard`,
      ].sort(),
    );
    expect(feed.text).not.toContain(other.id);
    const due = events.find((event) => event.uid.startsWith('action-'))!;
    expect(due.datetype).toBe('date');
    const moFeed = await expectOk<CreatedCalendarFeed>(
      f.server.url,
      'POST',
      '/api/my/calendar-feed',
      {
        as: mo,
      },
    );
    const moText = (await fetchText(moFeed.body.url)).text;
    expect(moText).not.toContain('rota plan');
    expect(eventsOf(moText)).toHaveLength(2);

    // The second meeting moves: same UID, a higher SEQUENCE, the new date.
    const moved = (
      await expectOk<SetView>(f.server.url, 'PATCH', `/api/sets/${setId}`, {
        as: f.people.facilitator,
        body: {
          meetings: [
            f.people.set.meetings[0],
            {
              ...f.people.set.meetings[1],
              date: '2027-12-15',
              videoLink: 'https://meet.example.org/set',
            },
          ],
        },
      })
    ).body;
    expect(moved.meetings[1]!.date).toBe('2027-12-15');
    const after = eventsOf((await fetchText(made.body.url)).text).find(
      (event) => event.uid === `meeting-${setId}-m1@setboard`,
    )!;
    expect(Number(after.sequence)).toBeGreaterThan(Number(second!.sequence));
    expect(after.start.toISOString()).toBe('2027-12-15T09:30:00.000Z');

    // Regenerated: the old address is gone. Revoked: the new one is gone too.
    const again = await expectOk<CreatedCalendarFeed>(
      f.server.url,
      'POST',
      '/api/my/calendar-feed',
      {
        as: pat,
      },
    );
    expect((await fetchText(made.body.url)).status).toBe(404);
    expect((await fetchText(again.body.url)).status).toBe(200);
    await expectOk(f.server.url, 'DELETE', '/api/my/calendar-feed', { as: pat });
    expect((await fetchText(again.body.url)).status).toBe(404);
    expect((await callApi(f.server.url, 'GET', '/api/my/calendar-feed', { as: pat })).body).toEqual(
      {
        active: false,
        createdAt: null,
      },
    );
  });
});
