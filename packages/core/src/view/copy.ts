/**
 * The views' side of copies: a view's memory as one side of the strided copy
 * of `layout/strided-copy.ts`, which does every copy of every package. The
 * functions here keep their names for the view modules that call them and
 * hand over to it.
 *
 * @packageDocumentation
 */

import {
  copyStrided as copyStridedSides,
  fillPattern as fillPatternBytes,
  mayOverlap as mayOverlapMemory,
  wordSizeFor as wordSizeForSides,
  type StridedSide as MemorySide,
  type WordArrayConstructor,
} from "../layout/strided-copy.js";
import type { ManagedBuffer } from "./managed-buffer.js";

/** One side of a copy: memory (from byte 0) and a layout over it, in bytes. */
export interface StridedSide {
  /** The memory, from its byte 0. */
  readonly u8: Uint8Array;
  /** The managed buffer behind `u8` (for pointers and cached arrays), or null for plain memory. */
  readonly mbuf: ManagedBuffer | null;
  /** The byte position of item [0, …, 0]. */
  readonly byteOffset: number;
  /** The byte step of each dimension. */
  readonly byteStrides: readonly number[];
  /** PIL-style suboffsets, or null. */
  readonly suboffsets: readonly number[] | null;
}

/** The strided copy's side for a view's side. */
function memorySide(side: StridedSide): MemorySide {
  const mbuf = side.mbuf;
  return {
    u8: side.u8,
    pointers: mbuf?.indirect ? { view: mbuf.dv, byteLength: mbuf.endByte } : null,
    wordsOf:
      mbuf === null
        ? null
        : (ctor: WordArrayConstructor) => mbuf.typedArray(ctor) as ReturnType<NonNullable<MemorySide["wordsOf"]>>,
    byteOffset: side.byteOffset,
    byteStrides: side.byteStrides,
    suboffsets: side.suboffsets,
  };
}

/**
 * The largest word size (8, 4, 2 or 1 bytes) that divides `itemsize` and
 * every position of both sides, or 1 when pointers are involved.
 *
 * @example
 * ```ts
 * const side = { u8: new Uint8Array(64), mbuf: null, byteOffset: 8, byteStrides: [16], suboffsets: null };
 * wordSizeFor(8, side, side); // returns 8
 * ```
 */
export function wordSizeFor(itemsize: number, dst: StridedSide, src: StridedSide): number {
  return wordSizeForSides(itemsize, memorySide(dst), memorySide(src));
}

/**
 * Copies the items of `src` to `dst`, both of `shape` (C order of visits).
 *
 * @example
 * ```ts
 * const out = new Uint8Array(6);
 * const src = { u8: Uint8Array.of(1, 2, 3, 4, 5, 6), mbuf: null, byteOffset: 0, byteStrides: [3, 1], suboffsets: null };
 * copyStrided([2, 3], 1, { u8: out, mbuf: null, byteOffset: 0, byteStrides: [1, 2], suboffsets: null }, src);
 * Array.from(out); // returns [1, 4, 2, 5, 3, 6]
 * ```
 */
export function copyStrided(shape: readonly number[], itemsize: number, dst: StridedSide, src: StridedSide): void {
  copyStridedSides(shape, itemsize, memorySide(dst), memorySide(src));
}

export { mayOverlapMemory as mayOverlap, fillPatternBytes as fillPattern };
