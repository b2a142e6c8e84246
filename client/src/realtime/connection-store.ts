import type { ServerNotice } from '@setboard/shared';
import type { SocketStatus } from './socket-status';
import type { YjsStatus } from './yjs-status';

/** Everything the connection status line shows, as one immutable value. */
export interface ConnectionSnapshot {
  socket: SocketStatus;
  /** Status of every open document, by doc name. */
  docs: ReadonlyMap<string, YjsStatus>;
  notice: ServerNotice | null;
}

/**
 * A small external store (for `useSyncExternalStore`) that the socket and every Yjs binding
 * report into, so one status line can speak for all connections without prop-drilling.
 */
export class ConnectionStore {
  private snapshot: ConnectionSnapshot = {
    socket: { kind: 'connecting' },
    docs: new Map(),
    notice: null,
  };
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  setSocketStatus(socket: SocketStatus): void {
    this.update({ socket });
  }

  /** Records a document's status; `null` forgets a document that was closed locally. */
  setDocStatus(docName: string, status: YjsStatus | null): void {
    const docs = new Map(this.snapshot.docs);
    if (status === null) docs.delete(docName);
    else docs.set(docName, status);
    this.update({ docs });
  }

  setNotice(notice: ServerNotice | null): void {
    this.update({ notice });
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
