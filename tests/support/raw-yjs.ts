/**
 * A raw WebSocket on /yjs, for sending what no well-behaved provider would: hand-made sync and
 * awareness messages, garbage, oversized frames.
 */
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import type { TestPerson } from './actors.js';
import { webSocketAs, yjsUrl } from './yjs-client.js';

export async function openRaw(
  serverUrl: string,
  docName: string,
  person: TestPerson,
): Promise<WebSocket> {
  const SignedIn = webSocketAs(serverUrl, person);
  const socket = new SignedIn(`${yjsUrl(serverUrl)}/${docName}`);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

/** A y-websocket "update" message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message carrying an encoded awareness update. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update for a new client id of our own; the server relays it back to everyone. */
function presenceProbe(): { message: Uint8Array; marker: string } {
  const marker = `probe-${Math.random().toString(36).slice(2, 10)}`;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, Math.floor(Math.random() * 2 ** 31));
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarString(encoder, JSON.stringify({ probe: marker }));
  return { message: awarenessMessage(encoding.toUint8Array(encoder)), marker };
}

/**
 * Sends `message`, then a presence probe that goes through the doc's queue after it: the
 * connection is either closed (its code) or relays the probe back (the message was handled
 * without closing it).
 */
export function sendAndSettle(socket: WebSocket, message: Uint8Array): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const probe = presenceProbe();
    socket.once('close', (code) => resolve(code));
    socket.on('message', (data: Buffer) => {
      if (data[0] === 1 && data.includes(probe.marker)) resolve('open');
    });
    socket.send(message);
    socket.send(probe.message);
  });
}

/** Whether a message from the server is a sync step 1 (it asks us for what it lacks). */
export function isSyncStep1(data: Buffer | Uint8Array): boolean {
  return data[0] === 0 && data[1] === 0;
}

/**
 * Counts the sync step 1 messages the server sends on `socket` from now on; the first arrives on
 * connecting, any later one asks the client to re-sync (docs/protocol.md Y3).
 */
export function countSyncRequests(socket: WebSocket): { readonly count: number } {
  const seen = { count: 0 };
  socket.on('message', (data: Buffer) => {
    if (isSyncStep1(data)) seen.count += 1;
  });
  return seen;
}
