import { describe, expect, it } from 'vitest';
import { ErrorCode, PROTOCOL_VERSION, type AckResult, type ClockSyncReply } from '@setboard/shared';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { setUpOrganiser } from '../../support/actors.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

async function organiserOf(server: TestServer) {
  return setUpOrganiser(server.url, (await server.setupUrl())!);
}

const FIXED_NOW = Date.UTC(2017, 8, 21, 9, 30);

describe('Socket.IO commands', () => {
  for (const transport of ['websocket', 'polling'] as const) {
    it(`[AT-A5][H1][H2] a client built for another protocol version is refused with its code (${transport})`, async () => {
      const server = await startTestServer();
      const socket = connectSocket(server.url, {
        as: await organiserOf(server),
        protocolVersion: PROTOCOL_VERSION + 1,
        transports: [transport],
      });
      const refusal = (await waitForConnect(socket).then(
        () => null,
        (error: unknown) => error,
      )) as { data?: unknown } | null;
      expect(refusal?.data).toEqual({
        code: ErrorCode.protocolMismatch,
        serverProtocolVersion: PROTOCOL_VERSION,
      });
      expect(socket.connected).toBe(false);
    });
  }

  it('[AT-A5][C1] clock:sync round-trips with an AckResult carrying the server time', async () => {
    const server = await startTestServer({ now: () => FIXED_NOW });
    const socket = connectSocket(server.url, { as: await organiserOf(server) });
    await waitForConnect(socket);
    const result = (await socket.emitWithAck('clock:sync', {
      clientSentAt: 1234,
    })) as AckResult<ClockSyncReply>;
    expect(result).toEqual({ ok: true, data: { clientSentAt: 1234, serverNow: FIXED_NOW } });
  });

  it('[AT-A5][C2] an invalid payload is answered with a validation error and the connection stays usable', async () => {
    const server = await startTestServer({ now: () => FIXED_NOW });
    const socket = connectSocket(server.url, { as: await organiserOf(server) });
    await waitForConnect(socket);

    const refused = (await socket.emitWithAck('clock:sync', {
      clientSentAt: 'yesterday',
    })) as AckResult<ClockSyncReply>;
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe(ErrorCode.validation);
    expect(refused.error.issues).toEqual([
      { path: 'clientSentAt', message: expect.any(String) as string },
    ]);

    const missing = (await socket.emitWithAck('clock:sync', null)) as AckResult<ClockSyncReply>;
    expect(missing).toMatchObject({ ok: false, error: { code: ErrorCode.validation } });

    const accepted = (await socket.emitWithAck('clock:sync', {
      clientSentAt: 1,
    })) as AckResult<ClockSyncReply>;
    expect(accepted).toEqual({ ok: true, data: { clientSentAt: 1, serverNow: FIXED_NOW } });
    expect(socket.connected).toBe(true);
  });
});
