/**
 * The compiled forms of formats, cached, for the codec's own readers
 * ({@link parseFormat}, {@link itemCodec}): they need a format's codes, not a
 * `Struct`, so the codec never loads the struct module (which sits above the
 * protocol) and the protocol can measure a format through the codec.
 *
 * @packageDocumentation
 */

import { BoundedCache, STRUCT_CACHE_CAPACITY } from "./bounded-cache.js";
import { compileFormat, type CompiledFormat } from "./compile.js";
import { formatBytes } from "./format-arg.js";
import { registerMemoCache } from "../memo-caches.js";

const cache = new BoundedCache<CompiledFormat>(STRUCT_CACHE_CAPACITY);
registerMemoCache(() => cache.clear());

/**
 * The compiled form of a format argument (`str` or `bytes`), from the cache
 * or compiled now; throws what `Struct(format)` would. Only successful
 * compilations are kept.
 *
 * @example
 * ```ts
 * compiledFormatFor("@bi").size; // returns 8
 * ```
 */
export function compiledFormatFor(format: unknown): CompiledFormat {
  const text = formatBytes(format);
  let compiled = cache.get(text);
  if (compiled === undefined) {
    compiled = compileFormat(text);
    cache.set(text, compiled);
  }
  return compiled;
}
