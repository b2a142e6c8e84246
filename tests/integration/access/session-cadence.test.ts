/**
 * Sessions that fit the cadence of a set (docs/security.md, "Sessions"): a session used at each
 * quarterly meeting lives through the year; one left unused past the idle limit, or older than
 * the absolute limit, is refused — and the connection sweep closes its live Socket.IO and /yjs
 * connections without anyone having to use them. The clock is injected.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode, YjsCloseCode } from '@setboard/shared';
import { DEFAULT_SESSION_LIFETIME } from '../../../server/src/access/sessions.js';
import { callApi, setUpOrganiser, setWithPeople, type TestPerson } from '../../support/actors.js';
import { connectSocket, waitForConnect } from '../../support/socket-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectYjs } from '../../support/yjs-client.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const THREE_MONTHS_MS = 92 * DAY_MS;

const mySetsStatus = async (server: TestServer, as: TestPerson) =>
  (await callApi(server.url, 'GET', '/api/my/sets', { as })).status;

describe('Sessions that fit the cadence', () => {
  it('[AT-GI4] a session used at each quarterly meeting stays alive for a year; past 400 days it is refused', async () => {
    const startedAt = Date.UTC(2027, 0, 11, 9, 0);
    let clock = startedAt;
    const server = await startTestServer({ now: () => clock });
    const organiser = await setUpOrganiser(server.url, (await server.setupUrl())!);

    expect(DEFAULT_SESSION_LIFETIME.idleMs).toBeGreaterThan(THREE_MONTHS_MS);
    for (let meeting = 1; meeting <= 4; meeting++) {
      clock += THREE_MONTHS_MS;
      expect(await mySetsStatus(server, organiser), `meeting ${meeting}`).toBe(200);
    }
    clock = startedAt + DEFAULT_SESSION_LIFETIME.absoluteMs - 1;
    expect(await mySetsStatus(server, organiser)).toBe(200);
    clock = startedAt + DEFAULT_SESSION_LIFETIME.absoluteMs;
    expect(await mySetsStatus(server, organiser)).toBe(401);
  });

  it('[AT-GI4] a session unused past the idle limit is refused, and the sweep closes its live connections (only its own)', async () => {
    const startedAt = Date.UTC(2027, 0, 11, 9, 0);
    let clock = startedAt;
    const server = await startTestServer({ now: () => clock, connectionSweepMs: 100 });
    const { set, members } = await setWithPeople(server.url, await server.setupUrl(), 2);
    const [idle, active] = members as [TestPerson, TestPerson];

    const idleSocket = connectSocket(server.url, { as: idle });
    await waitForConnect(idleSocket);
    const idleBoard = connectYjs(server.url, `set:${set.id}`, idle);
    const idleLog = connectYjs(server.url, `log:${idle.personId}`, idle);
    await Promise.all([idleBoard.synced(), idleLog.synced()]);

    // The other member comes back after a quarter and opens the board again.
    clock += THREE_MONTHS_MS;
    expect(await mySetsStatus(server, active)).toBe(200);
    const activeSocket = connectSocket(server.url, { as: active });
    await waitForConnect(activeSocket);
    const activeBoard = connectYjs(server.url, `set:${set.id}`, active);
    await activeBoard.synced();

    const socketGone = new Promise<string>((resolve) => idleSocket.once('disconnect', resolve));
    const closeCodes: number[] = [];
    for (const client of [idleBoard, idleLog]) {
      client.provider.once('connection-close', (event) => closeCodes.push(event?.code ?? 0));
    }
    // Nobody uses the idle session; the clock alone passes its idle limit.
    clock = startedAt + DEFAULT_SESSION_LIFETIME.idleMs + DAY_MS;

    expect(await socketGone).toBe('io server disconnect');
    await expect.poll(() => closeCodes.length, { timeout: 5_000 }).toBe(2);
    expect(closeCodes).toEqual([YjsCloseCode.unauthenticated, YjsCloseCode.unauthenticated]);
    expect(await mySetsStatus(server, idle)).toBe(401);
    const again = connectSocket(server.url, { as: idle });
    const refusal = await new Promise<{ data?: { code?: string } }>((resolve) =>
      again.once('connect_error', resolve),
    );
    expect(refusal.data?.code).toBe(ErrorCode.unauthenticated);

    // The session in use is untouched by the sweep.
    await server.app.sweep.sweepNow();
    expect(activeSocket.connected).toBe(true);
    activeBoard.text.insert(0, 'Still here after the sweep.');
    const check = connectYjs(server.url, `set:${set.id}`, active);
    await expect.poll(() => check.text.toString()).toBe('Still here after the sweep.');
  });
});
