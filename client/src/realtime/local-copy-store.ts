/**
 * Where this browser keeps board copies (local-copies.ts), apart from y-indexeddb so that signing
 * out, and the check of every copy when a person's session starts, can drop them without loading
 * Yjs on pages that have no board.
 */
const PREFIX = 'setboard:';
/** Names of the copies this browser holds, for browsers without `indexedDB.databases()`. */
const INDEX_KEY = 'setboard:local-copies';

export function localCopyName(personId: string, docName: string): string {
  return `${PREFIX}${personId}:${docName}`;
}

export function remember(name: string): void {
  try {
    const names = new Set<string>(JSON.parse(localStorage.getItem(INDEX_KEY) ?? '[]'));
    names.add(name);
    localStorage.setItem(INDEX_KEY, JSON.stringify([...names]));
  } catch {
    // Storage may be off (a locked-down browser): the copy still works, and databases() lists it.
  }
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** The names of every board copy this browser holds. */
async function allCopyNames(): Promise<Set<string>> {
  const names = new Set<string>();
  try {
    for (const name of JSON.parse(localStorage.getItem(INDEX_KEY) ?? '[]') as string[]) {
      names.add(name);
    }
  } catch {
    // Fall through to databases().
  }
  try {
    for (const info of await indexedDB.databases()) {
      if (info.name?.startsWith(PREFIX)) names.add(info.name);
    }
  } catch {
    // Older browsers: the remembered names are all we have.
  }
  return names;
}

/** Removes every board copy in this browser (signing out, erasing the account). */
export async function dropAllLocalCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const names = await allCopyNames();
  try {
    localStorage.removeItem(INDEX_KEY);
  } catch {
    // Nothing remembered to forget.
  }
  await Promise.all([...names].map(deleteDatabase));
}

/** Where the rebuild number a copy was last synced at is kept. */
export const rebuildKey = (name: string) => `${name}#rebuild`;

/** What the server says of a board's rebuild number (docs/protocol.md Y14). */
export type RebuildAnswer =
  | { kind: 'number'; rebuild: number }
  /** The person may not open the board (any more): their copy is of no use and must go. */
  | { kind: 'no_access' }
  /** Offline, or the server could not say: keep the copy and ask again next time. */
  | { kind: 'unknown' };

export async function askRebuildNumber(docName: string): Promise<RebuildAnswer> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(docName)}/rebuild`, {
      credentials: 'same-origin',
    });
    if (response.status === 404 || response.status === 403) return { kind: 'no_access' };
    if (!response.ok) return { kind: 'unknown' };
    const body = (await response.json()) as { rebuild?: unknown };
    return typeof body.rebuild === 'number'
      ? { kind: 'number', rebuild: body.rebuild }
      : { kind: 'unknown' };
  } catch {
    return { kind: 'unknown' };
  }
}

/**
 * Whether a copy stored at the rebuild number remembered for `name` must be dropped given the
 * server's answer; remembers the server's number when it gives one.
 */
export function isStale(name: string, answer: RebuildAnswer): boolean {
  if (answer.kind === 'no_access') return true;
  if (answer.kind === 'unknown') return false;
  let known: number | null = null;
  try {
    const stored = localStorage.getItem(rebuildKey(name));
    known = stored === null ? null : Number(stored);
    localStorage.setItem(rebuildKey(name), String(answer.rebuild));
  } catch {
    // No storage for the number: keep the copy only if the board was never rebuilt.
  }
  return answer.rebuild > (known ?? 0);
}

/**
 * Checks every copy `personId` has in this browser, not only the boards they open: a copy of a
 * board rebuilt since (an erasure) or one they may no longer open (removed from the set) is
 * dropped on their next visit to any page, so erased words do not linger here.
 */
export async function dropStaleCopiesOf(personId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const prefix = localCopyName(personId, '');
  const names = [...(await allCopyNames())].filter((name) => name.startsWith(prefix));
  await Promise.all(
    names.map(async (name) => {
      if (isStale(name, await askRebuildNumber(name.slice(prefix.length)))) {
        await deleteDatabase(name);
      }
    }),
  );
}
