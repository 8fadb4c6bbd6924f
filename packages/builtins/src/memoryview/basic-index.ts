/**
 * NumPy's basic indexing of a view, where CPython's memoryview stops
 * ("sub-views are not implemented", "multi-dimensional slicing is not
 * implemented"): a tuple of indices, slices and at most one `Ellipsis`,
 * applied one dimension at a time through `@mv/core`'s `sliceDim` and
 * `index` (`numpy/core/src/multiarray/mapping.c`, `prepare_index`).
 *
 * An `Ellipsis` stands for as many full slices as the dimensions the other
 * entries leave over; missing trailing entries are full slices. Each
 * integer removes its dimension; each slice keeps it.
 *
 * @packageDocumentation
 */
import { IndexError, type MemoryView } from "@mv/core";
import { Ellipsis } from "../ellipsis.js";
import { asSsize, isIndex } from "../python/as-index.js";
import type { SliceLike } from "../python/slice-indices.js";
import { sliceBounds } from "./slice-bounds.js";

/**
 * Where each entry of a basic-index tuple applies: its dimension, or -1
 * for the `Ellipsis`.
 *
 * @throws IndexError for a second `Ellipsis` or more entries than dimensions
 *
 * @example
 * ```ts
 * entryDimensions([0, Ellipsis, slice(1)], 4); // returns [0, -1, 3]
 * ```
 * @example
 * ```ts
 * entryDimensions([0, 0, 0], 2); // throws IndexError
 * ```
 */
export function entryDimensions(key: readonly unknown[], ndim: number): number[] {
  let ellipsisAt = -1;
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== Ellipsis) continue;
    if (ellipsisAt >= 0) throw new IndexError("an index can only have a single ellipsis ('...')");
    ellipsisAt = i;
  }
  const used = key.length - (ellipsisAt >= 0 ? 1 : 0);
  if (used > ndim) {
    throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${used} were indexed`);
  }
  const dims = new Array<number>(key.length);
  for (let i = 0; i < key.length; i++) {
    if (ellipsisAt < 0 || i < ellipsisAt) dims[i] = i;
    else if (i === ellipsisAt) dims[i] = -1;
    else dims[i] = ndim - (key.length - i);
  }
  return dims;
}

/**
 * The sub-view `key` selects from `view` (a new view, never an item: a key
 * that fixes every dimension gives a 0-d view, as NumPy's `a[..., i]` does
 * when the `Ellipsis` covers nothing).
 *
 * @param view - a view that passed its guards
 * @param key - indices, slices and at most one `Ellipsis`
 * @returns a new view of the same export
 * @throws IndexError for too many entries or an index out of range;
 *   TypeError or ValueError for a bad slice
 *
 * @example
 * ```ts
 * const m = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5)).reshape([2, 3]);
 * basicIndex(m, [slice(null, null, -1), 1]).toList(); // returns [4, 1]
 * ```
 * @example
 * ```ts
 * const m = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5)).reshape([2, 3]);
 * basicIndex(m, [Ellipsis, slice(1)]).toList(); // returns [[0], [3]]
 * ```
 */
export function basicIndex(view: MemoryView, key: readonly unknown[]): MemoryView {
  const dims = entryDimensions(key, view.ndim);
  let current = view;
  const step = (next: MemoryView): void => {
    if (current !== view) current.release();
    current = next;
  };
  try {
    // Slices first (they keep every dimension), then indices from the last
    // dimension down, so each dimension keeps its number until it goes.
    for (let i = 0; i < key.length; i++) {
      if (dims[i]! < 0 || isIndex(key[i])) continue;
      const [start, stop, sliceStep] = sliceBounds(key[i] as SliceLike);
      step(current.sliceDim(dims[i]!, start, stop, sliceStep));
    }
    for (let i = key.length - 1; i >= 0; i--) {
      if (dims[i]! < 0 || !isIndex(key[i])) continue;
      step(current.index(dims[i]!, asSsize(key[i], IndexError)));
    }
  } catch (error) {
    if (current !== view) current.release();
    throw error;
  }
  return current === view ? view.derive({}) : current;
}
