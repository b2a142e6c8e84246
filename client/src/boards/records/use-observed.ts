import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type: Y.Map, Y.Array…
type SharedType = Y.AbstractType<any>;

/** An external store (for `useSyncExternalStore`) over a value read from a shared type. */
function createObservedStore<T extends SharedType, V>(type: T, read: (type: T) => V) {
  let snapshot = read(type);
  return {
    subscribe(listener: () => void): () => void {
      const onChange = (): void => {
        snapshot = read(type);
        listener();
      };
      type.observeDeep(onChange);
      // Anything that changed between the first read and now.
      snapshot = read(type);
      return () => type.unobserveDeep(onChange);
    },
    getSnapshot: (): V => snapshot,
  };
}

/**
 * A value read from a shared type, read again whenever anyone changes anything inside it.
 * `read` must be stable (a module function or a memoised one): a new `read` starts again.
 */
export function useObserved<T extends SharedType, V>(type: T, read: (type: T) => V): V {
  const store = useMemo(() => createObservedStore(type, read), [type, read]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
