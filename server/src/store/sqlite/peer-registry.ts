/**
 * How SQLite stores in one process hear each other's doc updates.
 *
 * A SQLite file serves one server process, so the only "other instances" a SqliteStore can have
 * are other SqliteStore objects opened on the same file with the same key prefix in this process
 * (tests, or two apps in one process). They meet here. Nothing crosses processes: a second
 * process writing the same file is not supported (use Redis for many instances).
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3';

/** One store's side of the registry: where peers deliver updates for a doc. */
export interface RegisteredPeer {
  deliver(docName: string, update: Uint8Array): void;
  /** Presence messages: the same path, but never stored. */
  deliverPresence(docName: string, message: Uint8Array): void;
}

const peersByScope = new Map<string, Set<RegisteredPeer>>();

// In-memory databases have no path; each handle is its own database, so it gets its own id.
const memoryDbIds = new WeakMap<Database, string>();
let nextMemoryDbId = 1;

/** The scope two stores must share to be peers: the same database file and key prefix. */
export function peerScope(db: Database, keyPrefix: string): string {
  return `${databaseIdentity(db)}\u0000${keyPrefix}`;
}

function databaseIdentity(db: Database): string {
  if (db.memory) {
    let id = memoryDbIds.get(db);
    if (id === undefined) {
      id = `memory#${nextMemoryDbId++}`;
      memoryDbIds.set(db, id);
    }
    return id;
  }
  const path = resolve(db.name);
  try {
    // Resolve symlinks so two spellings of one file are one scope.
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Adds `peer` to `scope`; returns the function that removes it. */
export function joinScope(scope: string, peer: RegisteredPeer): () => void {
  let peers = peersByScope.get(scope);
  if (peers === undefined) {
    peers = new Set();
    peersByScope.set(scope, peers);
  }
  peers.add(peer);
  return () => {
    peers.delete(peer);
    if (peers.size === 0) peersByScope.delete(scope);
  };
}

/**
 * Hands a committed update to every peer in `scope` except `sender`. Delivery is deferred to a
 * microtask so a listener never runs inside the appender's call, and stays in append order.
 */
export function broadcastToPeers(
  scope: string,
  sender: RegisteredPeer,
  docName: string,
  update: Uint8Array,
  kind: 'update' | 'presence' = 'update',
): void {
  const peers = peersByScope.get(scope);
  if (peers === undefined) return;
  for (const peer of peers) {
    if (peer === sender) continue;
    queueMicrotask(() =>
      kind === 'update' ? peer.deliver(docName, update) : peer.deliverPresence(docName, update),
    );
  }
}
