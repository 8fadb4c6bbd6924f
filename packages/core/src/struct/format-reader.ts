/**
 * The reading half of `Struct`, behind the module-level `unpack`,
 * `unpackFrom`, `iterUnpack` and `calcsize`: a format compiled for reading
 * only (`compileReader`, with a generated unpack function where the runtime
 * allows it), and its bounded cache (as `cache_struct_converter()`'s, at
 * most 100 formats, emptied when full, with a one-entry memo in front).
 *
 * A program that only reads therefore carries no pack code: no packers, no
 * pack generator and no `Struct` class. The checks, their order and the
 * messages are `Struct`'s, word for word (`Struct.unpack` and
 * `Struct.unpackFrom` keep their own copies of these few lines, which read
 * an own property of the `Struct` on their hot path).
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import { BoundedCache, STRUCT_CACHE_CAPACITY } from "../codec/bounded-cache.js";
import { withGeneratedUnpacker } from "../codec/code-generation.js";
import { compileReader, type CompiledReader } from "../codec/compile.js";
import { formatBytes } from "../codec/format-arg.js";
import type { StructValue } from "../codec/struct-value.js";
import type { Unpacker } from "../codec/unpack.js";
import { registerMemoCache } from "../memo-caches.js";
import { ByteWindowMemo, isBufferAccessError } from "./byte-source.js";
import { unpackExported, unpackFromExported } from "./exported-reads.js";
import { cachedStruct } from "./cache.js";
import type { Struct } from "./struct.js";
import { structOffset } from "./struct-errors.js";
import { iterUnpackBuffer, type UnpackIterator } from "./unpack-iterator.js";

/**
 * A format compiled for reading, with the window of its latest buffer: what
 * the module-level reading functions use in place of a `Struct`.
 *
 * @example
 * ```ts
 * new FormatReader("<h").unpack(new Uint8Array([1, 0])); // returns [1]
 * ```
 */
export class FormatReader {
  // Assigned in the constructor, never with initialisers (see Struct).
  /** The compiled format. */
  declare readonly compiled: CompiledReader;
  /** The window of the latest buffer argument. */
  declare readonly memo: ByteWindowMemo;
  /** `compiled.unpackAt`. */
  declare readonly unpackAt: Unpacker;

  /** Compiles `format` for reading; throws what `Struct(format)` would. */
  constructor(format: string | Uint8Array) {
    const compiled = withGeneratedUnpacker(compileReader(formatBytes(format)));
    this.compiled = compiled;
    this.memo = new ByteWindowMemo();
    this.unpackAt = compiled.unpackAt;
  }

  /** `Struct.size`: the size, an exact `bigint` above `Number.MAX_SAFE_INTEGER`. */
  get size(): number {
    const compiled = this.compiled;
    return compiled.size <= Number.MAX_SAFE_INTEGER ? compiled.size : (compiled.exactSize as unknown as number);
  }

  /** `Struct.unpack`: the values of a buffer of exactly the struct's size. */
  unpack(buffer: unknown): StructValue[] {
    const memo = this.memo;
    const reused = buffer === memo.source && memo.reusable;
    if (!reused && memo.update(buffer, false)) return unpackExported(this.compiled, buffer as object);
    if (memo.byteLength !== this.compiled.size) {
      throw new StructError(`unpack requires a buffer of ${this.compiled.exactSize} bytes`, { kind: "buffer" });
    }
    try {
      return this.unpackAt(memo.view, memo.byteOffset);
    } catch (error) {
      if (!reused || !isBufferAccessError(error)) throw error;
      memo.forget(); // detached since the window was made: start again
      return this.unpack(buffer);
    }
  }

  /** `Struct.unpackFrom`: the values at `offset` (negative counts from the end) of a buffer. */
  unpackFrom(buffer: unknown, offset: unknown): StructValue[] {
    const memo = this.memo;
    const reused = buffer === memo.source && memo.reusable;
    if (!reused && memo.update(buffer, false)) return unpackFromExported(this.compiled, buffer as object, offset);
    const at = structOffset(this.compiled, offset, memo.byteLength, false);
    try {
      return this.unpackAt(memo.view, memo.byteOffset + at);
    } catch (error) {
      if (!reused || !isBufferAccessError(error)) throw error;
      memo.forget();
      return this.unpackFrom(buffer, offset);
    }
  }

  /** `Struct.iterUnpack`. */
  iterUnpack(buffer: unknown): UnpackIterator {
    return iterUnpackBuffer(this.compiled, buffer);
  }
}

const cache = new BoundedCache<Reader>(STRUCT_CACHE_CAPACITY);
let memoFormat: string | undefined;
let memoReader: Reader | undefined;
registerMemoCache(() => {
  cache.clear();
  memoFormat = undefined;
  memoReader = undefined;
});

/** What the module-level reading functions read through: a `FormatReader`, or a `Struct` already compiled. */
export type Reader = Pick<FormatReader, "size" | "unpack" | "unpackFrom" | "iterUnpack"> | Struct;

/** A reader of `text`: the `Struct` the module-level cache holds for it, or a new `FormatReader`. */
function newReader(text: string, format: string | Uint8Array): Reader {
  return cachedStruct(text) ?? new FormatReader(format);
}

/**
 * The reader of a format argument (`str` or `bytes`), from the cache, or
 * the `Struct` of the format if `pack` or `packInto` compiled one, or a
 * {@link FormatReader} compiled now; throws what `Struct(format)` would.
 *
 * @example
 * ```ts
 * readerFor("<iid").size; // returns 16
 * ```
 */
export function readerFor(format: unknown): Reader {
  if (typeof format === "string") {
    if (format === memoFormat) return memoReader as Reader;
    let reader = cache.get(format);
    if (reader === undefined) {
      reader = newReader(format, format);
      cache.set(format, reader);
    }
    memoFormat = format;
    memoReader = reader;
    return reader;
  }
  // A bytes format: only an all-ASCII one compiles, so it may share the
  // cache entry of the equal string.
  const text = formatBytes(format);
  let reader = cache.get(text);
  if (reader === undefined) {
    reader = newReader(text, format as Uint8Array);
    cache.set(text, reader);
  }
  return reader;
}
