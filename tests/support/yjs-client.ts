/**
 * A real y-websocket provider in Node, the same client the browser uses, connected to a test
 * server. `text` is the Y.Text named `notes`: a set board's shared notes.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { vi } from 'vitest';
import { YJS_PATH } from '@setboard/shared';
import { closeWhenTestEnds } from './cleanup.js';

export interface YjsTestClient {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  /** Resolves once the provider has synced with the server (again). */
  synced(): Promise<void>;
  destroy(): void;
}

export function yjsUrl(serverUrl: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}${YJS_PATH}`;
}

/** A `ws` WebSocket that presents `person`'s session cookie and our Origin, as a browser would. */
export function webSocketAs(
  serverUrl: string,
  person: { cookie: string } | null,
): typeof WebSocket {
  const headers: Record<string, string> = { origin: serverUrl };
  if (person) headers.cookie = person.cookie;
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as unknown as typeof WebSocket;
}

export function connectYjs(
  serverUrl: string,
  docName: string,
  person: { cookie: string } | null,
): YjsTestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(yjsUrl(serverUrl), docName, doc, {
    WebSocketPolyfill: webSocketAs(serverUrl, person) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // Reconnect quickly after a server restart; tests wait for the re-sync.
    maxBackoffTime: 250,
  });
  const client: YjsTestClient = {
    doc,
    text: doc.getText('notes'),
    provider,
    synced: () =>
      vi.waitFor(
        () => {
          if (!provider.synced) throw new Error(`${docName} not synced yet`);
        },
        { timeout: 15_000, interval: 20 },
      ),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  closeWhenTestEnds(() => client.destroy());
  return client;
}

/** Waits until every client's text is the same, and returns that text. */
export async function waitForConvergence(
  clients: YjsTestClient[],
  timeout = 15_000,
): Promise<string> {
  await vi.waitFor(
    () => {
      const texts = new Set(clients.map((client) => client.text.toString()));
      if (texts.size !== 1) throw new Error(`not converged: ${[...texts].join(' | ')}`);
    },
    { timeout, interval: 20 },
  );
  return clients[0]!.text.toString();
}
