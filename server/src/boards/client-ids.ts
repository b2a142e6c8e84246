/**
 * A Yjs `clientID` belongs to the first person who writes with it (per doc). Structs under
 * someone else's clientID are refused: otherwise one member could forge, or extend, another's
 * text, and awareness could be sent in their name. Bindings are stored records, so they hold
 * across instances and restarts; each instance remembers the ones it has seen.
 */
import type { Store } from '../store/store.js';

export const CLIENT_IDS_COLLECTION = 'yjs-client-ids';
/** The owner recorded for client ids the server itself writes with. */
export const SERVER_WRITER = '@server';
/** Never anyone's id: a binding that exists but cannot be read is nobody's to use. */
const UNKNOWN_OWNER = '@unknown';
/** Forget remembered bindings past this many (they are re-read from the store when needed). */
const MAX_REMEMBERED = 50_000;

interface ClientIdRecord {
  personId: string;
}

export class ClientIdBindings {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: Store) {}

  /**
   * Binds each unbound client id in `clientIds` to `personId`. Returns the first id that is
   * already someone else's (and whose), or null when all are this person's.
   */
  async claim(
    docName: string,
    clientIds: Iterable<number>,
    personId: string,
  ): Promise<{ clientId: number; owner: string } | null> {
    for (const clientId of clientIds) {
      const owner = await this.ownerOrBind(docName, clientId, personId);
      if (owner !== personId) return { clientId, owner };
    }
    return null;
  }

  /** The owner of `clientId` in `docName`: `personId` if it was unbound (it is now theirs). */
  async ownerOrBind(docName: string, clientId: number, personId: string): Promise<string> {
    const key = `${docName}#${clientId}`;
    const remembered = this.known.get(key);
    if (remembered) return remembered;
    const created = await this.store.put<ClientIdRecord>(
      CLIENT_IDS_COLLECTION,
      key,
      { personId },
      0,
    );
    const owner = created.ok
      ? personId
      : ((await this.store.get<ClientIdRecord>(CLIENT_IDS_COLLECTION, key))?.value.personId ??
        UNKNOWN_OWNER);
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(key, owner);
    return owner;
  }
}
