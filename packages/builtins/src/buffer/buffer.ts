/**
 * Python 2.7's `buffer` (`Objects/bufferobject.c`): a window of `size`
 * bytes at `offset` into another object's memory, or into memory of its own
 * (`buffer.new`), read-only or read-write.
 *
 * As in 2.7 it keeps no pointer: every access asks its base again
 * (`get_buf`), clamping the window to what the base holds now, so a base
 * that shrinks shrinks the buffer and an offset past the end gives an empty
 * one. A base speaking the new protocol is asked through an export that is
 * released when the access ends; while a consumer holds an export of the
 * buffer itself, the base's export is held too (2.7 could not do that, and
 * a `bytearray` could be resized under it; here the resize is refused).
 *
 * The repr prints addresses as 2.7 did; JavaScript has none, so they are
 * stable fake ones (see `object-id.ts`).
 *
 * @packageDocumentation
 */
import {
  BufferFlags,
  GET_BUFFER,
  IndexError,
  MemoryError,
  RELEASE_BUFFER,
  ValueError,
  fillInfo,
  allocateBytes,
  getBuffer,
  isBufferExporter,
  pythonTypeName,
  releaseBuffer,
  type BufferInfo,
} from "@mv/core";
import { formatAddress, objectId } from "../object-id.js";
import { isIndex } from "../python/as-index.js";
import { callableClass } from "../python/callable-class.js";
import { isSliceLike, sliceIndices, type SliceLike, unpackSlice } from "../python/slice-indices.js";
import { baseBytes, type BufferKind } from "./base-bytes.js";
import { hash27 } from "./buffer-hash.js";
import {
  GET_CHAR_BUFFER,
  GET_READ_BUFFER,
  GET_SEGMENT_COUNT,
  GET_WRITE_BUFFER,
  hasOldBufferProcs,
  isOneSegment,
  type OldBufferProcs,
} from "./old-buffer-procs.js";
import { ssizeArg27 } from "./ssize-arg.js";

/** `Py_END_OF_BUFFER`: a size that means "to the end of the base". */
const END_OF_BUFFER = -1;

/** sizeof(PyBufferObject) on LP64: `buffer.new` memory follows the object. */
const OBJECT_SIZE = 64n;

const BAD_ARGUMENT = "bad argument type for built-in operation";
const NOT_ONE_SEGMENT = "single-segment buffer object expected";

interface Window {
  readonly bytes: Uint8Array;
  release(): void;
}

function noRelease(): void {}

/**
 * The old read buffer of any object, for the right operand of `concat` and
 * of assignments (`PyErr_BadArgument` when it has none).
 */
function readBufferOf(value: unknown): Window {
  if (hasOldBufferProcs(value)) {
    // bf_getsegcount comes first, and a buffer's is get_buf(ANY_BUFFER): a
    // writable buffer over a read-only base fails there even though its read
    // buffer exists, and 2.7 replaces that error with its own.
    if (!isOneSegment(value)) throw new TypeError(NOT_ONE_SEGMENT);
    return { bytes: value[GET_READ_BUFFER](), release: noRelease };
  }
  // baseBytes reads `writable` for the kind "any" only.
  if (isBufferExporter(value)) return baseBytes(value as object, "read", false);
  throw new TypeError(BAD_ARGUMENT);
}

/** The index of `buffer[i]` (2.7: `PyNumber_AsSsize_t(item, PyExc_IndexError)`). */
function itemIndex(key: number | bigint | boolean): number {
  const big = BigInt(key);
  if (big > 2n ** 63n - 1n || big < -(2n ** 63n)) {
    throw new IndexError("cannot fit 'long' into an index-sized integer");
  }
  return Number(big);
}

/**
 * The instances `buffer(...)` returns (create them with `buffer`,
 * `buffer.fromReadWriteObject` or `buffer.new`).
 *
 * @example
 * ```ts
 * buffer.new(1) instanceof LegacyBuffer; // returns true
 * ```
 */
export class LegacyBuffer implements OldBufferProcs, Iterable<Uint8Array> {
  /** The Python type name, for error messages. */
  static readonly pythonName = "buffer";
  readonly #base: object | null;
  readonly #memory: Uint8Array | null;
  readonly #size: number;
  readonly #offset: number;
  readonly #readonly: boolean;
  #hash: bigint | undefined;
  readonly #exports = new Map<object, () => void>();

  /** @internal `buffer_from_memory`; use `buffer(...)`, `buffer.fromReadWriteObject` or `buffer.new`. */
  constructor(base: object | null, size: number, offset: number, memory: Uint8Array | null, readonly: boolean) {
    if (size < 0 && size !== END_OF_BUFFER) throw new ValueError("size must be zero or positive");
    if (offset < 0) throw new ValueError("offset must be zero or positive");
    this.#base = base;
    this.#size = size;
    this.#offset = offset;
    this.#memory = memory;
    this.#readonly = readonly;
  }

  /** @internal `buffer_from_object`: a buffer of a buffer refers to the base object. */
  static fromObject(base: object, size: number, offset: number, readonly: boolean): LegacyBuffer {
    if (offset < 0) throw new ValueError("offset must be zero or positive");
    if (base instanceof LegacyBuffer && base.#base !== null) {
      if (base.#size !== END_OF_BUFFER) {
        const baseSize = Math.max(base.#size - offset, 0);
        size = size === END_OF_BUFFER ? baseSize : Math.min(size, baseSize);
      }
      offset += base.#offset;
      base = base.#base;
    }
    return new LegacyBuffer(base, size, offset, null, readonly);
  }

  // get_buf: the current window, re-read from the base.
  #window(kind: BufferKind): Window {
    if (this.#base === null) {
      return { bytes: this.#memory!.subarray(0, this.#size), release: noRelease };
    }
    // A base that is itself a buffer is buffer.new's (fromObject composes any
    // other onto its base): its read, write and char buffers are all its own
    // writable memory, which its export gives too, so every base is asked
    // through the new protocol.
    const whole = baseBytes(this.#base, kind, !this.#readonly);
    // apply constraints to the start/end (subarray clamps the end to count,
    // as 2.7's `if (*size > count - offset) *size = count - offset;` does)
    const count = whole.bytes.length;
    const offset = Math.min(this.#offset, count);
    const size = this.#size === END_OF_BUFFER ? count : this.#size;
    return { bytes: whole.bytes.subarray(offset, offset + size), release: whole.release };
  }

  #read<T>(kind: BufferKind, use: (bytes: Uint8Array) => T): T {
    const window = this.#window(kind);
    try {
      return use(window.bytes);
    } finally {
      window.release();
    }
  }

  /** `len(b)`, as the base is now. */
  get length(): number {
    return this.#read("any", (bytes) => bytes.length);
  }

  /** `b[i]`: a 1-byte `Uint8Array` (2.7 returned a 1-character str). */
  get(key: number | bigint | SliceLike): Uint8Array {
    if (isIndex(key)) {
      let i = itemIndex(key);
      return this.#read("any", (bytes) => {
        if (i < 0) i += bytes.length;
        if (i < 0 || i >= bytes.length) throw new IndexError("buffer index out of range");
        return Uint8Array.of(bytes[i]!);
      });
    }
    if (isSliceLike(key)) return this.#slice(key);
    throw new TypeError("sequence index must be integer");
  }

  #slice(slice: SliceLike): Uint8Array {
    // _PySlice_Unpack runs before get_buf (its bounds read once), and
    // _PySlice_AdjustIndices after, on the base's length as it is then.
    const unpacked = unpackSlice(slice);
    return this.#read("any", (bytes) => {
      const { start, step, length } = sliceIndices(bytes.length, unpacked);
      return Uint8Array.from({ length }, (_, i) => bytes[start + i * step]!);
    });
  }

  /** `b[start:stop:step]`: a copy of the bytes; null or undefined is None. */
  slice(start?: number | bigint | null, stop?: number | bigint | null, step?: number | bigint | null): Uint8Array {
    return this.#slice({ start, stop, step });
  }

  /**
   * `b[key] = value` for a writable buffer: one byte at an index (`value`
   * must export exactly one byte), or a slice of the same length as
   * `value`'s bytes.
   */
  set(key: number | bigint | SliceLike, value: unknown): void {
    if (this.#readonly) throw new TypeError("buffer is read-only");
    const source = readBufferOf(value);
    let other: Uint8Array;
    try {
      other = source.bytes.slice();
    } finally {
      source.release();
    }
    if (isIndex(key)) {
      let i = itemIndex(key);
      this.#read("any", (bytes) => {
        if (i < 0) i += bytes.length;
        if (i < 0 || i >= bytes.length) throw new IndexError("buffer assignment index out of range");
        if (other.length !== 1) throw new TypeError("right operand must be a single byte");
        bytes[i] = other[0]!;
      });
      return;
    }
    if (!isSliceLike(key)) throw new TypeError("buffer indices must be integers");
    const unpacked = unpackSlice(key);
    this.#read("any", (bytes) => {
      const { start, step, length } = sliceIndices(bytes.length, unpacked);
      if (other.length !== length) {
        throw new TypeError("right operand length must match slice length");
      }
      for (let i = 0, cur = start; i < length; i++, cur += step) bytes[cur] = other[i]!;
    });
  }

  /**
   * `b + other`: the bytes of both, concatenated. As in 2.7, an empty
   * buffer returns `other` itself.
   */
  concat<T>(other: T): Uint8Array | T {
    // 2.7 checks the operand's segments before reading itself, so even an
    // empty buffer refuses an operand that is not one segment.
    const theirs = readBufferOf(other);
    try {
      return this.#read("any", (mine): Uint8Array | T => {
        if (mine.length === 0) return other;
        const out = allocateBytes(mine.length + theirs.bytes.length);
        out.set(mine);
        out.set(theirs.bytes, mine.length);
        return out;
      });
    } finally {
      theirs.release();
    }
  }

  /** `b * count`: the bytes repeated (a negative count gives none). */
  repeat(count: number | bigint): Uint8Array {
    if (!isIndex(count)) {
      throw new TypeError(`can't multiply sequence by non-int of type '${pythonTypeName(count)}'`);
    }
    const n = Math.max(Number(count), 0);
    return this.#read("any", (bytes) => {
      const size = bytes.length;
      // Nothing to repeat costs nothing, however large the count.
      if (size === 0 || n === 0) return new Uint8Array(0);
      // buffer_repeat: "result too large" where the size cannot be counted.
      if (n > Number.MAX_SAFE_INTEGER / size) throw new MemoryError("result too large");
      const out = allocateBytes(size * n);
      out.set(bytes, 0);
      // Doubling copies: log2(n) calls, not n.
      for (let filled = size; filled < out.length; filled *= 2) out.copyWithin(filled, 0, Math.min(filled, out.length - filled));
      return out;
    });
  }

  /**
   * `cmp(b, other)` for two buffers: -1, 0 or 1, bytes first, then length
   * (`buffer_compare`).
   */
  compare(other: LegacyBuffer): -1 | 0 | 1 {
    if (!(other instanceof LegacyBuffer)) {
      throw new TypeError(`buffer.compare() argument must be a buffer, not ${pythonTypeName(other)}`);
    }
    return this.#read("any", (mine) =>
      other.#read("any", (theirs) => {
        const n = Math.min(mine.length, theirs.length);
        for (let i = 0; i < n; i++) {
          if (mine[i] !== theirs[i]) return Math.sign(mine[i]! - theirs[i]!) as -1 | 1;
        }
        return mine.length < theirs.length ? -1 : mine.length > theirs.length ? 1 : 0;
      }),
    );
  }

  /** `b == other`: another buffer comparing equal; false for anything else. */
  equals(other: unknown): boolean {
    return other instanceof LegacyBuffer && this.compare(other) === 0;
  }

  /**
   * `hash(b)`: 2.7's string hash of the bytes (a signed 64-bit integer, as a
   * bigint), computed once and cached. Writable buffers refuse.
   */
  hash(): bigint {
    if (this.#hash !== undefined) return this.#hash;
    if (!this.#readonly) throw new TypeError("writable buffers are not hashable");
    this.#hash = this.#read("any", hash27);
    return this.#hash;
  }

  /** `str(b)`: a copy of the bytes. */
  tobytes(): Uint8Array {
    return this.#read("any", (bytes) => bytes.slice());
  }

  /**
   * `repr(b)`: `<read-only buffer for 0x…, size -1, offset 0 at 0x…>`, or
   * `<read-write buffer ptr 0x…, size 4 at 0x…>` for `buffer.new`.
   */
  toString(): string {
    const status = this.#readonly ? "read-only" : "read-write";
    const self = objectId(this);
    if (this.#base === null) {
      return `<${status} buffer ptr ${formatAddress(self + OBJECT_SIZE)}, size ${this.#size} at ${formatAddress(self)}>`;
    }
    return `<${status} buffer for ${formatAddress(objectId(this.#base))}, size ${this.#size}, offset ${this.#offset} at ${formatAddress(self)}>`;
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

  /** `iter(b)`: each byte as a 1-byte `Uint8Array`, re-reading the base. */
  *[Symbol.iterator](): Iterator<Uint8Array> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** `bf_getreadbuffer`: the window's bytes, for a reading legacy consumer. */
  [GET_READ_BUFFER](): Uint8Array {
    return this.#read("read", (bytes) => bytes);
  }

  /** `bf_getwritebuffer`: the window's bytes for writing (TypeError when read-only). */
  [GET_WRITE_BUFFER](): Uint8Array {
    if (this.#readonly) throw new TypeError("buffer is read-only");
    return this.#read("write", (bytes) => bytes);
  }

  /** `bf_getsegcount`: 1, once get_buf(ANY_BUFFER) succeeds. */
  [GET_SEGMENT_COUNT](): number {
    return this.#read("any", () => 1);
  }

  /** `bf_getcharbuffer`: the window's bytes as characters. */
  [GET_CHAR_BUFFER](): Uint8Array {
    return this.#read("char", (bytes) => bytes);
  }

  /**
   * Exports the current window (`buffer_getbuffer`): read-only unless made
   * by `fromReadWriteObject` or `new`. The base's export is held until this
   * one is released.
   */
  [GET_BUFFER](flags: number): BufferInfo {
    const window = this.#window("any");
    let info: BufferInfo;
    try {
      const { bytes } = window;
      info = fillInfo(this, bytes.buffer, bytes.byteOffset, bytes.length, this.#readonly, flags);
    } catch (error) {
      window.release();
      throw error;
    }
    this.#exports.set(info, window.release);
    return info;
  }

  /** Ends one export, and the base's export behind it. */
  [RELEASE_BUFFER](info: BufferInfo): void {
    const release = this.#exports.get(info);
    if (release === undefined) return;
    this.#exports.delete(info);
    release();
  }
}

/** A Python 2.7 `buffer` object. */
export type buffer = LegacyBuffer;

function requireBufferObject(obj: unknown): object {
  if (hasOldBufferProcs(obj) || isBufferExporter(obj)) return obj as object;
  throw new TypeError("buffer object expected");
}

function isWritableExporter(obj: unknown): boolean {
  if (hasOldBufferProcs(obj)) return true; // the buffer type has bf_getwritebuffer
  try {
    // getBuffer refuses a non-exporter too.
    releaseBuffer(getBuffer(obj, BufferFlags.FULL));
  } catch {
    return false;
  }
  return true;
}

function optionalSsize(value: unknown, fallback: number): number {
  return value === undefined ? fallback : ssizeArg27(value);
}

/**
 * Python 2.7's `buffer(object, offset=0, size=-1)`: a read-only window on
 * `object`'s memory, callable with or without `new`. `size` -1 means "to
 * the end". `object` may be any exporter (including another `buffer`, whose
 * own base and window are then used).
 *
 * @example
 * ```ts
 * const b = buffer(bytes([97, 115, 100, 102]), 1, 2);
 * Array.from(b.tobytes()); // returns [115, 100]
 * b.length; // returns 2
 * buffer(bytes([1]), -1); // throws ValueError "offset must be zero or positive"
 * buffer(5); // throws TypeError "buffer object expected"
 * ```
 */
export const buffer = callableClass(
  "buffer",
  LegacyBuffer,
  (object?: unknown, offset?: unknown, size?: unknown): LegacyBuffer => {
    if (object === undefined) throw new TypeError("buffer() takes at least 1 argument (0 given)");
    const off = optionalSsize(offset, 0);
    const sz = optionalSsize(size, END_OF_BUFFER);
    return LegacyBuffer.fromObject(requireBufferObject(object), sz, off, true);
  },
  {
    /**
     * `PyBuffer_FromReadWriteObject`: a writable window on a writable
     * exporter (`bytearray`, `array`, a TypedArray…).
     *
     * @example
     * ```ts
     * const data = bytearray([0, 0]);
     * buffer.fromReadWriteObject(data).set(1, bytes([7]));
     * data.get(1); // returns 7
     * buffer.fromReadWriteObject(bytes([1])); // throws TypeError "buffer object expected"
     * ```
     */
    fromReadWriteObject(object: unknown, offset?: unknown, size?: unknown): LegacyBuffer {
      const off = optionalSsize(offset, 0);
      const sz = optionalSsize(size, END_OF_BUFFER);
      if (!isWritableExporter(object)) throw new TypeError("buffer object expected");
      return LegacyBuffer.fromObject(object as object, sz, off, false);
    },

    /**
     * `PyBuffer_New(size)`: a writable buffer over `size` zero bytes of its
     * own.
     *
     * @example
     * ```ts
     * buffer.new(3).tobytes(); // returns Uint8Array [0, 0, 0]
     * buffer.new(-1); // throws ValueError "size must be zero or positive"
     * ```
     */
    new(size: unknown): LegacyBuffer {
      const n = ssizeArg27(size);
      if (n < 0) throw new ValueError("size must be zero or positive");
      return new LegacyBuffer(null, n, 0, allocateBytes(n), false);
    },
  },
);
