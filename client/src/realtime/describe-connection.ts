import type { SocketStatus } from './socket-status';
import { type YjsStatus, describeYjsClose } from './yjs-status';

/** The one line a person sees about the connection, worst problem first. */
export interface ConnectionSummary {
  tone: 'connected' | 'connecting' | 'offline' | 'stopped';
  message: string;
  /** Only a reload can fix this. */
  needsReload: boolean;
}

export const CONNECTION_MESSAGES = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline — your changes will sync when you reconnect',
  outdated: 'This page is out of date — please reload',
  signedOut: 'Your session has ended — use your sign-in link again',
} as const;

/**
 * Combines the Socket.IO status and every open document's status into one summary. The
 * browser's own online/offline signal (`browserOnline`) is a hint that comes seconds before a
 * socket notices a dead connection: when it says offline, the page says so at once.
 */
export function describeConnection(
  socket: SocketStatus,
  docs: readonly YjsStatus[],
  browserOnline = true,
): ConnectionSummary {
  if (socket.kind === 'outdated') {
    return { tone: 'stopped', message: CONNECTION_MESSAGES.outdated, needsReload: true };
  }
  if (socket.kind === 'signed_out') {
    // A reload cannot help: only a new sign-in link can.
    return { tone: 'stopped', message: CONNECTION_MESSAGES.signedOut, needsReload: false };
  }
  const closed = docs.find((doc) => doc.kind === 'closed');
  if (closed?.kind === 'closed') {
    return { tone: 'stopped', message: describeYjsClose(closed.code), needsReload: true };
  }
  const kinds = [socket.kind, ...docs.map((doc) => doc.kind)];
  if (!browserOnline || kinds.includes('offline')) {
    return { tone: 'offline', message: CONNECTION_MESSAGES.offline, needsReload: false };
  }
  if (kinds.includes('connecting')) {
    return { tone: 'connecting', message: CONNECTION_MESSAGES.connecting, needsReload: false };
  }
  return { tone: 'connected', message: CONNECTION_MESSAGES.connected, needsReload: false };
}

/**
 * Whether the status line can stay out of sight: on a page with no live document, a healthy
 * (or still opening) connection is not news. Problems and notices always show.
 */
export function isQuietConnection(
  summary: ConnectionSummary,
  openDocs: number,
  hasNotice: boolean,
): boolean {
  return (
    openDocs === 0 && !hasNotice && (summary.tone === 'connected' || summary.tone === 'connecting')
  );
}
