/**
 * `@mv/core/ndarray`: zero-copy adapters between the buffer protocol and the
 * two ndarray libraries of JavaScript, scijs `ndarray`
 * (https://github.com/scijs/ndarray) and `@stdlib/ndarray`
 * (https://github.com/stdlib-js/stdlib). Both keep one TypedArray and count
 * strides and offset in its elements; a BufferInfo counts bytes. Neither
 * library is imported: the functions take their arrays, or their
 * constructor, as arguments.
 *
 * @packageDocumentation
 */

import {
  type BufferExporter,
  BufferError,
  GET_BUFFER,
  ValueError,
  byteExtent,
  formatItemsize,
  isCContiguous,
  isFContiguous,
  releaseBuffer,
} from "../index.js";
import { elementLayout } from "./element-layout.js";
import { releaseWhenCollected } from "./release-when-collected.js";
import { type StridedMemory, stridedInfo } from "./strided-info.js";

/**
 * What {@link fromNdarray} reads of a scijs `ndarray` (`stride`) or an
 * `@stdlib/ndarray` array (`strides`, `flags.READONLY`); strides and offset
 * count elements of `data`.
 *
 * @example
 * ```ts
 * const like: NdarrayLike = { data: new Int16Array(6), shape: [2, 3], stride: [3, 1], offset: 0, dtype: "int16" };
 * MemoryView.from(fromNdarray(like)).shape; // returns [2, 3]
 * ```
 */
export interface NdarrayLike {
  /** The elements (a TypedArray, or stdlib's Complex64Array, Complex128Array or BooleanArray). */
  readonly data: unknown;
  /** The length of each dimension. */
  readonly shape: readonly number[];
  /** The element step of each dimension (scijs). */
  readonly stride?: readonly number[];
  /** The element step of each dimension (@stdlib). */
  readonly strides?: readonly number[];
  /** The index in `data` of element [0, …, 0]. */
  readonly offset: number;
  /** The library's name of the element type (`"float64"`, `"uint8_clamped"`, `"complex128"`, …). */
  readonly dtype?: unknown;
  /** @stdlib's flags; `READONLY` is kept. */
  readonly flags?: { readonly READONLY?: boolean };
}

/**
 * An exporter over an ndarray's memory, holding the array.
 *
 * @example
 * ```ts
 * const a = ndarray(new Int32Array(4));
 * const exporter: NdarrayExporter = fromNdarray(a);
 * exporter.array === a; // returns true
 * ```
 */
export interface NdarrayExporter extends BufferExporter {
  /** The array whose memory is exported. */
  readonly array: NdarrayLike;
}

// The struct format of each dtype of either library (scijs names first).
const FORMAT_OF_DTYPE: Readonly<Record<string, string>> = Object.freeze({
  int8: "b",
  uint8: "B",
  uint8_clamped: "B",
  uint8c: "B",
  buffer: "B",
  binary: "B",
  int16: "h",
  uint16: "H",
  int32: "i",
  uint32: "I",
  bigint64: "q",
  biguint64: "Q",
  int64: "q",
  uint64: "Q",
  float16: "e",
  float32: "f",
  float64: "d",
  complex64: "Zf",
  complex128: "Zd",
  bool: "?",
});

/** The memory under `data`: a TypedArray, or one of stdlib's typed-array-likes (same fields). */
interface ElementStore {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly BYTES_PER_ELEMENT: number;
}

function storeOf(data: unknown, dtype: string): ElementStore {
  const store = data as Partial<ElementStore> | null;
  const buffer = store?.buffer;
  const isMemory =
    (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer === "function" && buffer instanceof SharedArrayBuffer)) &&
    Number.isSafeInteger(store?.byteOffset) &&
    Number.isSafeInteger(store?.byteLength) &&
    Number.isSafeInteger(store?.BYTES_PER_ELEMENT);
  if (!isMemory) {
    const name = Array.isArray(data) ? "Array" : ((data as object | null)?.constructor?.name ?? typeof data);
    throw new TypeError(`fromNdarray: a ${dtype} ndarray over ${name} has no memory to export (it needs a typed array)`);
  }
  return store as ElementStore;
}

function integers(value: unknown, name: string): number[] {
  if (!Array.isArray(value) || !value.every((n) => Number.isSafeInteger(n))) {
    throw new TypeError(`fromNdarray: ${name} must be an array of integers`);
  }
  return value.slice() as number[];
}

/**
 * An exporter over the memory of a scijs `ndarray` or an `@stdlib/ndarray`
 * array, without a copy: element strides and offset become byte strides and
 * offset, stdlib's read-only flag is kept, and requests are answered as
 * NumPy answers them. The array's layout is read once, now.
 *
 * @param x - the array
 * @returns an exporter (give it to `MemoryView.from`, `getBuffer` or `memoryview`)
 * @throws TypeError when `x` is not an ndarray over typed memory (a plain `Array`, say)
 * @throws ValueError for a dtype that has no struct format (`generic`)
 * @throws BufferError when the layout reaches outside `x.data`
 *
 * @example
 * ```ts
 * const a = ndarray(new Float64Array([0, 1, 2, 3, 4, 5]), [2, 3]);
 * const view = MemoryView.from(fromNdarray(a.transpose(1, 0)));
 * [view.shape, view.strides, view.get(2, 1)]; // returns [[3, 2], [8, 24], 5]
 * view.set(0, 0, 42);
 * a.get(0, 0); // returns 42
 * ```
 * @example
 * ```ts
 * const x = new StdlibNdarray("int16", new Int16Array(4), [4], [-1], 3, "row-major", { readonly: true });
 * const view = MemoryView.from(fromNdarray(x));
 * [view.readonly, view.strides, view.format]; // returns [true, [-2], "h"]
 * ```
 */
export function fromNdarray(x: NdarrayLike): NdarrayExporter {
  if (typeof x !== "object" || x === null)
    throw new TypeError(`fromNdarray: expected an ndarray, got ${x === null ? "null" : typeof x}`);
  const stdlib = x.strides !== undefined;
  const dtype = String(x.dtype);
  const format = Object.hasOwn(FORMAT_OF_DTYPE, dtype) ? FORMAT_OF_DTYPE[dtype]! : undefined;
  if (format === undefined) throw new ValueError(`fromNdarray: the dtype '${dtype}' has no struct format`);
  const store = storeOf(x.data, dtype);
  const itemsize = formatItemsize(format);
  if (store.BYTES_PER_ELEMENT !== itemsize) {
    throw new TypeError(
      `fromNdarray: ${dtype} elements are ${itemsize} bytes, but data holds ${store.BYTES_PER_ELEMENT}-byte elements`,
    );
  }
  const shape = integers(x.shape, "shape");
  const elemStrides = integers(stdlib ? x.strides : x.stride, stdlib ? "strides" : "stride");
  if (elemStrides.length !== shape.length || shape.some((n) => n < 0)) {
    throw new TypeError("fromNdarray: shape and strides must have one non-negative length and one stride per dimension");
  }
  if (!Number.isSafeInteger(x.offset)) throw new TypeError("fromNdarray: offset must be an integer");
  const byteStrides = elemStrides.map((elemStride) => elemStride * itemsize);
  const byteOffset = store.byteOffset + x.offset * itemsize;
  // The layout must stay inside `data`, not merely inside its ArrayBuffer.
  const [startByte, endByte] = byteExtent(shape, byteStrides, byteOffset, itemsize);
  const empty = startByte === endByte;
  const dataEnd = store.byteOffset + store.byteLength;
  if (!empty && (startByte < store.byteOffset || endByte > dataEnd)) {
    throw new BufferError(
      `fromNdarray: the array reaches bytes [${startByte}, ${endByte}) outside its data [${store.byteOffset}, ${dataEnd})`,
    );
  }
  const exporter: NdarrayExporter = {
    array: x,
    [GET_BUFFER]: (flags: number) => stridedInfo(memory, flags),
  };
  const memory: StridedMemory = {
    obj: exporter,
    buf: store.buffer,
    // An empty array reaches nothing; its offset only has to lie inside buf.
    byteOffset: empty ? Math.min(Math.max(byteOffset, 0), store.buffer.byteLength) : byteOffset,
    shape,
    byteStrides,
    itemsize,
    format,
    readonly: x.flags?.READONLY === true,
    kind: "ndarray",
  };
  return exporter;
}

/**
 * The scijs `ndarray` function: `ndarray(data, shape, stride, offset)`.
 *
 * @example
 * ```ts
 * const make: ScijsNdarrayFunction<ReturnType<typeof ndarray>> = ndarray;
 * toNdarray(Int8Array.of(1, 2), make).get(1); // returns 2
 * ```
 */
export type ScijsNdarrayFunction<T> = (data: never, shape: number[], stride: number[], offset: number) => T;

/**
 * A scijs `ndarray` over the memory of any exporter, without a copy: byte
 * strides and offset become element strides and offset of one TypedArray
 * over the whole memory. The export is held until the ndarray is
 * garbage-collected. A view of a `WebAssembly.Memory` sees the memory as it
 * is now: after `grow()`, make the ndarray again.
 *
 * @param view - anything `getBuffer` accepts (a MemoryView, a memoryview, a TypedArray, …)
 * @param ndarray - the scijs `ndarray` function (`import ndarray from "ndarray"`)
 * @returns what `ndarray(data, shape, stride, offset)` returns
 * @throws ValueError when a byte stride or the offset is not a whole number of elements,
 *   for a non-native byte order, or for a format that is not one number (no TypedArray holds it)
 * @throws BufferError when the exporter has suboffsets
 *
 * @example
 * ```ts
 * const grid = MemoryView.from(Float64Array.from([0, 1, 2, 3, 4, 5])).reshape([2, 3]);
 * const a = toNdarray(grid.transpose().slice([null, null, -1]), ndarray);
 * [a.shape, a.stride, a.offset, a.get(0, 0)]; // returns [[3, 2], [-1, 3], 2, 2]
 * a.set(0, 1, -1);
 * grid.get(1, 2); // returns -1
 * ```
 * @example
 * ```ts
 * toNdarray(MemoryView.from(new Uint8Array(8)).cast(">h"), ndarray); // throws ValueError
 * ```
 */
export function toNdarray<T>(view: unknown, ndarray: ScijsNdarrayFunction<T>): T {
  if (typeof ndarray !== "function") throw new TypeError("toNdarray: the second argument must be the scijs ndarray function");
  const layout = elementLayout(view);
  const array = ndarray(layout.data as never, layout.shape, layout.elemStrides, layout.elemOffset);
  releaseWhenCollected(array as object, layout.info);
  return array;
}

/**
 * The `@stdlib/ndarray/ctor` constructor: `new ctor(dtype, buffer, shape, strides, offset, order, options)`.
 *
 * @example
 * ```ts
 * const ctor: StdlibNdarrayConstructor<{ get(i: number): number }> = StdlibNdarray;
 * toStdlibNdarray(Float32Array.of(0.5), ctor).get(0); // returns 0.5
 * ```
 */
export type StdlibNdarrayConstructor<T> = new (
  dtype: string,
  buffer: never,
  shape: number[],
  strides: number[],
  offset: number,
  order: "row-major" | "column-major",
  options: { readonly: boolean },
) => T;

// stdlib's dtype for each TypedArray it takes as a buffer (0.4: no 64-bit integers, no float16).
const STDLIB_DTYPE_OF_ARRAY = new Map<unknown, string>([
  [Int8Array, "int8"],
  [Uint8Array, "uint8"],
  [Int16Array, "int16"],
  [Uint16Array, "uint16"],
  [Int32Array, "int32"],
  [Uint32Array, "uint32"],
  [Float32Array, "float32"],
  [Float64Array, "float64"],
]);

/**
 * An `@stdlib/ndarray` array over the memory of any exporter, without a
 * copy, read-only when the export is. Its order is `"column-major"` when the
 * export is Fortran- and not C-contiguous, `"row-major"` otherwise. The
 * export is held until the array is garbage-collected.
 *
 * @param view - anything `getBuffer` accepts
 * @param ctor - the constructor from `@stdlib/ndarray/ctor`
 * @returns the new array
 * @throws ValueError when a byte stride or the offset is not whole elements, or the
 *   format has no stdlib dtype (8-byte integers, `?`, `e`, complex, structs, other byte orders)
 *
 * @example
 * ```ts
 * const samples = Int16Array.from([0, 10, 20, 30, 40, 50]);
 * const x = toStdlibNdarray(MemoryView.from(samples).slice([null, null, 2]), StdlibNdarray);
 * [String(x.dtype), x.shape, x.strides, x.get(2)]; // returns ["int16", [3], [2], 40]
 * x.set(0, -1);
 * samples[0]; // returns -1
 * ```
 * @example
 * ```ts
 * toStdlibNdarray(new BigInt64Array(2), StdlibNdarray); // throws ValueError "@stdlib/ndarray has no dtype for format 'q'"
 * ```
 */
export function toStdlibNdarray<T>(view: unknown, ctor: StdlibNdarrayConstructor<T>): T {
  if (typeof ctor !== "function")
    throw new TypeError("toStdlibNdarray: the second argument must be the @stdlib/ndarray/ctor constructor");
  const layout = elementLayout(view);
  const dtype = STDLIB_DTYPE_OF_ARRAY.get(layout.ctor);
  if (dtype === undefined) {
    releaseBuffer(layout.info);
    throw new ValueError(`@stdlib/ndarray has no dtype for format '${layout.info.format}'`);
  }
  const { shape, elemStrides, info } = layout;
  const order = !isCContiguous(info) && isFContiguous(info) ? "column-major" : "row-major";
  const array = new ctor(dtype, layout.data as never, shape, elemStrides, layout.elemOffset, order, {
    readonly: layout.readonly,
  });
  releaseWhenCollected(array as object, info);
  return array;
}
