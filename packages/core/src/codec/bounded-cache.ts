/**
 * The bounded map behind every cache of compiled formats: CPython's
 * `cache_struct_converter()` holds at most `MAXCACHE` entries and empties
 * itself when full, and the caches of `@mv/core` do the same.
 *
 * @packageDocumentation
 */

/**
 * A map of at most `capacity` entries that empties itself when full.
 *
 * @example
 * ```ts
 * const c = new BoundedCache(1); c.set("a", 1); c.set("b", 2); c.get("a"); // returns undefined
 * ```
 */
export class BoundedCache<V> {
  declare private readonly entries: Map<string, V>;
  declare readonly capacity: number;

  constructor(capacity: number) {
    this.entries = new Map<string, V>();
    this.capacity = capacity;
  }

  /** The value under `key`, if any. */
  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Stores `value` under `key`, emptying the cache first when it is full. */
  set(key: string, value: V): void {
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
  }

  /** Empties the cache. */
  clear(): void {
    this.entries.clear();
  }

  /** How many entries it holds. */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * How many compiled formats each cache keeps (CPython's `MAXCACHE`).
 *
 * @example
 * ```ts
 * STRUCT_CACHE_CAPACITY; // returns 100
 * ```
 */
export const STRUCT_CACHE_CAPACITY = 100;
