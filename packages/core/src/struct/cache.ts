/**
 * The bounded cache of compiled structs behind the module-level functions
 * (`cache_struct_converter()` in `Modules/_struct.c`), so that a call such as
 * `pack(fmt, …)` costs a lookup, not a parse.
 *
 * Like CPython's it holds at most 100 `Struct`s and is emptied when full; a
 * one-entry memo in front of it makes a loop over one format cheaper still.
 * Only successful compilations are kept.
 *
 * @packageDocumentation
 */

import { BoundedCache, STRUCT_CACHE_CAPACITY } from "../codec/bounded-cache.js";
import { formatBytes } from "../codec/format-arg.js";
import { Struct } from "./struct.js";
import { registerMemoCache, clearMemoCaches } from "../memo-caches.js";

const cache = new BoundedCache<Struct>(STRUCT_CACHE_CAPACITY);
let memoFormat: string | undefined;
let memoStruct: Struct | undefined;
registerMemoCache(() => {
  cache.clear();
  memoFormat = undefined;
  memoStruct = undefined;
});

/**
 * The `Struct` of a format argument (`str` or `bytes`), from the cache or
 * compiled now; throws what `Struct(format)` would.
 *
 * @example
 * ```ts
 * structFor("<iid").size; // returns 16
 * ```
 */
export function structFor(format: unknown): Struct {
  if (typeof format === "string") {
    if (format === memoFormat) return memoStruct as Struct;
    let struct = cache.get(format);
    if (struct === undefined) {
      struct = new Struct(format);
      cache.set(format, struct);
    }
    memoFormat = format;
    memoStruct = struct;
    return struct;
  }
  // A bytes format: only an all-ASCII one compiles, so it may share the
  // cache entry of the equal string.
  const text = formatBytes(format);
  let struct = cache.get(text);
  if (struct === undefined) {
    struct = new Struct(format as Uint8Array);
    cache.set(text, struct);
  }
  return struct;
}

/**
 * The `Struct` of a format (its text) if the cache holds one, without
 * compiling: the module-level reading functions read through it rather
 * than compile the format a second time (and a program that only reads
 * never constructs a `Struct`, so it carries none).
 *
 * @example
 * ```ts
 * structFor("<q"); cachedStruct("<q")?.size; // returns 8
 * ```
 */
export function cachedStruct(text: string): Struct | undefined {
  return cache.get(text);
}

/**
 * Empties the cache of compiled structs (Python's `struct._clearcache()`),
 * and with it every other memo cache of `@mv/core` (parsed formats, item
 * codecs, range messages, fast-path facts): results stay the same, only the
 * next call computes them again.
 *
 * @example
 * ```ts
 * clearCache(); // returns undefined
 * ```
 */
export function clearCache(): void {
  clearMemoCaches();
}
