/**
 * The BufferInfo of one-dimensional contiguous memory, answering a request
 * the way `PyBuffer_FillInfo` and CPython's `array` exporter do: `format`
 * only for FORMAT, `shape` only for ND, `strides` only for STRIDES, never
 * suboffsets; every contiguity request is met. Every built-in exporter and
 * `fillInfo` build their answers here.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import type { BufferInfo } from "./buffer-info.js";
import { requestsFormat, requestsShape, requestsStrides, requestsWritable } from "./flags.js";
import { attachState } from "./info-state.js";
import { trustedInfo } from "./trusted-exporters.js";
import { registerMemoCache } from "../memo-caches.js";

// Frozen one-entry arrays, shared by every export that needs the same one
// (the last length seen; the strides of each item size).
let lastShape: readonly number[] = Object.freeze([0]);
const stridesBySize = new Map<number, readonly number[]>();
registerMemoCache(() => {
  lastShape = Object.freeze([0]);
  stridesBySize.clear();
});

function shapeOf(length: number): readonly number[] {
  if (lastShape[0] !== length) lastShape = Object.freeze([length]);
  return lastShape;
}

function stridesOf(itemsize: number): readonly number[] {
  let strides = stridesBySize.get(itemsize);
  if (strides === undefined) {
    strides = Object.freeze([itemsize]);
    stridesBySize.set(itemsize, strides);
  }
  return strides;
}

/**
 * One-dimensional contiguous memory to export.
 *
 * @example
 * ```ts
 * const memory: ContiguousExport = { obj: null, buf: new ArrayBuffer(2), byteOffset: 0, byteLength: 2, itemsize: 1, format: "B", readonly: true };
 * contiguousInfo(memory, BufferFlags.SIMPLE).readonly; // returns true
 * ```
 */
export interface ContiguousExport {
  /** The exporter. */
  readonly obj: object | null;
  /** The memory, or a function giving the current memory (WebAssembly.Memory). */
  readonly buf: ArrayBuffer | SharedArrayBuffer | (() => ArrayBuffer | SharedArrayBuffer);
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly itemsize: number;
  readonly format: string;
  readonly readonly: boolean;
  /** Whether `releaseBuffer` of the result calls `obj`'s RELEASE_BUFFER (fillInfo's results do). */
  readonly releasesToObj?: boolean;
}

/**
 * The frozen BufferInfo answering `flags` for contiguous memory.
 *
 * @param memory - what to export
 * @param flags - the request
 * @returns the BufferInfo
 * @throws BufferError "Object is not writable." for a WRITABLE request on read-only memory
 *
 * @example
 * ```ts
 * const memory = { obj: null, buf: new ArrayBuffer(8), byteOffset: 0, byteLength: 8, itemsize: 4, format: "i", readonly: false };
 * const info = contiguousInfo(memory, BufferFlags.STRIDED);
 * [info.format, info.shape, info.strides]; // returns [null, [2], [4]]
 * ```
 */
export function contiguousInfo(memory: ContiguousExport, flags: number): BufferInfo {
  if (requestsWritable(flags) && memory.readonly) {
    // PyBuffer_FillInfo's wording.
    throw new BufferError("Object is not writable.");
  }
  const buf = memory.buf;
  const shape = requestsShape(flags) ? shapeOf(memory.byteLength / memory.itemsize) : null;
  const strides = requestsStrides(flags) ? stridesOf(memory.itemsize) : null;
  const format = requestsFormat(flags) ? memory.format : null;
  if (typeof buf !== "function") {
    return trustedInfo(
      {
        obj: memory.obj,
        buf,
        offset: memory.byteOffset,
        len: memory.byteLength,
        readonly: memory.readonly,
        itemsize: memory.itemsize,
        format,
        ndim: 1,
        shape,
        strides,
      },
      {
        exporter: memory.releasesToObj === true ? memory.obj : null,
        requiredByteLength: memory.byteOffset + memory.byteLength,
        // fillInfo's answers come from a user exporter's arguments: getBuffer
        // snapshots and validates them like any other answer.
        trusted: memory.releasesToObj !== true,
        frozen: true,
      },
    );
  }
  const info: Record<string, unknown> = {
    obj: memory.obj,
    buf: undefined,
    offset: memory.byteOffset,
    len: memory.byteLength,
    readonly: memory.readonly,
    itemsize: memory.itemsize,
    format,
    ndim: 1,
    shape,
    strides,
    suboffsets: null,
  };
  Object.defineProperty(info, "buf", { enumerable: true, get: buf });
  attachState(info, {
    exporter: memory.releasesToObj === true ? memory.obj : null,
    original: info,
    released: false,
    requiredByteLength: memory.byteOffset + memory.byteLength,
  });
  return Object.freeze(info) as unknown as BufferInfo;
}
