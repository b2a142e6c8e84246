/**
 * A hostile member flooding Socket.IO commands, run as its own process so the flood's client
 * work does not slow the test's own clients (only the server should feel it). Usage:
 *
 *   node --import tsx tests/support/command-flooder.ts <serverUrl> <cookie> <durationMs>
 *
 * Keeps `IN_FLIGHT` `clock:sync` commands outstanding at all times; prints `flooding` once the
 * first command is answered, then, when done, one JSON line: how many were accepted and how
 * many refused `rate_limited` (with the largest retry hint seen).
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_IO_PATH, type AckResult } from '@setboard/shared';

const IN_FLIGHT = 64;
const [serverUrl, cookie, durationText] = process.argv.slice(2);
if (!serverUrl || !cookie || !durationText) throw new Error('usage: <serverUrl> <cookie> <ms>');

const socket = io(serverUrl, {
  path: SOCKET_IO_PATH,
  extraHeaders: { origin: serverUrl, cookie },
  auth: { protocolVersion: PROTOCOL_VERSION },
  transports: ['websocket'],
  reconnection: false,
});

const counts = { sent: 0, accepted: 0, refused: 0, other: 0, maxRetryAfterMs: 0 };
let announced = false;
let stopAt = Infinity;

function sendOne(): void {
  if (Date.now() >= stopAt || !socket.connected) return;
  counts.sent++;
  socket.emit('clock:sync', { clientSentAt: Date.now() }, (result: AckResult<unknown>) => {
    if (result.ok) counts.accepted++;
    else if (result.error.code === 'rate_limited') {
      counts.refused++;
      counts.maxRetryAfterMs = Math.max(counts.maxRetryAfterMs, result.error.retryAfterMs ?? 0);
    } else counts.other++;
    if (!announced) {
      announced = true;
      process.stdout.write('flooding\n');
    }
    sendOne();
  });
}

socket.on('connect', () => {
  stopAt = Date.now() + Number(durationText);
  for (let index = 0; index < IN_FLIGHT; index++) sendOne();
  setTimeout(() => {
    // Let the last answers arrive, then report.
    setTimeout(() => {
      process.stdout.write(`${JSON.stringify({ ...counts, connected: socket.connected })}\n`);
      socket.disconnect();
      process.exit(0);
    }, 500);
  }, Number(durationText));
});
socket.on('connect_error', (error) => {
  process.stderr.write(`could not connect: ${error.message}\n`);
  process.exit(1);
});
