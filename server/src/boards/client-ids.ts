/**
 * A Yjs `clientID` belongs to the first person who writes with it (per doc). Structs under
 * someone else's clientID are refused: otherwise one member could forge, or extend, another's
 * text, and awareness could be sent in their name. Bindings are stored records, so they hold
 * across instances and restarts; each instance remembers the ones it has seen.
 *
 * An honest page uses one client id per load (a few more arrive from local copies of earlier
 * loads), so new bindings are limited per connection and per person per board per day, and the
 * new ids one message brings are bound in one store write (docs/protocol.md Y20).
 */
import type { RateLimiter, Store } from '../store/store.js';

export const CLIENT_IDS_COLLECTION = 'yjs-client-ids';
/** The owner recorded for client ids the server itself writes with. */
export const SERVER_WRITER = '@server';
/** Never anyone's id: a binding that exists but cannot be read is nobody's to use. */
const UNKNOWN_OWNER = '@unknown';
/**
 * The owner recorded for every client id of a doc from before it was rebuilt (docs/protocol.md
 * Y14): a page that writes with one holds a copy from before the rebuild, whose items would bring
 * erased words back.
 */
export const RETIRED = '@retired';
/** Forget remembered bindings past this many (they are re-read from the store when needed). */
const MAX_REMEMBERED = 50_000;

export interface ClientIdLimits {
  /** New client ids one connection may bind. */
  perConnection: number;
  /** New client ids one person may bind in one doc per day, on every instance (store). */
  perPersonPerDay: number;
  /** Client ids one message may name that this instance must look up in the store. */
  lookupsPerMessage: number;
}

export const DEFAULT_CLIENT_ID_LIMITS: ClientIdLimits = {
  perConnection: 8,
  perPersonPerDay: 100,
  lookupsPerMessage: 64,
};

const DAY_SECONDS = 86_400;

interface ClientIdRecord {
  personId: string;
}

/** Each id's owner, or why the message may not bind more. */
export type Resolution = { ok: true; owners: Map<number, string> } | { ok: false; reason: string };

export class ClientIdBindings {
  /** Remembered owners, per doc then client id. */
  private readonly known = new Map<string, Map<number, string>>();
  private rememberedCount = 0;
  /** New bindings made per connection (its DocPeer). */
  private readonly boundBy = new WeakMap<object, number>();
  private readonly perDay: RateLimiter;

  constructor(
    private readonly store: Store,
    readonly limits: ClientIdLimits = DEFAULT_CLIENT_ID_LIMITS,
  ) {
    this.perDay = store.createRateLimiter({
      name: 'yjs-client-ids',
      points: limits.perPersonPerDay,
      durationSeconds: DAY_SECONDS,
    });
  }

  /**
   * Binds each unbound client id in `clientIds` to `personId`. Returns the first id that is
   * already someone else's (and whose), null when all are this person's, or `over` when they
   * would bind more than the limits allow (nothing is bound then).
   */
  async claim(
    docName: string,
    clientIds: Iterable<number>,
    personId: string,
    connection: object | null,
  ): Promise<{ clientId: number; owner: string } | null | 'over'> {
    const resolved = await this.resolve(docName, clientIds, personId, connection);
    if (!resolved.ok) return 'over';
    for (const [clientId, owner] of resolved.owners) {
      if (owner !== personId) return { clientId, owner };
    }
    return null;
  }

  /**
   * The owner of each of `clientIds`; those unbound are bound to `personId`, all in one store
   * write. `connection` is null for the server's own writer, which has no limits.
   */
  async resolve(
    docName: string,
    clientIds: Iterable<number>,
    personId: string,
    connection: object | null,
  ): Promise<Resolution> {
    const owners = new Map<number, string>();
    const unknown: number[] = [];
    for (const clientId of new Set(clientIds)) {
      const remembered = this.known.get(docName)?.get(clientId);
      if (remembered) owners.set(clientId, remembered);
      else unknown.push(clientId);
    }
    if (unknown.length === 0) return { ok: true, owners };
    if (connection && unknown.length > this.limits.lookupsPerMessage) {
      return { ok: false, reason: 'too many client ids in one message' };
    }
    const stored = await Promise.all(
      unknown.map((clientId) => this.ownerInStore(docName, clientId)),
    );
    const fresh = unknown.filter((_, index) => stored[index] === null);
    unknown.forEach((clientId, index) => {
      const owner = stored[index];
      if (owner) owners.set(clientId, owner);
    });
    if (fresh.length > 0) {
      const over = await this.spend(docName, personId, connection, fresh.length);
      if (over) return { ok: false, reason: over };
      const existed = new Set(
        await this.store.createMany<ClientIdRecord>(
          CLIENT_IDS_COLLECTION,
          fresh.map((clientId) => ({ id: keyOf(docName, clientId), value: { personId } })),
        ),
      );
      for (const clientId of fresh) {
        // Bound meanwhile by someone else (another instance): theirs.
        const owner = existed.has(keyOf(docName, clientId))
          ? ((await this.ownerInStore(docName, clientId)) ?? UNKNOWN_OWNER)
          : personId;
        owners.set(clientId, owner);
      }
    }
    this.remember(docName, owners);
    return { ok: true, owners };
  }

  /** Reads `docName`'s bindings from the store again (it is being loaded: it may be rebuilt). */
  forgetDoc(docName: string): void {
    this.rememberedCount -= this.known.get(docName)?.size ?? 0;
    this.known.delete(docName);
  }

  private remember(docName: string, owners: ReadonlyMap<number, string>): void {
    if (this.rememberedCount + owners.size > MAX_REMEMBERED) {
      this.known.clear();
      this.rememberedCount = 0;
    }
    let ofDoc = this.known.get(docName);
    if (!ofDoc) this.known.set(docName, (ofDoc = new Map()));
    for (const [clientId, owner] of owners) {
      if (!ofDoc.has(clientId)) this.rememberedCount++;
      ofDoc.set(clientId, owner);
    }
  }

  /** Counts `count` new bindings; returns why they are too many, or null. */
  private async spend(
    docName: string,
    personId: string,
    connection: object | null,
    count: number,
  ): Promise<string | null> {
    if (!connection) return null;
    const spent = (this.boundBy.get(connection) ?? 0) + count;
    if (spent > this.limits.perConnection) return 'too many client ids on one connection';
    this.boundBy.set(connection, spent);
    const today = await this.perDay.consume(`${personId}|${docName}`, count);
    return today.allowed ? null : 'too many client ids today';
  }

  private async ownerInStore(docName: string, clientId: number): Promise<string | null> {
    const record = await this.store.get<ClientIdRecord>(
      CLIENT_IDS_COLLECTION,
      keyOf(docName, clientId),
    );
    return record ? (record.value.personId ?? UNKNOWN_OWNER) : null;
  }
}

function keyOf(docName: string, clientId: number): string {
  return `${docName}#${clientId}`;
}

/**
 * Binds the client ids a rebuilt doc was written with (docs/privacy.md) to whoever wrote each
 * one's items before the rebuild. The ids are new, so nobody can hold them yet.
 */
export async function bindRebuiltWriters(
  store: Store,
  docName: string,
  writers: ReadonlyMap<number, string>,
): Promise<void> {
  await store.createMany<ClientIdRecord>(
    CLIENT_IDS_COLLECTION,
    [...writers].map(([clientId, personId]) => ({
      id: keyOf(docName, clientId),
      value: { personId },
    })),
  );
}

/**
 * Marks client ids of `docName` as retired (`RETIRED`), bound or not: after a rebuild nobody may
 * write with them again, and no binding names the person who used them.
 */
export async function retireClientIds(
  store: Store,
  docName: string,
  clientIds: Iterable<number>,
): Promise<void> {
  for (const clientId of clientIds) {
    let version = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const written = await store.put<ClientIdRecord>(
        CLIENT_IDS_COLLECTION,
        keyOf(docName, clientId),
        { personId: RETIRED },
        version,
      );
      if (written.ok) break;
      version = written.currentVersion;
    }
  }
}
