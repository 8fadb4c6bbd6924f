/**
 * What the suite expects of the module under test (the adapter): the
 * contract's names, each optional. What a module does not export, the suite
 * skips and reports as skipped; what it exports, it tests in full, unless
 * the module's own `supports` manifest declares a limit.
 *
 * @packageDocumentation
 */

import type { Supports } from "./supports.js";

/** A key for `get` and `set`: index, slice, Ellipsis, or a tuple of those. */
export type ViewKey = number | bigint | object | readonly unknown[];

/** The members of a memoryview the contract names (section 4). */
export interface MemoryViewLike {
  readonly obj: unknown;
  readonly nbytes: number;
  readonly readonly: boolean;
  readonly itemsize: number;
  readonly format: string;
  readonly ndim: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly suboffsets: readonly number[];
  readonly c_contiguous: boolean;
  readonly f_contiguous: boolean;
  readonly contiguous: boolean;
  readonly length: number;
  readonly released: boolean;
  /**
   * `m[key]`: an item for an index (or a tuple of one index per dimension),
   * a new view sharing the export for a slice, a tuple of slices or
   * Ellipsis.
   *
   * @param key - an index, a slice, Ellipsis, or a tuple of those
   * @returns the item, or a sub-view
   * @throws IndexError for an index out of range
   * @throws ValueError "operation forbidden on released memoryview object" once released
   */
  get(key: unknown): unknown;
  /**
   * `m[key] = value`: writes an item, or, for a slice, the items of another
   * exporter of the same structure.
   *
   * @param key - an index, a slice, Ellipsis, or a tuple of those
   * @param value - the item, or an exporter for a slice
   * @throws TypeError "cannot modify read-only memory" on a read-only view
   * @throws ValueError once released
   */
  set(key: unknown, value: unknown): void;
  /**
   * `m.tobytes(order)`: a copy of the view's bytes, in C order by default
   * (`"F"` Fortran order, `"A"` the memory as it is when contiguous).
   *
   * @param order - `"C"`, `"F"`, `"A"`, or null/undefined for C
   * @returns a new `Uint8Array`
   * @throws ValueError once released
   */
  tobytes(order?: string | null): Uint8Array;
  /**
   * `m.hex(sep, bytes_per_sep)`: the bytes in C order as lowercase hex,
   * optionally with `sep` between groups of `bytesPerSep` bytes.
   *
   * @param sep - the separator: one ASCII character, or one byte
   * @param bytesPerSep - bytes per group (default 1), counted from the
   * right, or from the left when negative
   * @returns the hex string
   * @throws ValueError once released
   */
  hex(sep?: string | Uint8Array, bytesPerSep?: number): string;
  /**
   * `m.tolist()`: the items as nested arrays, one level per dimension (the
   * item itself for a 0-dimensional view).
   *
   * @returns the items
   * @throws ValueError once released
   */
  tolist(): unknown;
  /**
   * `m.toreadonly()`: a read-only view of the same memory, sharing the
   * export.
   *
   * @returns the new view
   * @throws ValueError once released
   */
  toreadonly(): MemoryViewLike;
  /**
   * `m.cast(format, shape)`: a view of the same memory with another format
   * and/or shape, sharing the export. Only C-contiguous views with no zeros
   * in their shape or strides can be cast.
   *
   * @param format - the new single-item format
   * @param shape - the new shape (default: one dimension)
   * @returns the new view
   * @throws TypeError "memoryview: casts are restricted to C-contiguous views",
   * "memoryview: cannot cast view with zeros in shape or strides", and for
   * other refused casts
   * @throws ValueError once released
   */
  cast(format: string, shape?: readonly number[]): MemoryViewLike;
  /**
   * `m.release()`: releases the view; every later use but `released`,
   * `equals`, `toString` and `release` throws ValueError. The export is given back to
   * the exporter once no view sharing it remains. Releasing twice does
   * nothing.
   *
   * @throws BufferError "memoryview has N exported buffer(s)" while buffers
   * exported from this view (through its GET_BUFFER) are held
   */
  release(): void;
  /**
   * `m.count(value)`: how many items equal `value`.
   *
   * @param value - the item to count
   * @returns the count
   * @throws ValueError once released
   */
  count(value: unknown): number;
  /**
   * `m.index(value, start, stop)`: the index of the first item equal to
   * `value` in [start, stop) (negative bounds count from the end).
   *
   * @param value - the item to find
   * @param start - where to start looking
   * @param stop - where to stop looking
   * @returns the index
   * @throws ValueError "memoryview.index(x): x not found", or once released
   */
  index(value: unknown, start?: number, stop?: number): number;
  /**
   * `m == other`: whether `other` is an exporter of the same shape whose
   * items compare equal as values, across formats (NaN never equals). A
   * released view equals only itself.
   *
   * @param other - anything
   * @returns true when equal; false for a non-exporter
   */
  equals(other: unknown): boolean;
  /**
   * `hash(m)`: the hash of `bytes` with the same contents, for read-only
   * views of format `B`, `b` or `c`.
   *
   * @returns the hash
   * @throws ValueError "cannot hash writable memoryview object", "memoryview:
   * hashing is restricted to formats 'B', 'b' or 'c'", or once released
   */
  hash(): number | bigint;
  /**
   * `repr(m)`: `<memory at …>`, or `<released memory at …>` once released.
   *
   * @returns the repr
   */
  toString(): string;
  /**
   * `iter(m)`: the items of a one-dimensional view (for more dimensions,
   * one sub-view per row).
   *
   * @returns an iterator over the first dimension
   */
  [Symbol.iterator](): Iterator<unknown>;
}

/** Python's `struct` module, as the contract names it. */
export interface StructModuleLike {
  /**
   * `struct.calcsize(format)`: the size in bytes of the packed struct.
   *
   * @param format - the struct format
   * @returns the size
   * @throws StructError for a bad format
   */
  calcsize(format: string): number;
  /**
   * `struct.pack(format, *values)`: the values packed by `format`.
   *
   * @param format - the struct format
   * @param values - one value per field
   * @returns the packed bytes
   * @throws StructError for a bad format, the wrong number of values, or a
   * value out of range
   */
  pack(format: string, ...values: unknown[]): Uint8Array;
  /**
   * `struct.unpack(format, buffer)`: the values of a buffer exactly
   * `calcsize(format)` bytes long.
   *
   * @param format - the struct format
   * @param buffer - any exporter
   * @returns one value per field
   * @throws StructError for a bad format or a buffer of the wrong size
   */
  unpack(format: string, buffer: unknown): unknown[];
  /**
   * `struct.pack_into(format, buffer, offset, *values)`: packs the values
   * into a writable buffer at `offset` (negative counts from the end).
   *
   * @param format - the struct format
   * @param buffer - a writable exporter
   * @param offset - where to start writing
   * @param values - one value per field
   * @throws StructError for a bad format or values, or when the struct does
   * not fit at `offset`
   */
  packInto(format: string, buffer: unknown, offset: number, ...values: unknown[]): void;
  /**
   * `struct.unpack_from(format, buffer, offset=0)`: the values of the
   * struct at `offset` (negative counts from the end); the buffer may be
   * longer.
   *
   * @param format - the struct format
   * @param buffer - any exporter
   * @param offset - where the struct starts (default 0)
   * @returns one value per field
   * @throws StructError for a bad format, or when the buffer is too short
   */
  unpackFrom(format: string, buffer: unknown, offset?: number): unknown[];
  /**
   * `struct.iter_unpack(format, buffer)`: the structs of a buffer whose
   * length is a multiple of `calcsize(format)`, one after the other.
   *
   * @param format - the struct format
   * @param buffer - any exporter
   * @returns the values of each struct in turn
   * @throws StructError for a bad or zero-size format, or a buffer whose
   * length is not a multiple of the size
   */
  iterUnpack(format: string, buffer: unknown): Iterable<unknown[]>;
  /** `struct.Struct(format)`: a compiled format, with the functions above as methods. */
  Struct: new (format: string) => {
    /** The format string. */
    readonly format: string;
    /** The size in bytes of the packed struct (`calcsize`). */
    readonly size: number;
    /**
     * `s.pack(*values)`: the values packed by the struct's format.
     *
     * @param values - one value per field
     * @returns the packed bytes
     * @throws StructError for the wrong number of values or a value out of range
     */
    pack(...values: unknown[]): Uint8Array;
    /**
     * `s.unpack(buffer)`: the values of a buffer exactly `size` bytes long.
     *
     * @param buffer - any exporter
     * @returns one value per field
     * @throws StructError for a buffer of the wrong size
     */
    unpack(buffer: unknown): unknown[];
    /**
     * `s.pack_into(buffer, offset, *values)`: packs the values into a
     * writable buffer at `offset` (negative counts from the end).
     *
     * @param buffer - a writable exporter
     * @param offset - where to start writing
     * @param values - one value per field
     * @throws StructError for bad values, or when the struct does not fit at `offset`
     */
    packInto(buffer: unknown, offset: number, ...values: unknown[]): void;
    /**
     * `s.unpack_from(buffer, offset=0)`: the values of the struct at
     * `offset` (negative counts from the end); the buffer may be longer.
     *
     * @param buffer - any exporter
     * @param offset - where the struct starts (default 0)
     * @returns one value per field
     * @throws StructError when the buffer is too short
     */
    unpackFrom(buffer: unknown, offset?: number): unknown[];
    /**
     * `s.iter_unpack(buffer)`: the structs of a buffer whose length is a
     * multiple of `size`, one after the other.
     *
     * @param buffer - any exporter
     * @returns the values of each struct in turn
     * @throws StructError for a zero-size struct, or a buffer whose length
     * is not a multiple of the size
     */
    iterUnpack(buffer: unknown): Iterable<unknown[]>;
  };
}

/** Python 2's `buffer`, as the contract names it. */
export interface LegacyBufferLike {
  /** `len(b)`, as the base is now. */
  readonly length: number;
  /**
   * `b[i]`: one byte, as a 1-byte `Uint8Array` (2.7 returned a 1-character
   * str); a negative index counts from the end.
   *
   * @param index - the byte's index
   * @returns the byte
   * @throws IndexError "buffer index out of range"
   */
  get(index: number): Uint8Array;
  /**
   * `b[start:stop:step]`: a copy of those bytes; null or undefined is None.
   *
   * @param start - the first index
   * @param stop - the index to stop before
   * @param step - the step, negative to go backwards
   * @returns a new `Uint8Array`
   */
  slice(start?: number | null, stop?: number | null, step?: number | null): Uint8Array;
  /**
   * `b[i] = value` for a writable buffer (`fromReadWriteObject`, `new`):
   * writes one byte, through to the base when there is one.
   *
   * @param index - the byte's index
   * @param value - an exporter of exactly one byte
   * @throws TypeError "buffer is read-only" on a read-only buffer
   */
  set(index: number, value: unknown): void;
  /**
   * `b + other`: the bytes of both, concatenated (2.7 returns `other`
   * itself when `b` is empty).
   *
   * @param other - an object with a buffer
   * @returns the bytes
   */
  concat(other: unknown): Uint8Array;
  /**
   * `b * count`: the bytes repeated `count` times (none for 0 or less).
   *
   * @param count - how many times
   * @returns the bytes
   */
  repeat(count: number): Uint8Array;
  /**
   * `cmp(b, other)` for two buffers (`buffer_compare`): the bytes first,
   * then the length, so a prefix compares lower.
   *
   * @param other - another buffer
   * @returns negative, 0 or positive
   */
  compare(other: unknown): number;
  /**
   * `hash(b)`: 2.7's string hash of the bytes, so equal contents hash equal.
   *
   * @returns the hash
   * @throws TypeError "writable buffers are not hashable"
   */
  hash(): number | bigint;
  /**
   * `str(b)`: a copy of the bytes.
   *
   * @returns a new `Uint8Array`
   */
  tobytes(): Uint8Array;
  /**
   * `repr(b)`: `<read-only buffer for 0x…, size 5, offset 6 at 0x…>`, or
   * `<read-write buffer …>` for a writable one.
   *
   * @returns the repr
   */
  toString(): string;
}

/** Any constructor-like function: called with or without `new`. */
export type Callable = (...args: never[]) => unknown;

/**
 * The module an adapter exports. Every member is optional; the error
 * classes are looked up by their contract names.
 *
 * @example
 * ```ts
 * // my-adapter.js
 * export { memoryview, slice, Ellipsis, bytes, bytearray, array, buffer } from "my-impl";
 * export { ValueError, IndexError, BufferError, NotImplementedError, OverflowError, StructError } from "my-impl";
 * export const supports = { maxNdim: 1, suboffsets: false };
 * ```
 */
export interface ImplementationModule {
  /** A name for reports. */
  readonly name?: string;
  /** The implementation's own manifest of optional features. */
  readonly supports?: Partial<Supports>;
  readonly memoryview?: unknown;
  readonly slice?: unknown;
  readonly Ellipsis?: unknown;
  readonly bytes?: unknown;
  readonly bytearray?: unknown;
  readonly array?: unknown;
  readonly buffer?: unknown;
  readonly struct?: Partial<StructModuleLike>;
  readonly getBuffer?: unknown;
  readonly releaseBuffer?: unknown;
  readonly ValueError?: unknown;
  readonly IndexError?: unknown;
  readonly BufferError?: unknown;
  readonly NotImplementedError?: unknown;
  readonly OverflowError?: unknown;
  readonly StructError?: unknown;
}

/** The error classes the contract names (section 3). */
export const ERROR_NAMES = [
  "ValueError",
  "IndexError",
  "BufferError",
  "NotImplementedError",
  "OverflowError",
  "StructError",
] as const;

/**
 * Calls a contract constructor the way the contract allows: `memoryview` may
 * be called with or without `new`; the suite calls plain functions plainly
 * and classes with `new`.
 *
 * @example
 * ```ts
 * construct(impl.bytearray, new Uint8Array([1, 2]));
 * ```
 */
export function construct(ctor: unknown, ...args: unknown[]): unknown {
  if (typeof ctor !== "function") throw new TypeError("not a constructor");
  const source = Function.prototype.toString.call(ctor);
  if (source.startsWith("class")) return Reflect.construct(ctor, args);
  return (ctor as (...a: unknown[]) => unknown)(...args);
}
