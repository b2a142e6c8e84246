/**
 * [AT-RX2] The meeting record and "My CPD record" as .docx, read back with a second library
 * (mammoth): they hold what they should (the presenter's issue, outcome, actions and summary,
 * a member's reflection, the owner's objectives and log) and none of anyone else's private
 * content (canaries in another member's learning log and personal objectives).
 * [AT-RX5] A member of another set cannot export this set's meeting; the organiser gets the
 * content-free cycle report (Word and CSV) and not the meeting record.
 */
import { randomUUID } from 'node:crypto';
import mammoth from 'mammoth';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { personalRoot } from '@setboard/shared';
import {
  acceptInvitation,
  callApi,
  createSet,
  invite,
  type TestPerson,
} from '../../support/actors.js';
import { connectBoard, proseOf, typeParagraph } from '../../support/board-client.js';
import { boardFixture } from '../../support/board-fixture.js';
import { waitUntilStored } from '../../support/stored-doc.js';

async function download(url: string, path: string, person: TestPerson) {
  const response = await fetch(`${url}${path}`, { headers: { cookie: person.cookie } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

async function writeLogAndObjective(
  url: string,
  person: TestPerson,
  setId: string,
  canary: string,
) {
  const log = connectBoard(url, `log:${person.personId}`, person);
  await log.synced();
  typeParagraph(log.doc, 'entries', `${canary}-log`);
  const board = connectBoard(url, `set:${setId}`, person);
  await board.synced();
  board.doc.transact(() => {
    const objective = new Y.Map<unknown>();
    board.doc
      .getMap(personalRoot('personalObjectives', person.personId))
      .set(randomUUID(), objective);
    for (const [key, value] of Object.entries({
      statement: `${canary}-objective`,
      measure: '',
      baseline: '',
      target: '',
      targetDate: '',
      status: 'agreed',
      createdAt: 1,
      reviews: {},
    })) {
      objective.set(key, value);
    }
  });
  return { log, board };
}

describe('the meeting record and the CPD record', () => {
  it('[AT-RX2][AT-RX5] the .docx files parse back with what they should hold and no one else’s private words', async () => {
    const f = await boardFixture();
    const url = f.server.url;
    const pat = f.pat.person;
    const mo = f.mo.person;
    const setId = f.people.set.id;
    const tag = randomUUID().slice(0, 6);
    const { slotId } = await f.toPatsSlot('presenting');
    const presenter = connectBoard(url, `slot:${slotId}`, pat);
    await presenter.synced();
    typeParagraph(presenter.doc, 'issueStatement', `PATISSUE${tag}`);
    typeParagraph(presenter.doc, 'desiredOutcome', `PATOUTCOME${tag}`);
    await f.toPatsSlot('reflecting_back');
    const reflector = connectBoard(url, `slot:${slotId}`, mo);
    await reflector.synced();
    typeParagraph(reflector.doc, personalRoot('reflections', mo.personId), `MOREFLECTION${tag}`);
    await f.toPatsSlot('action_planning');
    presenter.doc.transact(() => {
      const action = new Y.Map<unknown>();
      presenter.doc.getMap('actions').set(randomUUID(), action);
      for (const [key, value] of Object.entries({
        what: `PATACTION${tag}`,
        intendedOutcome: 'Both teams agree',
        howWillIKnow: 'A signed rota',
        due: '',
        status: 'committed',
        statusNote: '',
        createdAt: 1,
        progress: [],
      })) {
        action.set(key, value);
      }
    });
    typeParagraph(presenter.doc, 'summary', `PATSUMMARY${tag}`);
    await writeLogAndObjective(url, pat, setId, `PATPRIVATE${tag}`);
    await writeLogAndObjective(url, mo, setId, `MOPRIVATE${tag}`);
    await waitUntilStored(
      f.server.store,
      `slot:${slotId}`,
      (doc) =>
        proseOf(doc, 'summary') === `PATSUMMARY${tag}` &&
        proseOf(doc, personalRoot('reflections', mo.personId)) === `MOREFLECTION${tag}` &&
        doc.getMap('actions').size === 1,
      'the slot board',
    );
    await waitUntilStored(
      f.server.store,
      `set:${setId}`,
      (doc) => doc.getMap(personalRoot('personalObjectives', mo.personId)).size === 1,
      'Mo’s objective',
    );
    await waitUntilStored(
      f.server.store,
      `log:${mo.personId}`,
      (doc) => proseOf(doc, 'entries') !== '',
      'Mo’s log',
    );

    // The meeting record, as Ann (a member who wrote nothing).
    const record = await download(url, `/api/sets/${setId}/meetings/0/record.docx`, f.ann.person);
    expect(record.status).toBe(200);
    expect(record.type).toContain('wordprocessingml');
    const meetingText = await docxText(record.bytes);
    for (const expected of ['PATISSUE', 'PATOUTCOME', 'MOREFLECTION', 'PATACTION', 'PATSUMMARY']) {
      expect(meetingText, expected).toContain(`${expected}${tag}`);
    }
    expect(meetingText).toContain('Attendance');
    expect(meetingText).toContain('Airtime');
    for (const secret of ['PATPRIVATE', 'MOPRIVATE'])
      expect(meetingText).not.toContain(`${secret}${tag}`);

    // Pat's CPD record: Pat's year only.
    const cpd = await download(url, '/api/my/cpd-record.docx', pat);
    expect(cpd.status).toBe(200);
    const cpdText = await docxText(cpd.bytes);
    for (const expected of ['PATISSUE', 'PATOUTCOME', 'PATACTION', 'PATPRIVATE']) {
      expect(cpdText, expected).toContain(`${expected}${tag}`);
    }
    expect(cpdText).toContain(`PATPRIVATE${tag}-log`);
    expect(cpdText).toContain(`PATPRIVATE${tag}-objective`);
    expect(cpdText).not.toContain(`MOPRIVATE${tag}`);
    expect(cpdText).not.toContain(`MOREFLECTION${tag}`);

    // The print-ready pages say the same, with the A4 style sheet.
    const page = await download(url, `/api/sets/${setId}/meetings/0/record.html`, f.ann.person);
    expect(page.type).toContain('text/html');
    const html = page.bytes.toString('utf8');
    expect(html).toContain(`PATSUMMARY${tag}`);
    expect(html).not.toContain(`MOPRIVATE${tag}`);
    expect(html).toContain('/api/record/print.css');
    const css = await fetch(`${url}/api/record/print.css`);
    expect(await css.text()).toContain('@page { size: A4');

    // [AT-RX5] a member of another set, and the organiser, get no meeting record.
    const organiser = f.people.organiser;
    const otherSet = await createSet(url, organiser);
    const outsider = await acceptInvitation(url, await invite(url, organiser, otherSet.id), 'Olu');
    for (const person of [outsider, organiser]) {
      const refused = await download(url, `/api/sets/${setId}/meetings/0/record.docx`, person);
      expect([403, 404]).toContain(refused.status);
      expect(refused.bytes.toString('utf8')).not.toContain(tag);
    }
    const refusedOther = await callApi(
      url,
      'GET',
      `/api/sets/${otherSet.id}/meetings/0/record.docx`,
      { as: f.ann.person },
    );
    expect([403, 404]).toContain(refusedOther.status);
    // The organiser's cycle report: numbers, no content.
    const csv = await download(url, `/api/sets/${setId}/cycle-report.csv`, organiser);
    expect(csv.status).toBe(200);
    const rows = csv.bytes.toString('utf8').trim().split('\r\n');
    expect(rows[0]).toContain('Attendance rate');
    expect(rows[1]!.split(',').slice(0, 3)).toEqual(['1', f.people.set.meetings[0]!.date, 'yes']);
    expect(rows[1]!.split(',')[6]).toBe('0'); // Pat's slot is still running: not yet presented
    const report = await download(url, `/api/sets/${setId}/cycle-report.docx`, organiser);
    expect(report.status).toBe(200);
    const reportText = await docxText(report.bytes);
    expect(reportText).toContain('cycle report');
    for (const text of [csv.bytes.toString('utf8'), reportText]) expect(text).not.toContain(tag);
    expect((await download(url, `/api/sets/${setId}/cycle-report.csv`, f.ann.person)).status).toBe(
      403,
    );
  });
});
