/**
 * Python's `bytes`: an immutable byte string and a read-only exporter
 * (`Objects/bytesobject.c`).
 *
 * @packageDocumentation
 */
import { GET_BUFFER, IndexError, RELEASE_BUFFER, fillInfo, pythonTypeName, type BufferInfo } from "@mv/core";
import { hashBytes } from "../hash-bytes.js";
import { asSsize, isIndex } from "../python/as-index.js";
import { bytesRepr } from "../python/bytes-repr.js";
import { callableClass } from "../python/callable-class.js";
import { NotImplemented, RICH_EQ, richEquals } from "../python/rich-equals.js";
import { isSliceLike, type SliceLike } from "../python/slice-indices.js";
import { bytesContent, isPyBytes, registerBytes } from "./bytes-brand.js";
import { bytesFromSource } from "./bytes-from-source.js";
import { fromHex } from "./from-hex.js";
import { strhex } from "./hex.js";
import { sliceBytes } from "./slice-bytes.js";

/**
 * The instances `bytes(...)` returns (create them with `bytes`).
 *
 * @example
 * ```ts
 * bytes([1]) instanceof Bytes; // returns true
 * ```
 */
export class Bytes implements Iterable<number> {
  /** The Python type name, for error messages. */
  static readonly pythonName = "bytes";
  readonly #data: Uint8Array;
  #hash: number | undefined;

  /** @internal Use `bytes(...)`. */
  constructor(data: Uint8Array) {
    this.#data = data;
    registerBytes(this, data);
  }

  /** `len(b)`. */
  get length(): number {
    return this.#data.length;
  }

  /**
   * `b[key]`: the byte at an index (a number; negative counts from the end),
   * or a new `bytes` for a slice (`{ start, stop, step }` or a `slice`).
   */
  get(key: number | bigint | SliceLike): number | Bytes {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      if (i < 0) i += this.#data.length;
      if (i < 0 || i >= this.#data.length) throw new IndexError("index out of range");
      return this.#data[i]!;
    }
    if (isSliceLike(key)) return new Bytes(sliceBytes(this.#data, key));
    throw new TypeError(`byte indices must be integers or slices, not ${pythonTypeName(key)}`);
  }

  /** `b[start:stop:step]` as a new `bytes`; null or undefined is None. */
  slice(start?: number | bigint | null, stop?: number | bigint | null, step?: number | bigint | null): Bytes {
    return new Bytes(sliceBytes(this.#data, { start, stop, step }));
  }

  /** `b == other`: true for a `bytes` or `bytearray` with the same content. */
  equals(other: unknown): boolean {
    return richEquals(this, other);
  }

  /** @internal `bytes.__eq__`: only another `bytes`; the rest is NotImplemented. */
  [RICH_EQ](other: unknown): boolean | typeof NotImplemented {
    if (!isPyBytes(other)) return NotImplemented;
    const theirs = bytesContent(other)!;
    const mine = this.#data;
    if (theirs.length !== mine.length) return false;
    for (let i = 0; i < mine.length; i++) if (mine[i] !== theirs[i]) return false;
    return true;
  }

  /** `hash(b)`: {@link hashBytes} of the content (cached, like `ob_shash`). */
  hash(): number {
    if (this.#hash === undefined) this.#hash = hashBytes(this.#data);
    return this.#hash;
  }

  /** `b.hex(sep, bytes_per_sep)`. */
  hex(sep?: string | Bytes | Uint8Array, bytesPerSep?: number): string {
    return strhex(this.#data, sep, bytesPerSep);
  }

  /** `repr(b)`: `b'…'`. */
  toString(): string {
    return bytesRepr(this.#data);
  }

  /**
   * The one-line form Node's `util.inspect` and `console.log` show: the same
   * as `toString()` (a registry symbol, so no Node import is needed).
   *
   * @returns `toString()`
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** `iter(b)`: the byte values. */
  *[Symbol.iterator](): Iterator<number> {
    yield* this.#data;
  }

  /** Exports the content read-only (`bytes_buffer_getbuffer`). */
  [GET_BUFFER](flags: number): BufferInfo {
    const data = this.#data;
    return fillInfo(this, data.buffer, data.byteOffset, data.length, true, flags);
  }

  /** Nothing to do: bytes never resize, so exports are not counted. */
  [RELEASE_BUFFER](_info: BufferInfo): void {}
}

/** A Python `bytes` object. */
export type bytes = Bytes;

/**
 * Python's `bytes(source?)`: callable with or without `new`.
 *
 * `source` may be omitted (empty), an integer (that many zero bytes), any
 * exporter (its bytes in C order: another `bytes`, a `bytearray`, an
 * `array`, a TypedArray, an ArrayBuffer, a memoryview…), or an iterable of
 * integers in range(0, 256). A string is refused, as in Python without an
 * encoding; encode it first (`bytes(new TextEncoder().encode(s))`).
 *
 * @example
 * ```ts
 * bytes([104, 105]).toString(); // returns "b'hi'"
 * bytes(3).hex(); // returns "000000"
 * new bytes(new Uint8Array([1, 2])).length; // returns 2
 * bytes([1]) instanceof bytes; // returns true
 * bytes([256]); // throws ValueError "bytes must be in range(0, 256)"
 * ```
 */
export const bytes = callableClass("bytes", Bytes, (source?: unknown): Bytes => new Bytes(bytesFromSource(source, "bytes")), {
  /**
   * `bytes.fromhex(string)`: the bytes spelled by hexadecimal digit pairs,
   * optionally separated by ASCII whitespace.
   *
   * @example
   * ```ts
   * bytes.fromhex("B9 01EF").toString(); // returns "b'\\xb9\\x01\\xef'"
   * ```
   */
  fromhex(string: unknown): Bytes {
    return new Bytes(fromHex(string));
  },
});
