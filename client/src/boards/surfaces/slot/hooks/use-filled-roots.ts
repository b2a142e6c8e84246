import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const noSubscription = (): (() => void) => () => {};
const empty = (): string => '';

/**
 * Which of the board's prose roots have something written in them, live: lets a page list only
 * the reflections people have written. The snapshot is the names joined, so it compares by value.
 */
export function useFilledRoots(doc: Y.Doc | null, rootNames: readonly string[]): string[] {
  const namesKey = rootNames.join('\n');
  const store = useMemo(() => {
    if (!doc || namesKey === '') return null;
    const names = namesKey.split('\n');
    const fragments = names.map((name) => doc.getXmlFragment(name));
    const read = (): string => names.filter((_, index) => fragments[index]!.length > 0).join('\n');
    return {
      subscribe(listener: () => void): () => void {
        for (const fragment of fragments) fragment.observe(listener);
        return () => {
          for (const fragment of fragments) fragment.unobserve(listener);
        };
      },
      getSnapshot: read,
    };
  }, [doc, namesKey]);
  const filled = useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    store?.getSnapshot ?? empty,
  );
  return useMemo(() => (filled === '' ? [] : filled.split('\n')), [filled]);
}
