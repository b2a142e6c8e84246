/**
 * A cache of values read from the store that is never stale (docs/architecture.md, "The gate's
 * cached context"). Each value is filed under the store's change counts
 * (`RecordStore.changeCounts`) as read just before the value was read, and handed out only while
 * the counts a caller has just read are those: a count moves in the same atomic step as a write,
 * on whatever instance or process made it, so no message has to arrive for the cache to let go
 * of a changed record. The caller reads the counts of every collection its values come from.
 */
export class ChangeCountedCache<T> {
  private readonly values = new Map<string, Promise<T>>();
  /** The counts every held value was read at (or after). */
  private countsHeld: readonly number[] = [];

  constructor(private readonly maxEntries: number) {}

  /** The value for `key`, read with `read` unless one read at `counts` is held. */
  get(key: string, counts: readonly number[], read: () => Promise<T>): Promise<T> {
    const relation = compareCounts(counts, this.countsHeld);
    if (relation === 'older') return read(); // a slower reader than the last: do not file it
    if (relation === 'newer' || this.values.size >= this.maxEntries) {
      this.values.clear();
      this.countsHeld = counts;
    }
    let value = this.values.get(key);
    if (!value) {
      value = read();
      this.values.set(key, value);
      // A read that failed is not kept: the next write tries again.
      value.catch(() => {
        if (this.values.get(key) === value) this.values.delete(key);
      });
    }
    return value;
  }
}

/** How `counts` stand to `held`: counts only grow, so one is never newer in part only. */
function compareCounts(counts: readonly number[], held: readonly number[]) {
  if (held.length !== counts.length) return 'newer';
  if (counts.every((count, index) => count === held[index])) return 'same';
  return counts.some((count, index) => count < held[index]!) ? 'older' : 'newer';
}
