/**
 * The load: real y-websocket providers (the browser's client), 8 per board, two of them typing
 * 4 characters every 400 ms into the board's `notes` text. Propagation is measured per
 * keystroke, from the typist's insert to its arrival at each other connection on the board,
 * by watching each receiver's state vector for the typist's clock.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

export const CONNECTIONS_PER_BOARD = 8;
export const TYPISTS_PER_BOARD = 2;
const CHARS_PER_KEYSTROKE = 4;
const KEYSTROKE_EVERY_MS = 400;

export interface BoardTarget {
  /** ws://host:port/yjs */
  serverUrl: string;
  docName: string;
  /** Headers for the upgrade (Setboard: the member's cookie and our Origin). */
  headers: Record<string, string>;
}

interface Keystroke {
  /** The typist's clock before the insert: the keystroke has arrived once a receiver's is past it. */
  clock: number;
  sentAt: number;
}

interface Typist {
  doc: Y.Doc;
  keystrokes: Keystroke[];
}

export interface LoadRun {
  /** Propagation samples in ms (one per keystroke per receiving connection). */
  latencies: number[];
  deliveries: number;
  keystrokes: number;
}

function providerClass(headers: Record<string, string>): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as unknown as typeof globalThis.WebSocket;
}

/** Connects every board's connections, waits until all have synced, and returns the board handles. */
export async function connectBoards(targets: BoardTarget[]) {
  const boards = targets.map((target) => {
    const connections = Array.from({ length: CONNECTIONS_PER_BOARD }, () => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(target.serverUrl, target.docName, doc, {
        WebSocketPolyfill: providerClass(target.headers),
        disableBc: true,
      });
      return { doc, provider };
    });
    return { connections };
  });
  const all = boards.flatMap((board) => board.connections);
  const deadline = Date.now() + 120_000;
  while (all.some(({ provider }) => !provider.synced)) {
    if (Date.now() > deadline) throw new Error('the load connections did not all sync');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    boards,
    destroy() {
      for (const { provider, doc } of all) {
        provider.destroy();
        doc.destroy();
      }
    },
  };
}

type Boards = Awaited<ReturnType<typeof connectBoards>>['boards'];

/** Types for `seconds` on every board and measures propagation to every other connection. */
export async function typeFor(boards: Boards, seconds: number): Promise<LoadRun> {
  const latencies: number[] = [];
  let deliveries = 0;
  let keystrokes = 0;
  const timers: NodeJS.Timeout[] = [];
  const cleanups: Array<() => void> = [];
  for (const { connections } of boards) {
    const typists: Typist[] = connections
      .slice(0, TYPISTS_PER_BOARD)
      .map(({ doc }) => ({ doc, keystrokes: [] }));
    for (const { doc } of connections) {
      // How far into each typist's keystrokes this receiver has seen.
      const next = new Map<Typist, number>(typists.map((typist) => [typist, 0]));
      const onUpdate = (_update: Uint8Array, origin: unknown) => {
        if (origin === null) return; // our own typing
        const now = performance.now();
        for (const typist of typists) {
          if (typist.doc === doc) continue;
          const seen = Y.getState(doc.store, typist.doc.clientID);
          let index = next.get(typist)!;
          while (index < typist.keystrokes.length && typist.keystrokes[index]!.clock < seen) {
            latencies.push(now - typist.keystrokes[index]!.sentAt);
            deliveries += 1;
            index += 1;
          }
          next.set(typist, index);
        }
      };
      doc.on('update', onUpdate);
      cleanups.push(() => doc.off('update', onUpdate));
    }
    for (const typist of typists) {
      const text = typist.doc.getText('notes');
      const start = Math.random() * KEYSTROKE_EVERY_MS;
      const tick = () => {
        const clock = Y.getState(typist.doc.store, typist.doc.clientID);
        typist.keystrokes.push({ clock, sentAt: performance.now() });
        keystrokes += 1;
        text.insert(text.length, 'abcd'.slice(0, CHARS_PER_KEYSTROKE));
      };
      timers.push(
        setTimeout(() => {
          tick();
          timers.push(setInterval(tick, KEYSTROKE_EVERY_MS));
        }, start),
      );
    }
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  timers.forEach((timer) => clearTimeout(timer));
  // Let what is in flight arrive (counted), then stop listening.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  cleanups.forEach((cleanup) => cleanup());
  return { latencies, deliveries, keystrokes };
}
