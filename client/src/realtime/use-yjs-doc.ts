import type { DocName } from '@setboard/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type { ConnectionStore } from './connection-store';
import { useRealtime } from './realtime-context';
import { type YjsBinding, type YjsStatus, createYjsBinding } from './yjs-provider';

export interface YjsDocState {
  /** `null` until the component has mounted (the binding opens a WebSocket). */
  binding: YjsBinding | null;
  status: YjsStatus;
}

const NOT_OPEN: YjsDocState = { binding: null, status: { kind: 'connecting' } };

/**
 * Opens the binding when the first subscriber arrives and destroys it when the last leaves, so
 * React's mount/unmount (including StrictMode's double mount) owns the WebSocket's lifetime.
 */
function createYjsDocStore(docName: DocName, personId: string, connection: ConnectionStore) {
  const listeners = new Set<() => void>();
  let state = NOT_OPEN;
  let stopStatus: (() => void) | null = null;

  const publish = (next: YjsDocState): void => {
    state = next;
    connection.setDocStatus(docName, next.binding ? next.status : null);
    for (const listener of listeners) listener();
  };
  const open = (): void => {
    const binding = createYjsBinding(docName, { personId });
    stopStatus = binding.subscribe((status) => publish({ binding, status }));
    publish({ binding, status: binding.getStatus() });
  };
  const close = (): void => {
    stopStatus?.();
    state.binding?.destroy();
    publish(NOT_OPEN);
  };

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      if (!state.binding) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
    getSnapshot: (): YjsDocState => state,
  };
}

/**
 * Keeps a Y.Doc in step with the server's document `docName` while the component is mounted,
 * with `personId`'s copy of it in this browser.
 */
export function useYjsDoc(docName: DocName, personId: string): YjsDocState {
  const { connection } = useRealtime();
  const store = useMemo(
    () => createYjsDocStore(docName, personId, connection),
    [docName, personId, connection],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
