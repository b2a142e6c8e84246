import { type DocName, YJS_PATH, YjsCloseCode } from '@setboard/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openLocalCopy } from './local-copies';
import type { YjsStatus } from './yjs-status';

export { type YjsStatus, describeYjsClose } from './yjs-status';

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

/**
 * Longest silence before the page counts the connection as dead and reconnects. The server sends
 * something at least every 1.5 s (docs/protocol.md Y19), so a dead connection shows as offline
 * within five seconds.
 */
export const YJS_SILENCE_LIMIT_MS = 4_500;

/** Permanent closes after which this browser must not keep the doc's words. */
const FORGET_LOCAL_COPY_ON: readonly number[] = [
  YjsCloseCode.rebuilt,
  YjsCloseCode.unauthenticated,
  YjsCloseCode.forbidden,
  YjsCloseCode.notFound,
];

function readStatus(provider: WebsocketProvider, browserOffline: boolean): YjsStatus {
  if (browserOffline) return { kind: 'offline' };
  if (provider.synced) return { kind: 'connected' };
  if (provider.wsconnected) return { kind: 'connecting' };
  // y-websocket counts closed connections until one syncs: any count means we lost the server.
  return provider.wsUnsuccessfulReconnects > 0 ? { kind: 'offline' } : { kind: 'connecting' };
}

export interface YjsBindingOptions {
  /** Whose copy this is: the browser keeps one per person and doc (local-copies.ts). */
  personId: string;
  serverUrl?: string;
}

/**
 * Connects a fresh Y.Doc to the document `docName` on the server, after loading this browser's
 * copy of it (so words typed offline, even before a crash, are sent on connecting).
 */
export function createYjsBinding(docName: DocName, options: YjsBindingOptions): YjsBinding {
  const doc = new Y.Doc();
  // disableBc: every tab goes through the server, so the write gate sees every change.
  const provider = new WebsocketProvider(options.serverUrl ?? yjsServerUrl(), docName, doc, {
    disableBc: true,
    connect: false,
  });
  const local = openLocalCopy(options.personId, docName, doc);
  const listeners = new Set<(status: YjsStatus) => void>();
  let browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
  let destroyed = false;
  let status: YjsStatus = browserOffline ? { kind: 'offline' } : { kind: 'connecting' };

  const update = (next: YjsStatus): void => {
    if (status.kind === 'closed') return;
    status = next;
    for (const listener of listeners) listener(status);
  };
  const refresh = (): void => update(readStatus(provider, browserOffline));
  // A 44xx close code means y-websocket has stopped reconnecting for good.
  const onClosed = (event: { code: number; reason: string }): void => {
    if (FORGET_LOCAL_COPY_ON.includes(event.code)) void local.clear();
    update({ kind: 'closed', code: event.code, reason: event.reason });
  };
  // The browser knows at once when the network goes: show it, and stop trying until it is back.
  const onBrowserOffline = (): void => {
    browserOffline = true;
    provider.disconnect();
    refresh();
  };
  const onBrowserOnline = (): void => {
    browserOffline = false;
    if (!destroyed && status.kind !== 'closed') provider.connect();
    refresh();
  };

  provider.on('status', refresh);
  provider.on('sync', refresh);
  provider.on('connection-close', refresh);
  provider.on('closed', onClosed);
  window.addEventListener('offline', onBrowserOffline);
  window.addEventListener('online', onBrowserOnline);
  // y-websocket's own watchdog waits 30 s; ours closes a silent socket sooner, and the provider
  // reconnects as after any drop.
  const watchdog = setInterval(() => {
    if (provider.wsconnected && Date.now() - provider.wsLastMessageReceived > YJS_SILENCE_LIMIT_MS)
      provider.ws?.close();
  }, YJS_SILENCE_LIMIT_MS / 9);
  void local.ready.then(() => {
    if (!destroyed && !browserOffline) provider.connect();
  });

  return {
    doc,
    provider,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      clearInterval(watchdog);
      listeners.clear();
      window.removeEventListener('offline', onBrowserOffline);
      window.removeEventListener('online', onBrowserOnline);
      provider.off('status', refresh);
      provider.off('sync', refresh);
      provider.off('connection-close', refresh);
      provider.off('closed', onClosed);
      provider.destroy();
      local.destroy();
      doc.destroy();
    },
  };
}
