/**
 * An export as one side of the strided copy (`layout/strided-copy.ts`): its
 * memory, its byte strides and, where it has them, its suboffset pointers.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./buffer-info.js";
import { impliedByteStrides, impliedShape } from "../layout/implied-layout.js";
import type { StridedSide } from "../layout/strided-copy.js";
import { cByteStrides } from "../layout/c-strides.js";
import { fByteStrides } from "../layout/f-strides.js";

/**
 * The copy side of `info` over its current memory `buf` (from
 * `resolveBuffer`). Suboffsets that are all negative are no pointers.
 *
 * @example
 * ```ts
 * const info = getBuffer(new Uint16Array(4));
 * const side = infoSide(info, resolveBuffer(info));
 * [side.byteOffset, side.byteStrides, side.pointers]; // returns [0, [2], null]
 * ```
 */
export function infoSide(info: BufferInfo, buf: ArrayBuffer | SharedArrayBuffer): StridedSide {
  const suboffsets = info.suboffsets;
  const indirect = suboffsets?.some((s) => s >= 0) ?? false;
  return {
    u8: new Uint8Array(buf),
    pointers: indirect ? { view: new DataView(buf), byteLength: buf.byteLength } : null,
    wordsOf: null,
    byteOffset: info.offset,
    byteStrides: impliedByteStrides(info),
    suboffsets: indirect ? suboffsets : null,
  };
}

/**
 * The copy side of contiguous bytes `u8` holding items of `shape` in C or
 * Fortran order.
 *
 * @example
 * ```ts
 * contiguousSide(new Uint8Array(24), [2, 3], 4, "F").byteStrides; // returns [4, 8]
 * ```
 */
export function contiguousSide(u8: Uint8Array, shape: readonly number[], itemsize: number, order: "C" | "F"): StridedSide {
  return {
    u8,
    pointers: null,
    wordsOf: null,
    byteOffset: 0,
    byteStrides: order === "F" ? fByteStrides(shape, itemsize) : cByteStrides(shape, itemsize),
    suboffsets: null,
  };
}

/**
 * An export and contiguous bytes as the two sides of a copy that visits the
 * items in `order` ("C": last index fastest; "F": first index fastest), as
 * `PyBuffer_ToContiguous` and `PyBuffer_FromContiguous` visit them (the
 * order decides which write lands last where items share bytes). The
 * strided copy visits in C order, so a Fortran-order copy runs over both
 * layouts with their dimensions reversed; null when the export follows
 * pointers, whose dimensions cannot be reversed (the caller walks it item
 * by item).
 *
 * @example
 * ```ts
 * const info = getBuffer(new Uint8Array(6), BufferFlags.FULL_RO);
 * orderedSides({ ...info, ndim: 2, shape: [2, 3], strides: [3, 1] }, resolveBuffer(info), new Uint8Array(6), "F").shape; // returns [3, 2]
 * ```
 */
export function orderedSides(
  info: BufferInfo,
  buf: ArrayBuffer | SharedArrayBuffer,
  bytes: Uint8Array,
  order: "C" | "F",
): { shape: readonly number[]; exported: StridedSide; contiguous: StridedSide } | null {
  const shape = impliedShape(info);
  const exported = infoSide(info, buf);
  const contiguous = contiguousSide(bytes, shape, info.itemsize, order);
  if (order === "C") return { shape, exported, contiguous };
  if (exported.pointers !== null) return null;
  const reversed = (side: StridedSide): StridedSide => ({ ...side, byteStrides: [...side.byteStrides].reverse() });
  return { shape: [...shape].reverse(), exported: reversed(exported), contiguous: reversed(contiguous) };
}
