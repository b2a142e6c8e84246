import { type DocName, YJS_PATH, YjsCloseCode, isPermanentYjsClose } from '@setboard/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** What one collaborative document's connection is doing. */
export type YjsStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'offline' }
  | { kind: 'closed'; code: number; reason: string };

/** A Y.Doc kept in step with the server's copy of one named document. */
export interface YjsBinding {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  getStatus(): YjsStatus;
  /** Calls `listener` on every status change; returns a function that unsubscribes. */
  subscribe(listener: (status: YjsStatus) => void): () => void;
  destroy(): void;
}

/** The y-websocket endpoint on the page's own origin (the dev server proxies it). */
export function yjsServerUrl(
  location: Pick<Location, 'protocol' | 'host'> = window.location,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${YJS_PATH}`;
}

function readStatus(provider: WebsocketProvider): YjsStatus {
  if (provider.synced) return { kind: 'connected' };
  if (provider.wsconnected) return { kind: 'connecting' };
  // y-websocket counts closed connections until one syncs: any count means we lost the server.
  return provider.wsUnsuccessfulReconnects > 0 ? { kind: 'offline' } : { kind: 'connecting' };
}

/** Connects a fresh Y.Doc to the document `docName` on the server. */
export function createYjsBinding(docName: DocName, serverUrl = yjsServerUrl()): YjsBinding {
  const doc = new Y.Doc();
  // disableBc: every tab goes through the server, so the write gate sees every change.
  const provider = new WebsocketProvider(serverUrl, docName, doc, { disableBc: true });
  const listeners = new Set<(status: YjsStatus) => void>();
  let status: YjsStatus = readStatus(provider);

  const update = (next: YjsStatus): void => {
    if (status.kind === 'closed') return;
    status = next;
    for (const listener of listeners) listener(status);
  };
  const refresh = (): void => update(readStatus(provider));
  // A 44xx close code means y-websocket has stopped reconnecting for good.
  const onClosed = (event: { code: number; reason: string }): void =>
    update({ kind: 'closed', code: event.code, reason: event.reason });

  provider.on('status', refresh);
  provider.on('sync', refresh);
  provider.on('connection-close', refresh);
  provider.on('closed', onClosed);

  return {
    doc,
    provider,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      provider.off('status', refresh);
      provider.off('sync', refresh);
      provider.off('connection-close', refresh);
      provider.off('closed', onClosed);
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Explains a permanent close in words a person can act on. */
export function describeYjsClose(code: number): string {
  switch (code) {
    case YjsCloseCode.unauthenticated:
      return 'Your session has ended — use your sign-in link again.';
    case YjsCloseCode.forbidden:
      return 'You do not have access to this document. Check you are signed in, then reload the page.';
    case YjsCloseCode.notFound:
      return 'This document no longer exists.';
    case YjsCloseCode.tooLarge:
      return 'A change was too large to save. Reload the page to carry on.';
    case YjsCloseCode.rateLimited:
      return 'Too many changes were sent too quickly. Wait a moment, then reload the page.';
    case YjsCloseCode.malformed:
      return 'The server could not read a change from this page. Reload the page to carry on.';
    default:
      return isPermanentYjsClose(code)
        ? `The server closed this document (code ${code}). Reload the page to carry on.`
        : 'The connection to this document was lost.';
  }
}
