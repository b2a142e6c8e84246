/**
 * [Y7] When the store cannot take an update, the connection closes with 1011 (transient); the
 * client still holds its change and sends it again when it re-syncs. The store is a real SQLite
 * store behind a switch (`SwitchableStore`) that the test turns off under the running server.
 */
import * as Y from 'yjs';
import { describe, expect, it, vi } from 'vitest';
import type { Store } from '@setboard/server';
import { setWithPeople } from '../../support/actors.js';
import { sqliteBackend } from '../../support/backends.js';
import { SwitchableStore, type StorePart } from '../../support/switchable-store.js';
import { startTestServer } from '../../support/test-server.js';
import { connectYjs, type YjsTestClient } from '../../support/yjs-client.js';

/** The set's shared notes as the store holds them (not as any open copy does). */
async function storedNotes(store: Store, docName: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await store.loadDoc(docName)).updates) Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
}

/** The close codes the provider has seen, as they come. */
function closeCodesOf(client: YjsTestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  return codes;
}

async function aSetBoard() {
  const real = sqliteBackend().openStore();
  const store = new SwitchableStore(real);
  const server = await startTestServer({ store });
  const { set, members } = await setWithPeople(server.url, await server.setupUrl(), 1);
  const docName = `set:${set.id}`;
  const writer = connectYjs(server.url, docName, members[0]!);
  await writer.synced();
  writer.text.insert(0, 'Stored. ');
  await vi.waitFor(async () => expect(await storedNotes(real, docName)).toBe('Stored. '));
  return { real, store, server, docName, writer, member: members[0]! };
}

describe('[Y7] the store cannot take an update', () => {
  const cases: Array<{ what: string; parts: StorePart[] }> = [
    { what: 'the store refuses the append', parts: ['appends'] },
    { what: 'the whole store is down', parts: ['appends', 'records'] },
  ];

  it.each(cases)(
    '[Y7] $what: the connection closes with 1011, the client keeps its change and sends it again',
    async ({ parts }) => {
      const { real, store, server, docName, writer, member } = await aSetBoard();
      const closes = closeCodesOf(writer);

      for (const part of parts) store.turnOff(part);
      writer.text.insert(writer.text.length, 'Typed while the store was down.');
      await vi.waitFor(() => expect(closes).toContain(1011), { timeout: 10_000 });
      expect(writer.text.toString()).toBe('Stored. Typed while the store was down.');
      expect(await storedNotes(real, docName)).toBe('Stored. ');

      for (const part of parts) store.turnOn(part);
      await vi.waitFor(
        async () =>
          expect(await storedNotes(real, docName)).toBe('Stored. Typed while the store was down.'),
        { timeout: 10_000 },
      );
      const reader = connectYjs(server.url, docName, member);
      await vi.waitFor(() =>
        expect(reader.text.toString()).toBe('Stored. Typed while the store was down.'),
      );
    },
  );
});
