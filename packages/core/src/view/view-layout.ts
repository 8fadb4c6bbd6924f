/**
 * The layout of one view: where its items are in the managed buffer's
 * memory and how to read them. Everything is in bytes except `shape`.
 * Each derivation (slice, index, permute, reshape, cast) makes a new layout;
 * a layout never changes once a view has it.
 *
 * @packageDocumentation
 */

import { layoutFlags } from "./layout-flags.js";

/**
 * A view's layout, as {@link MemoryView.layout} exposes it to code that
 * builds on views (`@mv/builtins`). The arrays belong to the view: read
 * them, never change them.
 */
export interface ViewLayout {
  /** The byte offset in the memory of item [0, …, 0] (`Py_buffer.buf`). */
  readonly byteOffset: number;
  /** The length of each dimension. */
  readonly shape: readonly number[];
  /** The byte step of each dimension (negative or 0 allowed). */
  readonly byteStrides: readonly number[];
  /** PIL-style suboffsets (negative: no pointer in that dimension), or null. */
  readonly suboffsets: readonly number[] | null;
  /** The item format, in struct syntax. */
  readonly format: string;
  /** Bytes per item. */
  readonly itemsize: number;
  /** Whether writes are refused. */
  readonly readonly: boolean;
  /** `shape.length`. */
  readonly ndim: number;
  /** product(shape) * itemsize. */
  readonly nbytes: number;
  /** The {@link LayoutFlag} bits (contiguity, scalar, indirect). */
  readonly flags: number;
}

/**
 * Makes a layout, working out `ndim`, `nbytes` and the layout flags once.
 * The arrays are taken over, not copied.
 *
 * @example
 * ```ts
 * const layout = makeLayout(0, [2, 3], [12, 4], null, "i", 4, false);
 * [layout.ndim, layout.nbytes, layout.flags]; // returns [2, 24, 2]
 * ```
 * @example
 * ```ts
 * makeLayout(16, [3], [-8], null, "d", 8, true).flags; // returns 0
 * ```
 */
export function makeLayout(
  byteOffset: number,
  shape: readonly number[],
  byteStrides: readonly number[],
  suboffsets: readonly number[] | null,
  format: string,
  itemsize: number,
  readonly: boolean,
): ViewLayout {
  let nbytes = itemsize;
  for (let dim = 0; dim < shape.length; dim++) nbytes *= shape[dim]!;
  return {
    byteOffset,
    shape,
    byteStrides,
    suboffsets,
    format,
    itemsize,
    readonly,
    ndim: shape.length,
    nbytes,
    flags: layoutFlags(shape, byteStrides, suboffsets, itemsize),
  };
}

/**
 * Whether some suboffset asks for a pointer to be followed.
 *
 * @example
 * ```ts
 * [hasIndirection(null), hasIndirection([-1, -1]), hasIndirection([0, -1])]; // returns [false, false, true]
 * ```
 */
export function hasIndirection(suboffsets: readonly number[] | null): boolean {
  if (suboffsets === null) return false;
  for (let dim = 0; dim < suboffsets.length; dim++) if (suboffsets[dim]! >= 0) return true;
  return false;
}
