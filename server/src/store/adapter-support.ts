/**
 * What both adapters share: argument checks (so SQLite and Redis refuse the same bad input with
 * the same message and the contract suite can hold them to one behaviour), byte conversions, and
 * calling doc listeners.
 */
import type { DocUpdateListener } from './store.js';

/** Thrown (as a rejection) by every Store method called after `close()`. */
export class StoreClosedError extends Error {
  constructor(adapter: string) {
    super(`${adapter} is closed: it cannot be used after close()`);
    this.name = 'StoreClosedError';
  }
}

/** Throws unless `version` is a whole number ≥ 0 (0 means "must not exist yet"). */
export function assertExpectedVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new TypeError(`expectedVersion must be an integer ≥ 0, got ${String(version)}`);
  }
}

/** Serialises a record value, refusing values JSON cannot carry (undefined, functions). */
export function toRecordJson(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('A record value must be JSON-serialisable');
  return json;
}

/** Throws unless `update` is a Uint8Array (a Buffer is one too). */
export function assertUpdate(update: Uint8Array): void {
  if (!(update instanceof Uint8Array)) {
    throw new TypeError('A doc update must be a Uint8Array');
  }
}

/** Checks a compaction request before any backend sees it. */
export function assertCompaction(compaction: {
  generation: string;
  replaceCount: number;
  merged: Uint8Array;
}): void {
  if (typeof compaction.generation !== 'string') {
    throw new TypeError('compaction.generation must be the string loadDoc returned');
  }
  if (!Number.isSafeInteger(compaction.replaceCount) || compaction.replaceCount < 1) {
    throw new TypeError('compaction.replaceCount must be an integer ≥ 1');
  }
  assertUpdate(compaction.merged);
}

/** Checks `replaceDoc`'s `basedOn` before any backend sees it. */
export function assertLogPosition(basedOn: { generation: string; updateCount: number }): void {
  if (typeof basedOn?.generation !== 'string') {
    throw new TypeError('basedOn.generation must be the string loadDoc returned');
  }
  if (!Number.isSafeInteger(basedOn.updateCount) || basedOn.updateCount < 0) {
    throw new TypeError('basedOn.updateCount must be an integer ≥ 0');
  }
}

/**
 * A Buffer over exactly the bytes of `bytes`, without copying. Drivers want Buffers; a
 * Uint8Array may be a window on a larger ArrayBuffer, so the offset and length must be kept.
 */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A plain Uint8Array copy of `buffer`. Drivers hand out Buffers that may share Node's pool or a
 * socket read buffer; a copy owns its bytes and compares equal to other plain Uint8Arrays.
 */
export function toOwnedBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer);
}

/** Calls each listener, so one that throws cannot starve the others or the caller. */
export function callListeners(
  listeners: Iterable<DocUpdateListener>,
  update: Uint8Array,
  onListenerError: (error: unknown) => void,
): void {
  for (const listener of listeners) {
    try {
      listener(update);
    } catch (error) {
      onListenerError(error);
    }
  }
}
