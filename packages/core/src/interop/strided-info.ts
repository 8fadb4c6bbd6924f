/**
 * The answer of an exporter whose memory is one strided array (a scijs or
 * @stdlib ndarray, a Python object seen through Pyodide): NumPy's
 * `array_getbuffer` (`numpy/_core/src/multiarray/buffer.c`). It refuses
 * writes to read-only memory and any contiguity the layout lacks, and
 * leaves out what the request did not ask for (format, shape, strides),
 * keeping the item size as CPython's exporters do.
 *
 * @packageDocumentation
 */

import {
  type BufferInfo,
  BufferError,
  isCContiguous,
  isFContiguous,
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "../index.js";

/**
 * One strided array's memory, in bytes, as an adapter describes it.
 *
 * @example
 * ```ts
 * const memory: StridedMemory = { obj: {}, buf: new ArrayBuffer(8), byteOffset: 6, shape: [4], byteStrides: [-2], itemsize: 2, format: "h", readonly: false, kind: "ndarray" };
 * stridedInfo(memory, BufferFlags.STRIDED).strides; // returns [-2]
 * ```
 */
export interface StridedMemory {
  /** The exporter (the `obj` of each answer). */
  readonly obj: object;
  /** The memory, or a function giving the current memory (one that can be replaced, as a growing wasm heap's is). */
  readonly buf: ArrayBuffer | SharedArrayBuffer | (() => ArrayBuffer | SharedArrayBuffer);
  /** The byte offset of element [0, …, 0]. */
  readonly byteOffset: number;
  /** The length of each dimension. */
  readonly shape: readonly number[];
  /** The byte step of each dimension. */
  readonly byteStrides: readonly number[];
  /** Bytes per item. */
  readonly itemsize: number;
  /** The item format, struct syntax. */
  readonly format: string;
  /** Whether writes are refused. */
  readonly readonly: boolean;
  /** What the refusals call the array ("ndarray", a Python type name). */
  readonly kind: string;
  /** The refusal of a write request on read-only memory (NumPy's "buffer source array is read-only" unless told). */
  readonly readonlyMessage?: string;
}

/**
 * The BufferInfo answering `flags` for `memory`, with NumPy's refusals.
 * When `memory.buf` is a function, the answer's `buf` is an accessor that
 * calls it on every read, as the built-in export of a `WebAssembly.Memory`
 * does, so consumers follow the memory when it is replaced.
 *
 * @param memory - the array
 * @param flags - the request
 * @returns a BufferInfo for `getBuffer` to check
 * @throws BufferError "buffer source array is read-only" for WRITABLE on read-only memory,
 *   and "<kind> is not C-contiguous" (Fortran, contiguous) for a contiguity the layout lacks
 *
 * @example
 * ```ts
 * const memory = { obj: {}, buf: new ArrayBuffer(24), byteOffset: 0, shape: [2, 3], byteStrides: [4, 8], itemsize: 4, format: "i", readonly: true, kind: "ndarray" };
 * stridedInfo(memory, BufferFlags.F_CONTIGUOUS).shape; // returns [2, 3]
 * stridedInfo(memory, BufferFlags.C_CONTIGUOUS); // throws BufferError "ndarray is not C-contiguous"
 * stridedInfo(memory, BufferFlags.STRIDED); // throws BufferError "buffer source array is read-only"
 * ```
 */
export function stridedInfo(memory: StridedMemory, flags: number): BufferInfo {
  const { shape, byteStrides, itemsize, kind } = memory;
  const len = shape.reduce((product, length) => product * length, 1) * itemsize;
  const layout = { len, itemsize, ndim: shape.length, shape, strides: byteStrides, suboffsets: null };
  const cContiguous = isCContiguous(layout);
  const fContiguous = isFContiguous(layout);
  // array_getbuffer's checks, in its order, with its wording.
  if (requestsCContiguous(flags) && !cContiguous) throw new BufferError(`${kind} is not C-contiguous`);
  if (requestsFContiguous(flags) && !fContiguous) throw new BufferError(`${kind} is not Fortran contiguous`);
  if (requestsAnyContiguous(flags) && !cContiguous && !fContiguous) throw new BufferError(`${kind} is not contiguous`);
  if (!requestsStrides(flags) && !cContiguous) throw new BufferError(`${kind} is not C-contiguous`);
  if (requestsWritable(flags) && memory.readonly) {
    throw new BufferError(memory.readonlyMessage ?? "buffer source array is read-only");
  }
  const shaped = requestsShape(flags);
  const info = {
    obj: memory.obj as object | null,
    buf: undefined as unknown as ArrayBuffer,
    offset: memory.byteOffset,
    len,
    readonly: memory.readonly,
    itemsize,
    format: requestsFormat(flags) ? memory.format : null,
    ndim: shaped ? shape.length : 1,
    shape: shaped ? shape.slice() : null,
    strides: requestsStrides(flags) ? byteStrides.slice() : null,
    suboffsets: null,
  };
  const buf = memory.buf;
  if (typeof buf === "function") Object.defineProperty(info, "buf", { enumerable: true, get: buf });
  else info.buf = buf as ArrayBuffer;
  return info;
}
