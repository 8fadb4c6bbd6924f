/**
 * Validation of a BufferInfo received from an exporter: the security
 * boundary of the protocol. Each assertion checks one rule and throws a
 * `BufferError` that names it; `assertValidBufferInfo` runs them all, in the
 * order in which each one's premises are established by the ones before.
 *
 * The rules are PEP 3118's invariants (`len = product(shape) * itemsize`,
 * `itemsize = calcsize(format)`, one entry per dimension, suboffsets only
 * with strides) plus what JavaScript needs in place of trust: every number
 * a safe integer, sizes below 2^53, and every byte any index can reach
 * (negative and zero strides and suboffset pointers resolved) inside `buf`.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { bufferByteLength } from "./brand-checks.js";
import type { BufferInfo } from "./buffer-info.js";
import { isCContiguous, isContiguous, isFContiguous } from "../layout/contiguity.js";
import { assertAttached } from "./detachment.js";
import {
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "./flags.js";
import { fitsInBuffer } from "../layout/fits-in-buffer.js";
import { reachableExtent } from "../layout/reachable-extent.js";
import { sizeFromFormat } from "./size-from-format.js";
import { typeName } from "./type-name.js";

/**
 * The most dimensions an export may have: `PyBUF_MAX_NDIM` in
 * `Include/pybuffer.h`.
 *
 * @example
 * ```ts
 * MAX_NDIM; // returns 64
 * ```
 */
export const MAX_NDIM = 64;

const INVALID = "invalid BufferInfo: ";
const UNMET = "BufferInfo does not meet the request: ";

function describe(x: unknown): string {
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint" || x == null) return String(x);
  return typeName(x);
}

/**
 * Asserts that `buf` is an `ArrayBuffer` or `SharedArrayBuffer` that is not
 * detached, and returns its true byte length.
 *
 * @param buf - the `buf` field
 * @returns buf's byteLength
 * @throws BufferError naming the rule; ValueError when `buf` is detached
 *
 * @example
 * ```ts
 * assertBufIsMemory(new ArrayBuffer(3)); // returns 3
 * ```
 * @example
 * ```ts
 * assertBufIsMemory(new Uint8Array(3)); // throws BufferError
 * ```
 */
export function assertBufIsMemory(buf: unknown): number {
  const byteLength = bufferByteLength(buf);
  if (byteLength < 0) {
    throw new BufferError(`${INVALID}buf must be an ArrayBuffer or SharedArrayBuffer, not ${describe(buf)}`);
  }
  if (byteLength === 0) assertAttached(buf as ArrayBuffer);
  return byteLength;
}

/**
 * Asserts that `itemsize` is a positive safe integer.
 *
 * @example
 * ```ts
 * assertValidItemsize(8); // returns undefined
 * ```
 * @example
 * ```ts
 * assertValidItemsize(0); // throws BufferError
 * ```
 */
export function assertValidItemsize(itemsize: unknown): asserts itemsize is number {
  if (typeof itemsize !== "number" || !Number.isSafeInteger(itemsize) || itemsize <= 0) {
    throw new BufferError(`${INVALID}itemsize must be a positive integer, not ${describe(itemsize)}`);
  }
}

/**
 * Asserts that `format` is null or a struct format whose size is `itemsize`
 * (`PyBuffer_SizeFromFormat(format) == itemsize`).
 *
 * @example
 * ```ts
 * assertItemsizeMatchesFormat(8, "d"); // returns undefined
 * ```
 * @example
 * ```ts
 * assertItemsizeMatchesFormat(4, "d"); // throws BufferError
 * ```
 */
export function assertItemsizeMatchesFormat(itemsize: number, format: unknown): asserts format is string | null {
  if (format === null) return;
  if (typeof format !== "string") {
    throw new BufferError(`${INVALID}format must be a string or null, not ${describe(format)}`);
  }
  let size: number;
  try {
    size = sizeFromFormat(format);
  } catch (error) {
    throw new BufferError(`${INVALID}format ${describe(format)} is not a struct format: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (size !== itemsize) {
    throw new BufferError(`${INVALID}itemsize ${itemsize} does not match format ${describe(format)} (size ${size})`);
  }
}

/**
 * Asserts that `ndim` is an integer from 0 to 64 (`PyBUF_MAX_NDIM`).
 *
 * @example
 * ```ts
 * assertValidNdim(2); // returns undefined
 * ```
 * @example
 * ```ts
 * assertValidNdim(65); // throws BufferError
 * ```
 */
export function assertValidNdim(ndim: unknown): asserts ndim is number {
  if (typeof ndim !== "number" || !Number.isInteger(ndim) || ndim < 0 || ndim > MAX_NDIM) {
    throw new BufferError(`${INVALID}ndim must be an integer from 0 to ${MAX_NDIM}, not ${describe(ndim)}`);
  }
}

/**
 * Asserts that `shape`, `strides` and `suboffsets` agree with `ndim` and
 * with each other: each is null or an array of `ndim` entries; strides need
 * a shape and suboffsets need strides (PEP 3118's INDIRECT implies STRIDES
 * implies ND); without a shape, at most one dimension; shape entries are
 * non-negative safe integers, strides and suboffsets safe integers.
 *
 * @example
 * ```ts
 * assertDimensionsAgree(2, [2, 3], [3, 1], null); // returns undefined
 * ```
 * @example
 * ```ts
 * assertDimensionsAgree(2, [2, 3], [1], null); // throws BufferError
 * ```
 * @example
 * ```ts
 * assertDimensionsAgree(1, [-1], null, null); // throws BufferError
 * ```
 */
export function assertDimensionsAgree(
  ndim: number,
  shape: unknown,
  strides: unknown,
  suboffsets: unknown,
): asserts shape is readonly number[] | null {
  if (shape === null) {
    if (ndim > 1) throw new BufferError(`${INVALID}shape is null but ndim is ${ndim} (at most 1 without a shape)`);
    if (strides !== null) throw new BufferError(`${INVALID}strides require a shape`);
  } else {
    if (!Array.isArray(shape)) throw new BufferError(`${INVALID}shape must be an array or null, not ${describe(shape)}`);
    if (shape.length !== ndim) throw new BufferError(`${INVALID}shape has ${shape.length} entries but ndim is ${ndim}`);
    for (let dim = 0; dim < ndim; dim++) {
      const length = shape[dim];
      if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
        throw new BufferError(`${INVALID}shape[${dim}] must be a non-negative integer below 2^53, not ${describe(length)}`);
      }
    }
  }
  if (strides !== null) {
    if (!Array.isArray(strides)) throw new BufferError(`${INVALID}strides must be an array or null, not ${describe(strides)}`);
    if (strides.length !== ndim) throw new BufferError(`${INVALID}strides has ${strides.length} entries but ndim is ${ndim}`);
    for (let dim = 0; dim < ndim; dim++) {
      const byteStride = strides[dim];
      if (typeof byteStride !== "number" || !Number.isSafeInteger(byteStride)) {
        throw new BufferError(
          `${INVALID}strides[${dim}] must be an integer below 2^53 in magnitude, not ${describe(byteStride)}`,
        );
      }
    }
  }
  if (suboffsets !== null) {
    if (strides === null) throw new BufferError(`${INVALID}suboffsets require strides`);
    if (!Array.isArray(suboffsets)) {
      throw new BufferError(`${INVALID}suboffsets must be an array or null, not ${describe(suboffsets)}`);
    }
    if (suboffsets.length !== ndim) {
      throw new BufferError(`${INVALID}suboffsets has ${suboffsets.length} entries but ndim is ${ndim}`);
    }
    for (let dim = 0; dim < ndim; dim++) {
      const suboffset = suboffsets[dim];
      if (typeof suboffset !== "number" || !Number.isSafeInteger(suboffset)) {
        throw new BufferError(
          `${INVALID}suboffsets[${dim}] must be an integer below 2^53 in magnitude, not ${describe(suboffset)}`,
        );
      }
    }
  }
}

/**
 * Asserts `len = product(shape) * itemsize`, refusing sizes of 2^53 bytes or
 * more. Without a shape, `len` is a multiple of `itemsize` (one item for a
 * 0-dimensional export).
 *
 * @example
 * ```ts
 * assertLenMatchesShape(24, [2, 3], 1, 4); // returns undefined
 * ```
 * @example
 * ```ts
 * assertLenMatchesShape(20, [2, 3], 1, 4); // throws BufferError
 * ```
 */
export function assertLenMatchesShape(
  len: unknown,
  shape: readonly number[] | null,
  ndim: number,
  itemsize: number,
): asserts len is number {
  if (typeof len !== "number" || !Number.isSafeInteger(len) || len < 0) {
    throw new BufferError(`${INVALID}len must be a non-negative integer below 2^53, not ${describe(len)}`);
  }
  if (shape === null) {
    if (ndim === 0 ? len !== itemsize : len % itemsize !== 0) {
      throw new BufferError(
        ndim === 0
          ? `${INVALID}len ${len} of a 0-dimensional export must equal itemsize ${itemsize}`
          : `${INVALID}len ${len} is not a multiple of itemsize ${itemsize}`,
      );
    }
    return;
  }
  let expected = itemsize;
  if (shape.includes(0)) {
    expected = 0;
  } else {
    for (const length of shape) {
      expected *= length;
      if (expected > Number.MAX_SAFE_INTEGER) {
        throw new BufferError(`${INVALID}product(shape) * itemsize exceeds 2^53 bytes`);
      }
    }
  }
  if (len !== expected) {
    throw new BufferError(`${INVALID}len ${len} does not equal product(shape) * itemsize = ${expected}`);
  }
}

/**
 * Asserts that `offset` is a safe integer inside `buf` (or just past its
 * end), and that every byte any index can reach, following negative and
 * zero strides and suboffset pointers, lies inside `buf`. Returns one past
 * the highest such byte: the length `buf` must keep for the export to stay
 * valid.
 *
 * @param info - a BufferInfo whose other fields passed their checks
 * @param buf - the memory (the value of `info.buf`, read once)
 * @returns the end of the reachable extent
 * @throws BufferError naming the bytes that escape
 *
 * @example
 * ```ts
 * const info = { offset: 8, len: 12, itemsize: 4, ndim: 1, shape: [3], strides: [-4], suboffsets: null };
 * assertWithinBuffer(info, new ArrayBuffer(12)); // returns 12
 * ```
 * @example
 * ```ts
 * const info = { offset: 4, len: 12, itemsize: 4, ndim: 1, shape: [3], strides: [-4], suboffsets: null };
 * assertWithinBuffer(info, new ArrayBuffer(12)); // throws BufferError
 * ```
 */
export function assertWithinBuffer(
  info: Pick<BufferInfo, "offset" | "len" | "itemsize" | "ndim" | "shape" | "strides" | "suboffsets">,
  buf: ArrayBuffer | SharedArrayBuffer,
): number {
  const byteLength = bufferByteLength(buf);
  const offset: unknown = info.offset;
  if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0 || offset > byteLength) {
    throw new BufferError(`${INVALID}offset ${describe(offset)} is outside buf (byteLength ${byteLength})`);
  }
  const [startByte, endByte] = reachableExtent(info, buf);
  if (Math.abs(startByte) > Number.MAX_SAFE_INTEGER || (Number.isFinite(endByte) && endByte > Number.MAX_SAFE_INTEGER)) {
    // Stride arithmetic past 2^53 is inexact; such a layout cannot fit any buffer anyway.
    throw new BufferError(`${INVALID}the layout reaches bytes beyond 2^53`);
  }
  if (!fitsInBuffer(startByte, endByte, byteLength)) {
    throw new BufferError(`${INVALID}reachable bytes [${startByte}, ${endByte}) are outside buf (byteLength ${byteLength})`);
  }
  return endByte;
}

/**
 * Runs every structural check on a BufferInfo and returns the end of its
 * reachable extent (see {@link assertWithinBuffer}).
 *
 * @param info - the BufferInfo to check (read field by field; pass a
 *   snapshot when the object may change under you)
 * @returns one past the highest byte of `buf` the export can reach
 * @throws BufferError naming the first broken rule; ValueError for a detached `buf`
 *
 * @example
 * ```ts
 * assertValidBufferInfo(fillInfo(null, new ArrayBuffer(4), 0, 4, false, BufferFlags.FULL_RO)); // returns 4
 * ```
 * @example
 * ```ts
 * const info = { ...fillInfo(null, new ArrayBuffer(4), 0, 4, false, BufferFlags.FULL_RO), len: 5 };
 * assertValidBufferInfo(info); // throws BufferError
 * ```
 */
export function assertValidBufferInfo(info: BufferInfo): number {
  if (typeof info !== "object" || info === null) {
    throw new BufferError(`${INVALID}expected an object, not ${describe(info)}`);
  }
  const buf: unknown = info.buf;
  assertBufIsMemory(buf);
  if (typeof info.readonly !== "boolean") {
    throw new BufferError(`${INVALID}readonly must be a boolean, not ${describe(info.readonly)}`);
  }
  const obj: unknown = info.obj;
  if (obj !== null && typeof obj !== "object" && typeof obj !== "function") {
    throw new BufferError(`${INVALID}obj must be an object or null, not ${describe(obj)}`);
  }
  assertValidItemsize(info.itemsize);
  assertItemsizeMatchesFormat(info.itemsize, info.format);
  assertValidNdim(info.ndim);
  assertDimensionsAgree(info.ndim, info.shape, info.strides, info.suboffsets);
  assertLenMatchesShape(info.len, info.shape, info.ndim, info.itemsize);
  return assertWithinBuffer(info, buf as ArrayBuffer);
}

/**
 * Asserts that a valid BufferInfo answers the request `flags` as PEP 3118
 * and `Doc/c-api/buffer.rst` require: writable when `WRITABLE` was asked;
 * `format` null unless `FORMAT` was asked; `shape` present exactly when `ND`
 * was asked (a 0-dimensional export may omit it); `strides` present exactly
 * when `STRIDES` was asked; `suboffsets` only with `INDIRECT`; and the
 * contiguity a `*_CONTIGUOUS` flag demands.
 *
 * @param info - a BufferInfo that passed {@link assertValidBufferInfo}
 * @param flags - the request it answers
 * @throws BufferError naming the unmet part of the request
 *
 * @example
 * ```ts
 * assertMeetsRequest(fillInfo(null, new ArrayBuffer(4), 0, 4, false, BufferFlags.ND), BufferFlags.ND); // returns undefined
 * ```
 * @example
 * ```ts
 * assertMeetsRequest(fillInfo(null, new ArrayBuffer(4), 0, 4, true, BufferFlags.ND), BufferFlags.CONTIG); // throws BufferError
 * ```
 */
export function assertMeetsRequest(info: BufferInfo, flags: number): void {
  if (requestsWritable(flags) && info.readonly) {
    throw new BufferError(`${UNMET}a read-only buffer for a WRITABLE request`);
  }
  if (!requestsFormat(flags) && info.format !== null) {
    throw new BufferError(`${UNMET}a format without FORMAT in the request`);
  }
  if (requestsShape(flags)) {
    if (info.shape === null && info.ndim > 0) throw new BufferError(`${UNMET}no shape for an ND request`);
  } else if (info.shape !== null) {
    throw new BufferError(`${UNMET}a shape without ND in the request`);
  }
  if (requestsStrides(flags)) {
    if (info.strides === null && info.ndim > 0) throw new BufferError(`${UNMET}no strides for a STRIDES request`);
  } else if (info.strides !== null) {
    throw new BufferError(`${UNMET}strides without STRIDES in the request`);
  }
  if (!requestsIndirect(flags) && info.suboffsets !== null) {
    throw new BufferError(`${UNMET}suboffsets without INDIRECT in the request`);
  }
  if (requestsCContiguous(flags) && !isCContiguous(info)) {
    throw new BufferError(`${UNMET}memory that is not C-contiguous for a C_CONTIGUOUS request`);
  }
  if (requestsFContiguous(flags) && !isFContiguous(info)) {
    throw new BufferError(`${UNMET}memory that is not Fortran contiguous for an F_CONTIGUOUS request`);
  }
  if (requestsAnyContiguous(flags) && !isContiguous(info, "A")) {
    throw new BufferError(`${UNMET}memory that is not contiguous for an ANY_CONTIGUOUS request`);
  }
}
