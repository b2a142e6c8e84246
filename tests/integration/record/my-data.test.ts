/**
 * [AT-RX3] "Download my data": the zip, read back with a second library (JSZip), holds a JSON
 * file with every canary the person wrote (shared notes, own objective, expectations card,
 * learning log, apology, profile) and a readable HTML index — and none written by the member
 * who wrote beside them in the same boards.
 */
import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import {
  acceptInvitation,
  callApi,
  createSet,
  invite,
  setUpOrganiser,
} from '../../support/actors.js';
import { sqliteStorage } from '../../support/stored-bytes.js';
import { storedBytesOf, writeEverywhere } from './record-fixture.js';

describe('Download my data', () => {
  it('[AT-RX3] the zip holds every canary the person wrote and none written by others', async () => {
    const storage = sqliteStorage();
    try {
      const [server] = await storage.start({ reminders: false });
      const url = server!.url;
      const organiser = await setUpOrganiser(url, (await server!.setupUrl())!);
      const set = await createSet(url, organiser);
      const mine = `MINE${randomUUID().slice(0, 8)}`;
      const theirs = `THEIRS${randomUUID().slice(0, 8)}`;
      const erin = await acceptInvitation(url, await invite(url, organiser, set.id), 'Erin', {
        bio: `${mine}-bio`,
      });
      const omar = await acceptInvitation(url, await invite(url, organiser, set.id), 'Omar', {
        bio: `${theirs}-bio`,
      });
      await writeEverywhere(url, erin, set.id, mine);
      await writeEverywhere(url, omar, set.id, theirs);
      const parts = ['notes', 'objective', 'expectations', 'log', 'apology', 'bio'];
      for (const part of parts) {
        await vi.waitFor(
          async () => expect(await storedBytesOf(storage, `${theirs}-${part}`)).not.toEqual([]),
          { timeout: 10_000, interval: 50 },
        );
      }

      expect((await callApi(url, 'GET', '/api/my/data')).status).toBe(401);
      const response = await fetch(`${url}/api/my/data`, { headers: { cookie: erin.cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/zip');
      expect(response.headers.get('content-disposition')).toContain('setboard-my-data.zip');
      const zip = await JSZip.loadAsync(await response.arrayBuffer());
      expect(Object.keys(zip.files).sort()).toEqual(['index.html', 'my-data.json']);
      const json = await zip.file('my-data.json')!.async('string');
      const html = await zip.file('index.html')!.async('string');
      const data = JSON.parse(json) as { profile: { id: string }; memberships: unknown[] };
      expect(data.profile.id).toBe(erin.personId);
      expect(data.memberships).toHaveLength(1);
      for (const part of parts) {
        expect(json, part).toContain(`${mine}-${part}`);
        expect(html, part).toContain(`${mine}-${part}`);
      }
      expect(json).not.toContain(theirs);
      expect(html).not.toContain(theirs);
      expect(html).toContain('<h1>Your data from Setboard</h1>');
    } finally {
      await storage.remove();
    }
  });
});
