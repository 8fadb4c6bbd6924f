/**
 * An export seen in elements instead of bytes: what every library built on
 * one TypedArray wants (scijs ndarray, @stdlib/ndarray). A BufferInfo counts
 * bytes (PEP 3118); those libraries count elements of a TypedArray over the
 * whole memory. The conversion is exact only where every byte stride and the
 * byte offset are whole elements; otherwise it fails with `ValueError`
 * rather than reading misaligned items (NumPy accepts such buffers only
 * because its own strides are in bytes).
 *
 * @packageDocumentation
 */

import { type BufferInfo, BufferFlags, ValueError, getBuffer, releaseBuffer, resolveBuffer } from "../index.js";
import { type TypedArrayConstructor, typedArrayOfFormat } from "./typed-array-of-format.js";

/**
 * An export in element units.
 *
 * @example
 * ```ts
 * const layout: ElementLayout = elementLayout(new Int16Array(4));
 * [layout.shape, layout.elemStrides, layout.elemOffset]; // returns [[4], [1], 0]
 * ```
 */
export interface ElementLayout {
  /** The export (RECORDS_RO); give it back with `releaseBuffer` when the arrays made from it are gone. */
  readonly info: BufferInfo;
  /** The TypedArray kind of the items. */
  readonly ctor: TypedArrayConstructor;
  /** One TypedArray over the whole memory of the export, from byte 0. */
  readonly data: ArrayBufferView & ArrayLike<number | bigint>;
  /** The length of each dimension. */
  readonly shape: number[];
  /** The step of each dimension, in elements of `data`. */
  readonly elemStrides: number[];
  /** The index in `data` of element [0, …, 0]. */
  readonly elemOffset: number;
  /** Whether the export is read-only. */
  readonly readonly: boolean;
}

/**
 * Exports `exporter` (RECORDS_RO: strides and format, no suboffsets) and
 * describes it in elements of one TypedArray over its whole memory.
 *
 * @param exporter - anything `getBuffer` accepts
 * @returns the layout; its `info` is a live export
 * @throws ValueError when the format has no TypedArray, or a byte stride or the offset is not whole elements
 * @throws BufferError when the exporter has suboffsets or refuses the request
 *
 * @example
 * ```ts
 * const layout = elementLayout(MemoryView.from(new Float64Array(6)).reshape([2, 3]).transpose());
 * [layout.shape, layout.elemStrides, layout.data.length]; // returns [[3, 2], [1, 3], 6]
 * ```
 * @example
 * ```ts
 * elementLayout(MemoryView.from(new Int16Array(8)).derive({ shape: [5], byteStrides: [3] })); // throws ValueError "dimension 0: a byte stride of 3 is not a whole number of 2-byte elements"
 * ```
 */
export function elementLayout(exporter: unknown): ElementLayout {
  const info = getBuffer(exporter, BufferFlags.RECORDS_RO);
  try {
    const ctor = typedArrayOfFormat(info.format);
    const itemsize = ctor.BYTES_PER_ELEMENT;
    const elemStrides = (info.strides ?? []).map((byteStride, dim) => {
      if (byteStride % itemsize !== 0) {
        throw new ValueError(
          `dimension ${dim}: a byte stride of ${byteStride} is not a whole number of ${itemsize}-byte elements`,
        );
      }
      return byteStride / itemsize;
    });
    if (info.offset % itemsize !== 0) {
      throw new ValueError(`byte offset ${info.offset} is not a whole number of ${itemsize}-byte elements`);
    }
    const buf = resolveBuffer(info);
    const data = new ctor(buf as ArrayBuffer, 0, Math.floor(buf.byteLength / itemsize));
    const shape = [...(info.shape ?? [])];
    return { info, ctor, data, shape, elemStrides, elemOffset: info.offset / itemsize, readonly: info.readonly };
  } catch (error) {
    releaseBuffer(info);
    throw error;
  }
}
