/**
 * Request flags, with the values of CPython's `PyBUF_*` constants, and the
 * predicates that read them.
 *
 * The predicates follow the `REQ_*` macros of `Objects/memoryobject.c`: a
 * compound flag such as `C_CONTIGUOUS` is requested only when all of its bits
 * are set, so `0x20` alone asks for nothing.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";

/**
 * The request flags of PEP 3118, with CPython's values (`Include/pybuffer.h`).
 *
 * `READ` and `WRITE` belong to `PyMemoryView_FromMemory`, not to buffer
 * requests: {@link getBuffer} refuses either one on its own, as
 * `PyObject_GetBuffer` does.
 *
 * @example
 * ```ts
 * BufferFlags.FULL_RO; // returns 0x11c
 * ```
 * @example
 * ```ts
 * BufferFlags.STRIDED === (BufferFlags.STRIDES | BufferFlags.WRITABLE); // returns true
 * ```
 */
export const BufferFlags = Object.freeze({
  SIMPLE: 0,
  WRITABLE: 0x0001,
  FORMAT: 0x0004,
  ND: 0x0008,
  STRIDES: 0x0018,
  C_CONTIGUOUS: 0x0038,
  F_CONTIGUOUS: 0x0058,
  ANY_CONTIGUOUS: 0x0098,
  INDIRECT: 0x0118,
  CONTIG: 0x0009,
  CONTIG_RO: 0x0008,
  STRIDED: 0x0019,
  STRIDED_RO: 0x0018,
  RECORDS: 0x001d,
  RECORDS_RO: 0x001c,
  FULL: 0x011d,
  FULL_RO: 0x011c,
  READ: 0x0100,
  WRITE: 0x0200,
} as const);

/**
 * The name of one of the {@link BufferFlags}.
 *
 * @example
 * ```ts
 * const name: BufferFlagName = "STRIDED_RO";
 * BufferFlags[name]; // returns 0x18
 * ```
 */
export type BufferFlagName = keyof typeof BufferFlags;

/**
 * Whether the consumer asked for a writable buffer (`REQ_WRITABLE`).
 *
 * @param flags - request flags
 * @returns true when `WRITABLE` is set
 *
 * @example
 * ```ts
 * requestsWritable(BufferFlags.STRIDED); // returns true
 * ```
 * @example
 * ```ts
 * requestsWritable(BufferFlags.FULL_RO); // returns false
 * ```
 */
export function requestsWritable(flags: number): boolean {
  return (flags & BufferFlags.WRITABLE) === BufferFlags.WRITABLE;
}

/**
 * Whether the consumer asked for `format` (`REQ_FORMAT`). Without it, the
 * exporter must leave `format` null, which means unsigned bytes (`"B"`).
 *
 * @param flags - request flags
 * @returns true when `FORMAT` is set
 *
 * @example
 * ```ts
 * requestsFormat(BufferFlags.RECORDS_RO); // returns true
 * ```
 * @example
 * ```ts
 * requestsFormat(BufferFlags.STRIDED_RO); // returns false
 * ```
 */
export function requestsFormat(flags: number): boolean {
  return (flags & BufferFlags.FORMAT) === BufferFlags.FORMAT;
}

/**
 * Whether the consumer asked for `shape` (`REQ_SHAPE`, that is `ND`).
 *
 * @param flags - request flags
 * @returns true when every bit of `ND` is set
 *
 * @example
 * ```ts
 * requestsShape(BufferFlags.CONTIG_RO); // returns true
 * ```
 * @example
 * ```ts
 * requestsShape(BufferFlags.WRITABLE); // returns false
 * ```
 */
export function requestsShape(flags: number): boolean {
  return (flags & BufferFlags.ND) === BufferFlags.ND;
}

/**
 * Whether the consumer asked for `strides` (`REQ_STRIDES`). Without it, the
 * exporter must leave `strides` null and its memory must be C-contiguous.
 *
 * @param flags - request flags
 * @returns true when every bit of `STRIDES` is set
 *
 * @example
 * ```ts
 * requestsStrides(BufferFlags.STRIDED_RO); // returns true
 * ```
 * @example
 * ```ts
 * requestsStrides(BufferFlags.ND); // returns false
 * ```
 */
export function requestsStrides(flags: number): boolean {
  return (flags & BufferFlags.STRIDES) === BufferFlags.STRIDES;
}

/**
 * Whether the consumer accepts `suboffsets` (`REQ_INDIRECT`). Without it, an
 * exporter whose memory needs suboffsets must refuse the request.
 *
 * @param flags - request flags
 * @returns true when every bit of `INDIRECT` is set
 *
 * @example
 * ```ts
 * requestsIndirect(BufferFlags.FULL_RO); // returns true
 * ```
 * @example
 * ```ts
 * requestsIndirect(BufferFlags.READ); // returns false
 * ```
 */
export function requestsIndirect(flags: number): boolean {
  return (flags & BufferFlags.INDIRECT) === BufferFlags.INDIRECT;
}

/**
 * Whether the consumer asked for C-contiguous memory (`REQ_C_CONTIGUOUS`).
 *
 * @param flags - request flags
 * @returns true when every bit of `C_CONTIGUOUS` is set
 *
 * @example
 * ```ts
 * requestsCContiguous(BufferFlags.C_CONTIGUOUS | BufferFlags.FORMAT); // returns true
 * ```
 * @example
 * ```ts
 * requestsCContiguous(0x20); // returns false
 * ```
 */
export function requestsCContiguous(flags: number): boolean {
  return (flags & BufferFlags.C_CONTIGUOUS) === BufferFlags.C_CONTIGUOUS;
}

/**
 * Whether the consumer asked for Fortran-contiguous memory (`REQ_F_CONTIGUOUS`).
 *
 * @param flags - request flags
 * @returns true when every bit of `F_CONTIGUOUS` is set
 *
 * @example
 * ```ts
 * requestsFContiguous(BufferFlags.F_CONTIGUOUS); // returns true
 * ```
 * @example
 * ```ts
 * requestsFContiguous(BufferFlags.C_CONTIGUOUS); // returns false
 * ```
 */
export function requestsFContiguous(flags: number): boolean {
  return (flags & BufferFlags.F_CONTIGUOUS) === BufferFlags.F_CONTIGUOUS;
}

/**
 * Whether the consumer asked for memory contiguous in either order
 * (`REQ_ANY_CONTIGUOUS`).
 *
 * @param flags - request flags
 * @returns true when every bit of `ANY_CONTIGUOUS` is set
 *
 * @example
 * ```ts
 * requestsAnyContiguous(BufferFlags.ANY_CONTIGUOUS); // returns true
 * ```
 * @example
 * ```ts
 * requestsAnyContiguous(BufferFlags.STRIDES); // returns false
 * ```
 */
export function requestsAnyContiguous(flags: number): boolean {
  return (flags & BufferFlags.ANY_CONTIGUOUS) === BufferFlags.ANY_CONTIGUOUS;
}

/**
 * Asserts that `flags` is a request: an integer from 0 to 2^31 - 1 that is
 * not `READ` or `WRITE` alone. Those two belong to
 * `PyMemoryView_FromMemory`; `PyObject_GetBuffer` and `PyBuffer_FillInfo`
 * reject them as a bad internal call, and so do we, with a `ValueError`.
 *
 * @param flags - the value to check
 * @throws TypeError when `flags` is not an integer in range
 * @throws ValueError when `flags` is `READ` or `WRITE`
 *
 * @example
 * ```ts
 * assertRequestFlags(BufferFlags.FULL_RO); // returns undefined
 * ```
 * @example
 * ```ts
 * assertRequestFlags(BufferFlags.READ); // throws ValueError
 * ```
 */
export function assertRequestFlags(flags: unknown): asserts flags is number {
  if (typeof flags !== "number" || !Number.isInteger(flags) || flags < 0 || flags > 0x7fffffff) {
    throw new TypeError(`buffer request flags must be a non-negative 32-bit integer, not ${String(flags)}`);
  }
  if (flags === BufferFlags.READ || flags === BufferFlags.WRITE) {
    throw new ValueError("READ and WRITE are flags of PyMemoryView_FromMemory, not buffer requests");
  }
}
