/**
 * Python's `bytearray`: a mutable, resizable byte string and a writable
 * exporter (`Objects/bytearrayobject.c`, CPython 3.14).
 *
 * Its memory is a {@link ResizableBytes}: exports hand out the live
 * `ArrayBuffer`, and any change of length while an export is live throws
 * `BufferError` ("Existing exports of data: object cannot be re-sized"),
 * checked before anything is modified.
 *
 * @packageDocumentation
 */
import {
  BufferFlags,
  GET_BUFFER,
  IndexError,
  RELEASE_BUFFER,
  ValueError,
  fillInfo,
  getBuffer,
  isBufferExporter,
  pythonTypeName,
  releaseBuffer,
  type BufferInfo,
} from "@mv/core";
import { asIndex, asSsize, asSsizeArg, isIndex } from "../python/as-index.js";
import { bytesRepr } from "../python/bytes-repr.js";
import { callableClass } from "../python/callable-class.js";
import { NotImplemented, RICH_EQ, richEquals } from "../python/rich-equals.js";
import { isSliceLike, sliceIndices, type SliceLike, unpackSlice } from "../python/slice-indices.js";
import { bufferBytes } from "../protocol/buffer-bytes.js";
import { ResizableBytes } from "../storage/resizable-bytes.js";
import { BYTE_RANGE, byteValue } from "../bytes/byte-value.js";
import { bytesFromSource } from "../bytes/bytes-from-source.js";
import { sliceBytes } from "../bytes/slice-bytes.js";
import { fromHex } from "../bytes/from-hex.js";
import { strhex } from "../bytes/hex.js";
import { bytearrayGrowth } from "./growth.js";

const SLICE_VALUE_TYPES = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";

/** A value Python's `PyNumber_Check` accepts: ints, floats and bools. */
function isPyNumber(value: unknown): boolean {
  return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean";
}

/**
 * The instances `bytearray(...)` returns (create them with `bytearray`).
 *
 * @example
 * ```ts
 * bytearray([1]) instanceof ByteArray; // returns true
 * ```
 */
export class ByteArray implements Iterable<number> {
  /** The Python type name, for error messages. */
  static readonly pythonName = "bytearray";
  readonly #store: ResizableBytes;

  /** @internal Use `bytearray(...)`. */
  constructor(data: Uint8Array) {
    const size = data.length;
    this.#store = new ResizableBytes(size, bytearrayGrowth, size === 0 ? 0 : size + 1);
    this.#store.bytes().set(data);
  }

  /** `len(b)`. */
  get length(): number {
    return this.#store.size;
  }

  /** The live bytes (a view; valid until the next resize). */
  #bytes(): Uint8Array {
    return this.#store.bytes();
  }

  /**
   * `b[key]`: the byte at an index, or a new `bytearray` for a slice.
   */
  get(key: number | bigint | SliceLike): number | ByteArray {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      if (i < 0) i += this.length;
      if (i < 0 || i >= this.length) throw new IndexError("bytearray index out of range");
      return this.#bytes()[i]!;
    }
    if (isSliceLike(key)) {
      // The bounds first (a getter may resize this), then the bytes as they are.
      const unpacked = unpackSlice(key);
      return new ByteArray(sliceBytes(this.#bytes(), unpacked));
    }
    throw new TypeError(`bytearray indices must be integers or slices, not ${pythonTypeName(key)}`);
  }

  /** `b[start:stop:step]` as a new `bytearray`; null or undefined is None. */
  slice(start?: number | bigint | null, stop?: number | bigint | null, step?: number | bigint | null): ByteArray {
    return new ByteArray(sliceBytes(this.#bytes(), { start, stop, step }));
  }

  /**
   * `b[key] = value`. For an index, `value` is an integer in range(0, 256).
   * For a slice, `value` is any exporter or iterable of such integers; a
   * plain slice (step 1) may change the length, an extended slice needs a
   * value of its own length.
   */
  set(key: number | bigint | SliceLike, value: unknown): void {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      // GH-91153: the value is converted before the index is checked.
      const byte = byteValue(value, BYTE_RANGE);
      if (i < 0) i += this.length;
      if (i < 0 || i >= this.length) throw new IndexError("bytearray index out of range");
      this.#bytes()[i] = byte;
      return;
    }
    if (!isSliceLike(key)) {
      throw new TypeError(`bytearray indices must be integers or slices, not ${pythonTypeName(key)}`);
    }
    // The slice is unpacked (its bounds read, once) before the value is
    // converted, as bytearray_ass_subscript does; it is adjusted to the
    // length after, which the value's user code may have changed.
    key = unpackSlice(key);
    let values: Uint8Array;
    if (value instanceof ByteArray && value !== this) {
      values = value.#bytes();
    } else {
      if (isPyNumber(value) || typeof value === "string") throw new TypeError(SLICE_VALUE_TYPES);
      values = bytesFromSource(value, "bytearray");
    }
    this.#assignSlice(key, values);
  }

  /** `del b[key]`. */
  delete(key: number | bigint | SliceLike): void {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      if (i < 0) i += this.length;
      if (i < 0 || i >= this.length) throw new IndexError("bytearray index out of range");
      this.#setLinear(i, i + 1, new Uint8Array(0));
      return;
    }
    if (!isSliceLike(key)) {
      throw new TypeError(`bytearray indices must be integers or slices, not ${pythonTypeName(key)}`);
    }
    this.#assignSlice(key, new Uint8Array(0));
  }

  // bytearray_ass_subscript's slice branch.
  #assignSlice(key: SliceLike, values: Uint8Array): void {
    // Unpacked before the length is read: a bound's getter may resize this.
    const unpacked = unpackSlice(key);
    const indices = sliceIndices(this.length, unpacked);
    const { start, stop, step, length: slicelen } = indices;
    if (step === 1) {
      // Make sure b[5:2] = ... inserts before 5, not before 2.
      this.#setLinear(start, Math.max(start, stop), values);
      return;
    }
    const needed = values.length;
    if (needed === 0) {
      this.#store.exports.assertResizable();
      if (slicelen === 0) return;
      const keep: number[] = [];
      const gone = new Set<number>();
      for (let i = 0, cur = start; i < slicelen; i++, cur += step) gone.add(cur);
      const data = this.#bytes();
      for (let i = 0; i < data.length; i++) if (!gone.has(i)) keep.push(data[i]!);
      this.#store.resize(keep.length);
      this.#bytes().set(keep);
      return;
    }
    if (needed !== slicelen) {
      throw new ValueError(`attempt to assign bytes of size ${needed} to extended slice of size ${slicelen}`);
    }
    const data = this.#bytes();
    for (let i = 0, cur = start; i < slicelen; i++, cur += step) data[cur] = values[i]!;
  }

  // bytearray_setslice_linear: replace [lo, hi) by `values`.
  #setLinear(lo: number, hi: number, values: Uint8Array): void {
    const size = this.length;
    const growth = values.length - (hi - lo);
    if (growth !== 0) {
      this.#store.exports.assertResizable();
      const tail = this.#bytes().slice(hi);
      this.#store.resize(size + growth);
      this.#bytes().set(tail, lo + values.length);
    }
    this.#bytes().set(values, lo);
  }

  /** `b.append(item)`: one byte at the end. */
  append(item: unknown): void {
    const byte = byteValue(item, BYTE_RANGE);
    const n = this.length;
    this.#store.resize(n + 1);
    this.#bytes()[n] = byte;
  }

  /**
   * `b.extend(iterable_of_ints)`: an exporter's bytes, or the integers an
   * iterable yields, at the end.
   */
  extend(iterableOfInts: unknown): void {
    if (isBufferExporter(iterableOfInts)) {
      const n = this.length;
      this.#setLinear(n, n, this.#simpleBytes(iterableOfInts));
      return;
    }
    if (
      iterableOfInts === null ||
      iterableOfInts === undefined ||
      typeof (iterableOfInts as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function"
    ) {
      throw new TypeError(`can't extend bytearray with ${pythonTypeName(iterableOfInts)}`);
    }
    const collected: number[] = [];
    for (const item of iterableOfInts as Iterable<unknown>) {
      try {
        collected.push(byteValue(item, BYTE_RANGE));
      } catch (error) {
        if (error instanceof TypeError && typeof iterableOfInts === "string") {
          throw new TypeError("expected iterable of integers; got: 'str'");
        }
        throw error;
      }
    }
    const n = this.length;
    this.#setLinear(n, n, Uint8Array.from(collected));
  }

  // bytearray_setslice's PyBUF_SIMPLE request, copied before any resize.
  // Whatever the exporter's refusal (a strided view's BufferError, a
  // released view's ValueError), CPython reports it as this TypeError.
  #simpleBytes(source: unknown): Uint8Array {
    let info: BufferInfo;
    try {
      info = getBuffer(source, BufferFlags.SIMPLE);
    } catch {
      throw new TypeError(`can't set bytearray slice from ${pythonTypeName(source)}`);
    }
    try {
      return bufferBytes(info).slice();
    } finally {
      releaseBuffer(info);
    }
  }

  /** `b.pop(index=-1)`: removes and returns one byte. */
  pop(index: number | bigint = -1): number {
    let i = asSsizeArg(index);
    const n = this.length;
    if (n === 0) throw new IndexError("pop from empty bytearray");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw new IndexError("pop index out of range");
    this.#store.exports.assertResizable();
    const value = this.#bytes()[i]!;
    this.#setLinear(i, i + 1, new Uint8Array(0));
    return value;
  }

  /** `b.insert(index, item)`: one byte before `index` (clamped). */
  insert(index: number | bigint, item: unknown): void {
    let i = asSsizeArg(index);
    const byte = byteValue(item, BYTE_RANGE);
    const n = this.length;
    this.#store.resize(n + 1);
    if (i < 0) {
      i += n;
      if (i < 0) i = 0;
    }
    if (i > n) i = n;
    const data = this.#bytes();
    data.copyWithin(i + 1, i, n);
    data[i] = byte;
  }

  /** `b.remove(value)`: deletes the first occurrence of a byte value. */
  remove(value: unknown): void {
    const byte = byteValue(value, BYTE_RANGE);
    const where = this.#bytes().indexOf(byte);
    if (where < 0) throw new ValueError("value not found in bytearray");
    this.#store.exports.assertResizable();
    this.#setLinear(where, where + 1, new Uint8Array(0));
  }

  /** `b.clear()`. */
  clear(): void {
    this.#store.resize(0);
  }

  /**
   * `b.resize(size)` (3.14): the new length; new bytes are zero.
   */
  resize(size: number | bigint): void {
    const n = asSsizeArg(size);
    // The exact value (a Py_ssize_t printed with %zd), even beyond 2**53.
    if (n < 0) throw new ValueError(`Can only resize to positive sizes, got ${asIndex(size)}`);
    this.#store.resize(n);
  }

  /** `b.copy()`. */
  copy(): ByteArray {
    // The constructor copies its argument, so the bytes handed to it may be a live view.
    return new ByteArray(this.#bytes().slice());
  }

  /** `b.reverse()`: in place. */
  reverse(): void {
    this.#bytes().reverse();
  }

  /**
   * `b == other`: byte-wise equality with any object that exports contiguous
   * memory (`bytes`, `bytearray`, `array`, TypedArrays…), as CPython's
   * `bytearray_richcompare` does.
   */
  equals(other: unknown): boolean {
    return richEquals(this, other);
  }

  /** @internal `bytearray.__eq__`. */
  [RICH_EQ](other: unknown): boolean | typeof NotImplemented {
    if (!isBufferExporter(other)) return NotImplemented;
    let info: BufferInfo;
    try {
      info = getBuffer(other, BufferFlags.SIMPLE);
    } catch {
      return NotImplemented;
    }
    try {
      const theirs = bufferBytes(info);
      const mine = this.#bytes();
      if (theirs.length !== mine.length) return false;
      for (let i = 0; i < mine.length; i++) if (mine[i] !== theirs[i]) return false;
      return true;
    } finally {
      releaseBuffer(info);
    }
  }

  /** `b.hex(sep, bytes_per_sep)`. */
  hex(sep?: unknown, bytesPerSep?: number): string {
    return strhex(this.#bytes(), sep, bytesPerSep);
  }

  /** `repr(b)`: `bytearray(b'…')`. */
  toString(): string {
    return `bytearray(${bytesRepr(this.#bytes(), true)})`;
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

  /** `iter(b)`: the byte values, read live. */
  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.length; i++) yield this.#bytes()[i]!;
  }

  /** Exports the live memory, writable; counted until released. */
  [GET_BUFFER](flags: number): BufferInfo {
    const store = this.#store;
    const info = fillInfo(this, store.buffer, 0, store.size, false, flags);
    store.exports.add(info);
    return info;
  }

  /** Ends one export. */
  [RELEASE_BUFFER](info: BufferInfo): void {
    this.#store.exports.remove(info);
  }
}

/** A Python `bytearray` object. */
export type bytearray = ByteArray;

/**
 * Python's `bytearray(source?)`: callable with or without `new`. `source` is
 * as for `bytes`.
 *
 * @example
 * ```ts
 * const b = bytearray([1, 2]);
 * b.append(3);
 * b.set({ start: 0, stop: 1 }, [9, 9]);
 * b.toString(); // returns "bytearray(b'\\t\\t\\x02\\x03')"
 * b instanceof bytearray; // returns true
 * ```
 */
export const bytearray = callableClass(
  "bytearray",
  ByteArray,
  (source?: unknown): ByteArray => new ByteArray(bytesFromSource(source, "bytearray")),
  {
    /**
     * `bytearray.fromhex(string)`.
     *
     * @example
     * ```ts
     * bytearray.fromhex("0102").length; // returns 2
     * ```
     */
    fromhex(string: unknown): ByteArray {
      return new ByteArray(fromHex(string));
    },
  },
);
