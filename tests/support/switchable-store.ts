/**
 * A real store with a switch, for the rules about a store that fails ([C3], [Y7]). Every call
 * goes to the real store underneath, until the test turns a part of it off: then that part
 * rejects as a store that has gone away would, until it is turned on again. Nothing is faked —
 * whatever is on is the real SQLite or Redis store.
 */
import type { CasResult, Store, StoredDoc, VersionedRecord } from '@setboard/server';
import type {
  DocUpdateListener,
  RateLimiter,
  RateLimitOptions,
} from '../../server/src/store/store.js';

/** The parts a test can turn off. */
export type StorePart = 'records' | 'appends';

export class StoreUnavailable extends Error {
  constructor(what: string) {
    super(`the store is unavailable (${what})`);
  }
}

export class SwitchableStore implements Store {
  private readonly off = new Map<StorePart, (collection: string) => boolean>();
  /** How many calls were refused while a part was off. */
  refusals = 0;

  constructor(private readonly real: Store) {}

  get kind(): Store['kind'] {
    return this.real.kind;
  }

  /** Turns a part off: records of the given collections (all, without a list), or appends. */
  turnOff(part: StorePart, collections?: readonly string[]): void {
    this.off.set(part, (collection) => !collections || collections.includes(collection));
  }

  turnOn(part: StorePart): void {
    this.off.delete(part);
  }

  private check(part: StorePart, collection: string): void {
    if (this.off.get(part)?.(collection)) {
      this.refusals += 1;
      throw new StoreUnavailable(part);
    }
  }

  async get<T>(collection: string, id: string): Promise<VersionedRecord<T> | null> {
    this.check('records', collection);
    return this.real.get<T>(collection, id);
  }

  async put<T>(collection: string, id: string, value: T, expectedVersion: number) {
    this.check('records', collection);
    return this.real.put(collection, id, value, expectedVersion);
  }

  async createMany<T>(collection: string, records: ReadonlyArray<{ id: string; value: T }>) {
    this.check('records', collection);
    return this.real.createMany(collection, records);
  }

  async delete(collection: string, id: string, expectedVersion: number): Promise<CasResult> {
    this.check('records', collection);
    return this.real.delete(collection, id, expectedVersion);
  }

  async changeCounts(collections: readonly string[]): Promise<number[]> {
    for (const collection of collections) this.check('records', collection);
    return this.real.changeCounts(collections);
  }

  async list<T>(collection: string): Promise<Array<{ id: string } & VersionedRecord<T>>> {
    this.check('records', collection);
    return this.real.list<T>(collection);
  }

  async appendUpdate(docName: string, update: Uint8Array): Promise<void> {
    this.check('appends', docName);
    return this.real.appendUpdate(docName, update);
  }

  loadDoc(docName: string): Promise<StoredDoc> {
    return this.real.loadDoc(docName);
  }

  compactDoc(...args: Parameters<Store['compactDoc']>): Promise<boolean> {
    return this.real.compactDoc(...args);
  }

  replaceDoc(...args: Parameters<Store['replaceDoc']>): ReturnType<Store['replaceDoc']> {
    return this.real.replaceDoc(...args);
  }

  deleteDoc(docName: string): Promise<void> {
    return this.real.deleteDoc(docName);
  }

  scrub(): Promise<void> {
    return this.real.scrub();
  }

  subscribeDoc(docName: string, listener: DocUpdateListener) {
    return this.real.subscribeDoc(docName, listener);
  }

  publishPresence(docName: string, message: Uint8Array): Promise<void> {
    return this.real.publishPresence(docName, message);
  }

  subscribePresence(docName: string, listener: DocUpdateListener) {
    return this.real.subscribePresence(docName, listener);
  }

  createRateLimiter(options: RateLimitOptions): RateLimiter {
    return this.real.createRateLimiter(options);
  }

  onSubscriptionRestored(listener: () => void): void {
    this.real.onSubscriptionRestored(listener);
  }

  ping(): Promise<void> {
    return this.real.ping();
  }

  close(): Promise<void> {
    return this.real.close();
  }
}
