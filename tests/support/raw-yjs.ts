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

/** Sync step 1 with an empty state vector: the server answers with everything it has. */
export function syncStep1Message(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
}

/**
 * Sends `message`, then a sync step 1: the connection is either closed (its code) or still
 * answers (the message was handled without closing it).
 */
export function sendAndSettle(socket: WebSocket, message: Uint8Array): Promise<number | 'open'> {
  return new Promise((resolve) => {
    let answers = 0;
    socket.once('close', (code) => resolve(code));
    socket.on('message', () => {
      // The server greets with its own sync step 1 first; the answer to ours comes after.
      answers += 1;
      if (answers >= 2) resolve('open');
    });
    socket.send(message);
    socket.send(syncStep1Message());
  });
}
