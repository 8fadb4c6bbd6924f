/**
 * Copying items between two layouts of the same shape: CPython's
 * `copy_rec` / `copy_base` (`Objects/memoryobject.c`), with a `*_rec` step
 * per outer dimension and a `*_base` loop over the last one, each following
 * suboffsets the same way.
 *
 * The base loop is chosen once per copy:
 * - both rows contiguous: one `Uint8Array.prototype.set` per row (memcpy);
 * - every position aligned to a word size (8, 4 or 2 bytes, dividing the
 *   item size): a loop over TypedArray words, one word or a few per item;
 * - otherwise (or through pointers): item by item, byte by byte.
 *
 * Callers stage the source first when the two may overlap
 * ({@link mayOverlap}); the loops themselves assume they do not.
 *
 * This is the one strided copy of every package: the protocol's
 * `copyBuffer`, `toContiguous` and `fromContiguous` and the views' copies,
 * fills and `tobytes` all run through it.
 *
 * @packageDocumentation
 */

import { FLOAT64_MOVES_KEEP_BITS } from "./float64-moves.js";
import { assertReachedItemInside, followPointerSlot } from "./pointer-slot.js";

type Words = Int32Array | Float64Array | Uint16Array | Uint8Array;

/**
 * A TypedArray constructor of copy words.
 *
 * @example
 * ```ts
 * const ctor: WordArrayConstructor = Float64Array;
 * ctor.BYTES_PER_ELEMENT; // returns 8
 * ```
 */
export type WordArrayConstructor =
  | Int32ArrayConstructor
  | Float64ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor;

/**
 * One side of a copy: memory (from byte 0) and a layout over it, in bytes.
 *
 * @example
 * ```ts
 * const side: StridedSide = { u8: new Uint8Array(4), pointers: null, wordsOf: null, byteOffset: 0, byteStrides: [1], suboffsets: null };
 * side.byteStrides; // returns [1]
 * ```
 */
export interface StridedSide {
  /** The memory, from its byte 0. */
  readonly u8: Uint8Array;
  /**
   * For memory reached through suboffset pointers: a DataView over it (to
   * read the pointers) and how many of its bytes a pointer or an item it
   * leads to may use; null for memory without pointers.
   */
  readonly pointers: { readonly view: DataView; readonly byteLength: number } | null;
  /** Cached word arrays over the memory (a view's managed buffer keeps them), or null to make them. */
  readonly wordsOf: ((ctor: WordArrayConstructor) => Words | null) | null;
  /** The byte position of item [0, …, 0]. */
  readonly byteOffset: number;
  /** The byte step of each dimension. */
  readonly byteStrides: readonly number[];
  /** PIL-style suboffsets, or null. */
  readonly suboffsets: readonly number[] | null;
}

const MEMCPY_MIN_BYTES = 48;

function wordsOf(side: StridedSide, wordSize: number): Words | null {
  const ctor = wordSize === 8 ? Float64Array : wordSize === 4 ? Int32Array : wordSize === 2 ? Uint16Array : Uint8Array;
  if (wordSize === 1) return side.u8;
  if (side.wordsOf !== null) return side.wordsOf(ctor);
  const u8 = side.u8;
  if (u8.byteOffset % wordSize !== 0) return null;
  return new ctor(u8.buffer as ArrayBuffer, u8.byteOffset, Math.floor(u8.length / wordSize)) as Words;
}

function hasPointers(side: StridedSide): boolean {
  const suboffsets = side.suboffsets;
  if (suboffsets === null) return false;
  for (let dim = 0; dim < suboffsets.length; dim++) if (suboffsets[dim]! >= 0) return true;
  return false;
}

function alignedTo(side: StridedSide, wordSize: number): boolean {
  if (side.byteOffset % wordSize !== 0) return false;
  const byteStrides = side.byteStrides;
  for (let dim = 0; dim < byteStrides.length; dim++) if (byteStrides[dim]! % wordSize !== 0) return false;
  return true;
}

/**
 * The largest word size (8, 4, 2 or 1 bytes) that divides `itemsize` and
 * every position of both sides, or 1 when pointers are involved.
 *
 * @example
 * ```ts
 * const side = { u8: new Uint8Array(64), pointers: null, wordsOf: null, byteOffset: 8, byteStrides: [16], suboffsets: null };
 * wordSizeFor(8, side, side); // returns 8
 * ```
 * @example
 * ```ts
 * const odd = { u8: new Uint8Array(64), pointers: null, wordsOf: null, byteOffset: 2, byteStrides: [8], suboffsets: null };
 * wordSizeFor(8, odd, odd); // returns 2
 * ```
 */
export function wordSizeFor(itemsize: number, dst: StridedSide, src: StridedSide): number {
  if (hasPointers(dst) || hasPointers(src)) return 1;
  for (const wordSize of [8, 4, 2]) {
    if (itemsize % wordSize === 0 && alignedTo(dst, wordSize) && alignedTo(src, wordSize)) return wordSize;
  }
  return 1;
}

interface CopyPlan {
  shape: readonly number[];
  itemsize: number;
  dst: StridedSide;
  src: StridedSide;
  kind: number; // 0 bytes, 1 memcpy rows, 2 words
  dstWords: Words;
  srcWords: Words;
  wordSize: number;
}

const BYTES = 0;
const MEMCPY = 1;
const WORDS = 2;

function copyBaseBytes(plan: CopyPlan, dstByte: number, srcByte: number): void {
  const { itemsize, dst, src } = plan;
  const last = plan.shape.length - 1;
  const count = plan.shape[last]!;
  const dstStride = dst.byteStrides[last]!;
  const srcStride = src.byteStrides[last]!;
  const dstSub = dst.suboffsets === null ? -1 : dst.suboffsets[last]!;
  const srcSub = src.suboffsets === null ? -1 : src.suboffsets[last]!;
  const d = dst.u8;
  const s = src.u8;
  for (let i = 0; i < count; i++, dstByte += dstStride, srcByte += srcStride) {
    let dp = dstByte;
    let sp = srcByte;
    if (dstSub >= 0) dp = follow(dst, dp, dstSub);
    if (srcSub >= 0) sp = follow(src, sp, srcSub);
    if (dst.pointers !== null) assertReachedItemInside(dp, itemsize, dst.pointers.byteLength);
    if (src.pointers !== null) assertReachedItemInside(sp, itemsize, src.pointers.byteLength);
    for (let b = 0; b < itemsize; b++) d[dp + b] = s[sp + b]!;
  }
}

function copyBaseMemcpy(plan: CopyPlan, dstByte: number, srcByte: number): void {
  const rowBytes = plan.shape[plan.shape.length - 1]! * plan.itemsize;
  const { dst, src } = plan;
  // Rows reached through pointers are checked as a whole (one item of
  // rowBytes): subarray would silently clamp a row that runs off the end.
  if (dst.pointers !== null) assertReachedItemInside(dstByte, rowBytes, dst.pointers.byteLength);
  if (src.pointers !== null) assertReachedItemInside(srcByte, rowBytes, src.pointers.byteLength);
  const d = dst.u8;
  const s = src.u8;
  if (rowBytes >= MEMCPY_MIN_BYTES) {
    d.set(s.subarray(srcByte, srcByte + rowBytes), dstByte);
  } else {
    for (let b = 0; b < rowBytes; b++) d[dstByte + b] = s[srcByte + b]!;
  }
}

function copyBaseWords(plan: CopyPlan, dstByte: number, srcByte: number): void {
  const last = plan.shape.length - 1;
  const count = plan.shape[last]!;
  const wordSize = plan.wordSize;
  const d = plan.dstWords;
  const s = plan.srcWords;
  const perItem = plan.itemsize / wordSize;
  const dstStep = plan.dst.byteStrides[last]! / wordSize;
  const srcStep = plan.src.byteStrides[last]! / wordSize;
  let dw = dstByte / wordSize;
  let sw = srcByte / wordSize;
  if (perItem === 1) {
    for (let i = 0; i < count; i++, dw += dstStep, sw += srcStep) d[dw] = s[sw]!;
  } else {
    for (let i = 0; i < count; i++, dw += dstStep, sw += srcStep) {
      for (let w = 0; w < perItem; w++) d[dw + w] = s[sw + w]!;
    }
  }
}

/** The pointer at `positionByte` of a side's memory, followed. */
function follow(side: StridedSide, positionByte: number, suboffset: number): number {
  const pointers = side.pointers!;
  return followPointerSlot(pointers.view, pointers.byteLength, positionByte, suboffset);
}

function copyBase(plan: CopyPlan, dstByte: number, srcByte: number): void {
  if (plan.kind === WORDS) copyBaseWords(plan, dstByte, srcByte);
  else if (plan.kind === MEMCPY) copyBaseMemcpy(plan, dstByte, srcByte);
  else copyBaseBytes(plan, dstByte, srcByte);
}

function copyRec(plan: CopyPlan, dim: number, dstByte: number, srcByte: number): void {
  const { shape, dst, src } = plan;
  if (dim === shape.length - 1) {
    copyBase(plan, dstByte, srcByte);
    return;
  }
  const count = shape[dim]!;
  const dstStride = dst.byteStrides[dim]!;
  const srcStride = src.byteStrides[dim]!;
  const dstSub = dst.suboffsets === null ? -1 : dst.suboffsets[dim]!;
  const srcSub = src.suboffsets === null ? -1 : src.suboffsets[dim]!;
  for (let i = 0; i < count; i++, dstByte += dstStride, srcByte += srcStride) {
    const dp = dstSub >= 0 ? follow(dst, dstByte, dstSub) : dstByte;
    const sp = srcSub >= 0 ? follow(src, srcByte, srcSub) : srcByte;
    copyRec(plan, dim + 1, dp, sp);
  }
}

function lastRowContiguous(side: StridedSide, last: number, itemsize: number): boolean {
  return (side.suboffsets === null || side.suboffsets[last]! < 0) && side.byteStrides[last] === itemsize;
}

/**
 * Copies every item of `src` to the same index of `dst`; both have
 * `shape` and `itemsize`. The two must not overlap (see {@link mayOverlap}).
 *
 * @param shape - the common shape
 * @param itemsize - bytes per item
 * @param dst - where the items go
 * @param src - where they come from
 *
 * @example
 * ```ts
 * const src = { u8: Uint8Array.of(1, 2, 3, 4, 5, 6), pointers: null, wordsOf: null, byteOffset: 0, byteStrides: [3, 1], suboffsets: null };
 * const out = new Uint8Array(6);
 * copyStrided([2, 3], 1, { u8: out, pointers: null, wordsOf: null, byteOffset: 0, byteStrides: [1, 2], suboffsets: null }, src);
 * Array.from(out); // returns [1, 4, 2, 5, 3, 6]
 * ```
 */
export function copyStrided(shape: readonly number[], itemsize: number, dst: StridedSide, src: StridedSide): void {
  const ndim = shape.length;
  for (let dim = 0; dim < ndim; dim++) if (shape[dim] === 0) return;
  if (ndim === 0) {
    const d = dst.u8;
    const s = src.u8;
    for (let b = 0; b < itemsize; b++) d[dst.byteOffset + b] = s[src.byteOffset + b]!;
    return;
  }
  const last = ndim - 1;
  let kind = BYTES;
  let wordSize = 1;
  let dstWords: Words = dst.u8;
  let srcWords: Words = src.u8;
  if (lastRowContiguous(dst, last, itemsize) && lastRowContiguous(src, last, itemsize)) {
    kind = MEMCPY;
  } else {
    wordSize = wordSizeFor(itemsize, dst, src);
    if (wordSize === 8 && !FLOAT64_MOVES_KEEP_BITS) wordSize = 4;
    if (wordSize > 1 || !(hasPointers(dst) || hasPointers(src))) {
      const dw = wordsOf(dst, wordSize);
      const sw = wordsOf(src, wordSize);
      if (dw !== null && sw !== null) {
        kind = WORDS;
        dstWords = dw;
        srcWords = sw;
      } else {
        wordSize = 1;
      }
    }
  }
  const plan: CopyPlan = { shape, itemsize, dst, src, kind, dstWords, srcWords, wordSize };
  copyRec(plan, 0, dst.byteOffset, src.byteOffset);
}

/**
 * Whether two sides might share bytes, so that copying one onto the other
 * must go through a staging copy: the same memory with intersecting
 * extents, any pointers into the same memory, or two SharedArrayBuffer
 * objects (which may be one block of memory, as a shared
 * `WebAssembly.Memory` after `grow()`).
 *
 * @param dstMemory - the memory of the destination
 * @param dstExtent - [startByte, endByte) of the destination's items
 * @param dstIndirect - whether the destination follows pointers
 * @param srcMemory - the memory of the source
 * @param srcExtent - [startByte, endByte) of the source's items
 * @param srcIndirect - whether the source follows pointers
 *
 * @example
 * ```ts
 * const ab = new ArrayBuffer(16);
 * mayOverlap(ab, [0, 8], false, ab, [8, 16], false); // returns false
 * ```
 * @example
 * ```ts
 * const ab = new ArrayBuffer(16);
 * mayOverlap(ab, [0, 9], false, ab, [8, 16], false); // returns true
 * ```
 */
export function mayOverlap(
  dstMemory: ArrayBufferLike,
  dstExtent: readonly number[],
  dstIndirect: boolean,
  srcMemory: ArrayBufferLike,
  srcExtent: readonly number[],
  srcIndirect: boolean,
): boolean {
  if (dstMemory !== srcMemory) {
    return (
      typeof SharedArrayBuffer === "function" && dstMemory instanceof SharedArrayBuffer && srcMemory instanceof SharedArrayBuffer
    );
  }
  if (dstIndirect || srcIndirect) return true;
  // `||` only answers true more often, and a true answer only stages the source through a copy first, which
  // gives the same bytes (only slower).
  return dstExtent[0]! < srcExtent[1]! && srcExtent[0]! < dstExtent[1]!;
}

/**
 * Fills a contiguous byte range with copies of one item: the item once,
 * then doubling `copyWithin` runs (a memset for patterns).
 *
 * @param u8 - the memory
 * @param startByte - where the range starts
 * @param byteLength - its length, a multiple of `item.length`
 * @param item - the bytes of one item
 *
 * @example
 * ```ts
 * const u8 = new Uint8Array(7);
 * fillPattern(u8, 1, 6, Uint8Array.of(1, 2));
 * Array.from(u8); // returns [0, 1, 2, 1, 2, 1, 2]
 * ```
 */
export function fillPattern(u8: Uint8Array, startByte: number, byteLength: number, item: Uint8Array): void {
  if (byteLength === 0) return;
  // Starting from false sends every item to the doubling copies, which write the same bytes as the memset path
  // (only slower).
  let same = true;
  for (let b = 1; b < item.length; b++) if (item[b] !== item[0]) same = false;
  // Without this block the doubling copies below run instead of the memset, and they write the same bytes.
  if (same) {
    u8.fill(item[0]!, startByte, startByte + byteLength);
    return;
  }
  u8.set(item, startByte);
  let filled = item.length;
  while (filled < byteLength) {
    const run = Math.min(filled, byteLength - filled);
    u8.copyWithin(startByte + filled, startByte, startByte + run);
    filled += run;
  }
}
