/**
 * What the suite expects of the module under test (the adapter): the
 * contract's names, each optional. What a module does not export, the suite
 * skips and reports as skipped; what it exports, it tests in full, unless
 * the module's own `supports` manifest declares a limit.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./protocol/buffer-info.js";
import type { Supports } from "./supports.js";

/** A key for `get` and `set`: index, slice, Ellipsis, or a tuple of those. */
export type ViewKey = number | bigint | object | readonly unknown[];

/** The members of a memoryview SPEC §4.1 names. */
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
  Struct: new (
    format: string,
  ) => {
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

/** One dimension's slice for {@link NdarrayViewLike.slice}: `[start, stop, step]` or `{ start, stop, step }`; null/undefined is None, and a null spec takes the whole dimension. */
export type NdarraySliceSpec =
  | readonly [start?: number | bigint | null, stop?: number | bigint | null, step?: number | bigint | null]
  | { readonly start?: number | bigint | null; readonly stop?: number | bigint | null; readonly step?: number | bigint | null }
  | null
  | undefined;

/**
 * The optional "ndarray extension": an N-dimensional view with NumPy's
 * operations where CPython's memoryview stops (`@mv/core`'s `MemoryView`).
 * Every derivation shares the memory (NumPy views, never copies); NumPy is
 * the reference for results and refusals, CPython's memoryview for item
 * access and its error wording.
 */
export interface NdarrayViewLike {
  readonly format: string;
  readonly itemsize: number;
  readonly ndim: number;
  readonly shape: readonly number[];
  /** Byte strides (NumPy's `a.strides`). */
  readonly strides: readonly number[];
  readonly readonly: boolean;
  readonly nbytes: number;
  readonly cContiguous: boolean;
  readonly fContiguous: boolean;
  readonly released: boolean;
  /** Live buffers exported from this view (`GET_BUFFER` not yet released). */
  readonly exports: number;
  /** The layout: `byteOffset` is the position of item [0, …, 0] in the memory. */
  readonly layout: { readonly byteOffset: number };
  /**
   * `a[i, j, …]` (NumPy's `a.item(i, j, …)`): one index per dimension, none for a 0-d view.
   *
   * @throws IndexError for an index out of range; TypeError for a wrong index count
   */
  get(...indices: (number | bigint)[]): unknown;
  /**
   * `a[i, j, …] = value`: the indices, then the value.
   *
   * @throws TypeError "cannot modify read-only memory"
   */
  set(...args: unknown[]): void;
  /** `a[s0, s1, …]` with slices for the leading dimensions (NumPy basic slicing). */
  slice(...specs: NdarraySliceSpec[]): NdarrayViewLike;
  /** `a[(slice(None),) * dim + (slice(start, stop, step),)]`. */
  sliceDim(
    dim: number,
    start?: number | bigint | null,
    stop?: number | bigint | null,
    step?: number | bigint | null,
  ): NdarrayViewLike;
  /** `a[(slice(None),) * dim + (index,)]`: the dimension disappears (NumPy integer indexing). */
  index(dim: number, index: number | bigint): NdarrayViewLike;
  /** `a.T`. */
  transpose(): NdarrayViewLike;
  /**
   * `np.transpose(a, axes)`: the axes as arguments or as one array.
   *
   * @throws ValueError "axes don't match array", "repeated axis in transpose", NumPy's AxisError message
   */
  permute(...axes: number[] | [readonly number[]]): NdarrayViewLike;
  /**
   * `np.reshape(a, shape, order=order, copy=False)`: one entry may be -1.
   *
   * @throws ValueError "Unable to avoid creating a copy while reshaping." and NumPy's size messages
   */
  reshape(shape: readonly (number | bigint)[], order?: "C" | "F"): NdarrayViewLike;
  /**
   * `memoryview.cast(format, shape)` for a C-contiguous view; NumPy's
   * `a.view(dtype)` (then `reshape(shape, copy=False)`) for any other.
   */
  cast(format: string, shape?: readonly number[]): NdarrayViewLike;
  /** A read-only view of the same items (`toreadonly`; NumPy's `a.view()` with `writeable=False`). */
  toReadonly(): NdarrayViewLike;
  /**
   * `np.lib.stride_tricks.as_strided` over the same export, checked to stay
   * inside it.
   *
   * @throws BufferError when the layout escapes the export or asks to write read-only memory
   */
  derive(options: {
    byteOffset?: number;
    shape?: readonly number[];
    byteStrides?: readonly number[];
    format?: string;
    readonly?: boolean;
  }): NdarrayViewLike;
  /** `a.tobytes(order)`, order "C", "F" or "A". */
  toBytes(order?: "C" | "F" | "A"): Uint8Array;
  /** `a.tolist()`. */
  toList(): unknown;
  /**
   * `a.ravel()` as a TypedArray of the format's element type (the contract's
   * TypedArray ↔ format table): the exporter's memory itself when the view
   * is writable, C-contiguous, aligned and in the host's byte order; a copy
   * otherwise, and always for a read-only view (so it cannot write through).
   *
   * @throws TypeError for a format no TypedArray holds
   */
  toTypedArray(): ArrayLike<unknown> & { readonly buffer: ArrayBufferLike };
  /**
   * `np.copyto(a, source)` for a source of the same format and shape, as if
   * the source were read before anything is written.
   *
   * @throws ValueError for a different structure; TypeError for a read-only view
   */
  copyFrom(source: unknown): void;
  /** `a.fill(value)`, the value checked as `set` checks it. */
  fill(value: unknown): void;
  /** `np.array_equal(a, other)` with memoryview's `==` rules. */
  equals(other: unknown): boolean;
  /** `memoryview.release()`. */
  release(): void;
  [Symbol.iterator](): Iterator<unknown>;
}

/** The class of {@link NdarrayViewLike}: how a view is made from an exporter. */
export interface NdarrayViewClass {
  /**
   * A view of any exporter's memory (`memoryview(obj)`; NumPy's
   * `np.asarray(obj)` without a copy).
   *
   * @param obj - an exporter, or another view
   * @param flags - the buffer request (default `FULL_RO`)
   */
  from(obj: unknown, flags?: number): NdarrayViewLike;
}

/**
 * The buffer protocol's C API beside memoryview (`Doc/c-api/buffer.rst`),
 * over BufferInfos a consumer got from `getBuffer`. Orders are `"C"`, `"F"`
 * and `"A"`; where CPython assumes a valid order, the JavaScript functions
 * check it with memoryview's ValueError "order must be 'C', 'F' or 'A'".
 * Null `shape`/`strides` mean what they mean to memoryview (C order; one
 * dimension of `len / itemsize` items); a 0-dimensional export has none.
 */
export interface BufferApiLike {
  /**
   * `PyBuffer_GetPointer`: the byte offset in `info.buf` of the item at
   * `indices`, following suboffset pointers (SPEC §1.2). Unlike the C
   * function, every index is checked.
   *
   * @param info - an export
   * @param indices - one integer index per dimension (none for 0-d)
   * @returns the byte offset of the item
   * @throws TypeError when the count is not `ndim` or an index is not an integer
   * @throws IndexError "index out of bounds on dimension N" (memoryview's words, 1-based), negative indices too
   * @throws BufferError when a suboffset pointer leads outside `buf`
   */
  getPointer(info: BufferInfo, indices: readonly number[]): number;
  /**
   * `PyBuffer_ToContiguous`: the items in one order; memory already
   * contiguous in `order` is copied as it lies (so `"A"` gives a
   * Fortran-contiguous export's bytes in Fortran order, and anything else in
   * C order).
   *
   * @param info - an export
   * @param order - `"C"` (default), `"F"` or `"A"`
   * @param out - receives the bytes (may share the export's memory); its length must be `info.len`
   * @returns `out`, or a new `Uint8Array`
   * @throws ValueError for a bad order, or an `out` of the wrong length (CPython: "len != view->len")
   */
  toContiguous(info: BufferInfo, order?: string, out?: Uint8Array): Uint8Array;
  /**
   * `PyBuffer_FromContiguous`: contiguous bytes into the items, in C order
   * (`"C"`, `"A"`) or Fortran order; at most `info.len` bytes, and only whole
   * items when the export is not contiguous in `order`.
   *
   * @param info - a writable export
   * @param source - the bytes (any ArrayBufferView, or an ArrayBuffer)
   * @param order - `"C"` (default), `"F"` or `"A"`
   * @throws BufferError for a read-only export
   * @throws ValueError for a bad order
   */
  fromContiguous(info: BufferInfo, source: ArrayBufferView | ArrayBufferLike, order?: string): void;
  /**
   * The copy inside `PyObject_CopyData`, between two exports: `src.len`
   * bytes as they lie when both are C- or both Fortran-contiguous, else item
   * by item (same shape and itemsize required); overlapping memory is copied
   * as if through a temporary.
   *
   * @throws BufferError "destination is too small to receive data from source",
   * for a read-only `dest`, and for different shapes or item sizes
   */
  copyBuffer(dest: BufferInfo, src: BufferInfo): void;
  /**
   * `PyObject_CopyData(dest, src)`: requests FULL of `dest` and FULL_RO of
   * `src`, copies as `copyBuffer` does, releases both.
   *
   * @throws TypeError "both destination and source must be bytes-like objects"
   * @throws BufferError as `copyBuffer`, or as the exporters refuse
   */
  copyData(dest: unknown, src: unknown): void;
  /**
   * `PyBuffer_FillContiguousStrides`: C strides, or Fortran strides for
   * order `"F"` (any other order gives C strides, as in CPython).
   *
   * @param out - receives the strides (a new array by default)
   * @returns `out`, or a new array
   */
  fillContiguousStrides(shape: readonly number[], itemsize: number, order?: string, out?: number[]): number[];
  /**
   * `PyBuffer_IsContiguous(view, order)`: false for any order but C, F, A;
   * never for suboffsets; always for an empty export; length-1 dimensions
   * may have any stride.
   */
  isContiguous(info: BufferInfo, order: string): boolean;
  /** `PyBuffer_IsContiguous(view, 'C')`. */
  isCContiguous(info: BufferInfo): boolean;
  /** `PyBuffer_IsContiguous(view, 'F')`. */
  isFContiguous(info: BufferInfo): boolean;
  /**
   * `PyBuffer_FillInfo`: the answer to `flags` for `len` bytes at `offset`
   * of `buf` (itemsize 1; format "B" only for FORMAT, shape only for ND,
   * strides only for STRIDES); releasing it calls `obj`'s RELEASE_BUFFER,
   * as `PyBuffer_Release` does with `view->obj`.
   *
   * @throws BufferError "Object is not writable." for WRITABLE of read-only
   * bytes, and for bytes outside `buf`
   * @throws for the flags READ and WRITE (CPython 3.12+: SystemError)
   */
  fillInfo(obj: object | null, buf: ArrayBufferLike, offset: number, len: number, readonly: boolean, flags: number): BufferInfo;
  /**
   * `PyBuffer_SizeFromFormat`: `struct.calcsize(format)`.
   *
   * @throws StructError for an invalid format, with struct's words
   */
  sizeFromFormat(format: string): number;
  /**
   * The size of a suboffset pointer slot: 8 (SPEC §1.2's pointer encoding;
   * no CPython counterpart, where a slot is a real `char *`).
   */
  readonly POINTER_SIZE: number;
  /**
   * Reads the suboffset pointer in the 8 bytes at `byteOffset` of `view`:
   * SPEC §1.2's encoding, a native-endian unsigned byte offset into the
   * same `buf` (no CPython counterpart). A pointer of 2**53 or more, which
   * no buffer reaches, reads as `Infinity`, never as a rounded offset. The
   * caller keeps the 8 bytes inside `view`.
   */
  readPointer(view: DataView, byteOffset: number): number;
  /**
   * Stores a suboffset pointer to `targetByteOffset` in the 8 bytes at
   * `byteOffset` of `buf` (SPEC §1.2's encoding, as a PIL-style exporter
   * builds its pointer table; no CPython counterpart).
   *
   * @throws RangeError when `targetByteOffset` is not a non-negative safe integer
   */
  writePointer(buf: ArrayBufferLike, byteOffset: number, targetByteOffset: number): void;
}

/** The functions of {@link BufferApiLike}, in the order the suite reports them. */
export const CAPI_NAMES = [
  "getPointer",
  "toContiguous",
  "fromContiguous",
  "copyBuffer",
  "copyData",
  "fillContiguousStrides",
  "isContiguous",
  "isCContiguous",
  "isFContiguous",
  "fillInfo",
  "sizeFromFormat",
  "readPointer",
  "writePointer",
] as const satisfies readonly (keyof BufferApiLike)[];

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
  readonly MemoryError?: unknown;
  readonly UnicodeEncodeError?: unknown;
  /** The buffer protocol's C API functions (`PyBuffer_GetPointer` and the rest); each optional. */
  readonly capi?: Partial<BufferApiLike>;
  /** The optional N-dimensional view with NumPy's operations (`@mv/core`'s `MemoryView`). */
  readonly MemoryView?: NdarrayViewClass;
  /** Python 2.7's old-buffer C API beside `buffer` (`PyObject_AsReadBuffer` and the rest); each optional. */
  readonly legacyCapi?: Partial<LegacyBufferApiLike>;
}

/**
 * Python 2.7's old-buffer helpers (`Objects/abstract.c`), extended to every
 * exporter as `buffer` is: an object's contiguous export is its one segment
 * (memory it exports only strided is more than one), it has a write buffer
 * when it exports writable memory at all, and character data when it is
 * `bytes`, `bytearray`, a `buffer`, or any exporter but `array` whose items
 * are single bytes (format `B`, `b`, `c` or none). A `buffer` speaks the old
 * protocol itself: its `bf_getsegcount` is `get_buf(ANY_BUFFER)`, and when
 * that fails the helpers replace its error with their own. An error an
 * exporter raises itself (not a `BufferError` refusal) comes through.
 */
export interface LegacyBufferApiLike {
  /**
   * `PyObject_AsReadBuffer(obj, &buffer, &len)`: the object's bytes.
   *
   * @throws TypeError "expected a readable buffer object" for a non-exporter
   * @throws TypeError "expected a single-segment buffer object" when not one segment
   */
  asReadBuffer(obj: unknown): Uint8Array;
  /**
   * `PyObject_AsWriteBuffer(obj, &buffer, &len)`: a view of the object's
   * memory, so writes through it change the object.
   *
   * @throws TypeError "expected a writeable buffer object" for a non-exporter or read-only memory
   * @throws TypeError "expected a single-segment buffer object" when not one segment
   * @throws TypeError "buffer is read-only" for a read-only `buffer` (`buffer_getwritebuf`)
   */
  asWriteBuffer(obj: unknown): Uint8Array;
  /**
   * `PyObject_AsCharBuffer(obj, &buffer, &len)`: the object's character data.
   *
   * @throws TypeError "expected a string or other character buffer object" without character data
   * @throws TypeError "expected a single-segment buffer object" when not one segment
   * @throws TypeError "char buffer type not available" for a `buffer` over an object without character data (`get_buf(CHAR_BUFFER)`)
   */
  asCharBuffer(obj: unknown): Uint8Array;
  /** `PyObject_CheckReadBuffer(obj)`: whether it has a read buffer of one segment; never throws. */
  checkReadBuffer(obj: unknown): boolean;
}

/** The error classes SPEC §3 names. */
export const ERROR_NAMES = [
  "ValueError",
  "IndexError",
  "BufferError",
  "NotImplementedError",
  "OverflowError",
  "StructError",
  "MemoryError",
  "UnicodeEncodeError",
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
