/**
 * The one switch behind every memo cache of `@mv/core` (compiled structs,
 * parsed formats, item codecs, range messages, fast-path facts, shared
 * shape arrays). Each cache registers how to empty itself, and
 * `clearCache()` empties them all: a program can hand the memory back, and a
 * test can start cold, so a remembered result never hides the code that
 * computed it (the mutation run of `@mv/conformance` relies on this: a
 * mutant in a cached computation must be met by every case that checks it,
 * not only by the first that filled the cache).
 *
 * @packageDocumentation
 */

const clearers: (() => void)[] = [];

/**
 * Registers `clear`, called by every {@link clearMemoCaches}.
 *
 * @example
 * ```ts
 * const seen = new Map<string, number>();
 * registerMemoCache(() => seen.clear()); // returns undefined
 * ```
 */
export function registerMemoCache(clear: () => void): void {
  clearers.push(clear);
}

/**
 * Empties every registered cache.
 *
 * @example
 * ```ts
 * clearMemoCaches(); // returns undefined
 * ```
 */
export function clearMemoCaches(): void {
  for (const clear of clearers) clear();
}
