/**
 * [C3] A command whose handler throws is answered with `internal`; the error is logged with the
 * command's name and never with its payload. The handler here throws for a real reason: the
 * store under a running server stops answering for meetings (a real SQLite store behind a
 * switch, `SwitchableStore`), while the set it was authorised against still reads.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@setboard/server';
import { ErrorCode, type AckResult, type ClockSyncReply } from '@setboard/shared';
import { setWithPeople } from '../../support/actors.js';
import { sqliteBackend } from '../../support/backends.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { SwitchableStore } from '../../support/switchable-store.js';
import { startTestServer } from '../../support/test-server.js';

/** Every line the server logs, parsed. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('trace', sink), lines };
}

describe('A handler that throws', () => {
  it('[C3] is answered with internal and logged with the command name, never the payload; the connection carries on', async () => {
    const { logger, lines } = capturingLogger();
    const store = new SwitchableStore(sqliteBackend().openStore());
    const server = await startTestServer({ store, logger });
    const { set, members } = await setWithPeople(server.url, await server.setupUrl(), 1);
    const socket = connectSocket(server.url, { as: members[0]! });
    await waitForConnect(socket);
    const question = 'What would a fair rota feel like to the night team?';

    store.turnOff('records', ['meetings']);
    const failed = (await socket.emitWithAck('question:ask', {
      slotId: `${set.id}-m0-s1`,
      text: question,
    })) as AckResult<unknown>;
    store.turnOn('records');

    expect(store.refusals).toBeGreaterThan(0);
    expect(failed).toEqual({
      ok: false,
      error: { code: ErrorCode.internal, message: expect.any(String) as string },
    });
    const logged = lines.filter((line) => line.msg === 'command handler failed');
    expect(logged).toEqual([expect.objectContaining({ command: 'question:ask', level: 50 })]);
    expect(JSON.stringify(lines)).not.toContain(question);
    expect(JSON.stringify(lines)).not.toContain(`${set.id}-m0-s1`);

    const after = (await socket.emitWithAck('clock:sync', {
      clientSentAt: 1,
    })) as AckResult<ClockSyncReply>;
    expect(after).toMatchObject({ ok: true, data: { clientSentAt: 1 } });
    expect(socket.connected).toBe(true);
  });
});
