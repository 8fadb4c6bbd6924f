/**
 * `count` and `index`, new in Python 3.14 (`memoryview_count_impl` and
 * `memoryview_index_impl` in `Objects/memoryobject.c`): the items of a
 * one-dimensional view compared with `==`. Beyond CPython (which raises
 * `NotImplementedError` for more dimensions), the entries of a
 * multi-dimensional view are its sub-views, as its iteration gives them,
 * and each is compared with `value` as `memoryview == value` compares.
 *
 * @packageDocumentation
 */
import { type MemoryView, ValueError } from "@mv/core";
import { asSsize, isIndex } from "../python/as-index.js";
import { itemEquals } from "./item-equals.js";

/** Compares the entry at `i` of a view with the value looked for. */
export type EntryEquals = (view: MemoryView, i: number) => boolean;

function entryTest(view: MemoryView, value: unknown, subviewEquals: EntryEquals): EntryEquals {
  if (view.ndim === 1) return (v, i) => itemEquals(v.get(i), value);
  return subviewEquals;
}

/**
 * `m.count(value)`: how many entries equal `value`. CPython counts through
 * `iter(m)`, so a 0-d view refuses with iteration's `TypeError`.
 *
 * @param view - the view (its guards run here)
 * @param value - the value looked for
 * @param subviewEquals - compares a sub-view with `value` (for views of
 *   more than one dimension)
 *
 * @example
 * ```ts
 * count(MemoryView.from(Int32Array.of(5, 1, 5)), 5, () => false); // returns 2
 * ```
 * @example
 * ```ts
 * count(MemoryView.from(new Uint8Array(1)).cast("B", []), 0, () => false); // throws TypeError "invalid indexing of 0-dim memory"
 * ```
 */
export function count(view: MemoryView, value: unknown, subviewEquals: EntryEquals): number {
  if (view.ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
  const test = entryTest(view, value, subviewEquals);
  const length = view.length;
  let n = 0;
  for (let i = 0; i < length; i++) if (test(view, i)) n++;
  return n;
}

function sliceIndexArg(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  // Argument Clinic's slice_index(accept={int}): None is not accepted.
  if (!isIndex(value)) throw new TypeError("slice indices must be integers or have an __index__ method");
  return asSsize(value);
}

/**
 * `m.index(value, start, stop)`: the first entry in `start:stop` (clamped
 * as a slice is, negative counting from the end) equal to `value`.
 *
 * @param view - the view (its guards run after the arguments are checked)
 * @param value - the value looked for
 * @param start - the first index (default 0)
 * @param stop - the index to stop before (default: the end)
 * @param subviewEquals - compares a sub-view with `value`
 * @throws ValueError "memoryview.index(x): x not found"; TypeError "invalid
 *   lookup on 0-dim memory" or for a bound that is not an integer
 *
 * @example
 * ```ts
 * const m = MemoryView.from(Int32Array.of(5, 1, 5, 2, 5));
 * [index(m, 5, undefined, undefined, () => false), index(m, 5, 1, undefined, () => false), index(m, 5, -2, undefined, () => false)]; // returns [0, 2, 4]
 * ```
 * @example
 * ```ts
 * index(MemoryView.from(Int32Array.of(5, 1)), 5, 1, 2, () => false); // throws ValueError "memoryview.index(x): x not found"
 * ```
 */
export function index(view: MemoryView, value: unknown, start: unknown, stop: unknown, subviewEquals: EntryEquals): number {
  let first = sliceIndexArg(start, 0);
  let last = sliceIndexArg(stop, Number.MAX_SAFE_INTEGER);
  const ndim = view.ndim; // CHECK_RELEASED
  if (ndim === 0) throw new TypeError("invalid lookup on 0-dim memory");
  const n = view.length;
  if (first < 0) first = Math.max(first + n, 0);
  if (last < 0) last = Math.max(last + n, 0);
  last = Math.min(last, n);
  first = Math.min(first, last);
  if (first < last) {
    const test = entryTest(view, value, subviewEquals);
    for (let i = first; i < last; i++) if (test(view, i)) return i;
  }
  throw new ValueError("memoryview.index(x): x not found");
}
