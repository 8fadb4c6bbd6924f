/**
 * `m[key]`: CPython's `memory_subscript` (`Objects/memoryobject.c`) over
 * `@mv/core`'s views, in its order of checks and with its messages, and
 * NumPy's basic indexing where CPython raises `NotImplementedError` (an
 * integer or a short tuple of integers on a multi-dimensional view gives a
 * sub-view; tuples of slices slice several dimensions) or refuses a key
 * NumPy takes (`Ellipsis` and tuples mixing indices, slices and one
 * `Ellipsis` on a view with dimensions).
 *
 * @packageDocumentation
 */
import { IndexError, indexInDimension, type MemoryView, type StructValue } from "@mv/core";
import { asSsize } from "../python/as-index.js";
import type { SliceLike } from "../python/slice-indices.js";
import { basicIndex } from "./basic-index.js";
import { KeyKind, keyKind } from "./key-kind.js";
import { sliceBounds } from "./slice-bounds.js";

/**
 * What `m[Ellipsis]` of a 0-d view returns: the view itself.
 *
 * @example
 * ```ts
 * subscript(MemoryView.from(new Uint8Array(1)).reshape([]), Ellipsis) === SAME_VIEW; // returns true
 * ```
 */
export const SAME_VIEW: unique symbol = Symbol("memoryview.same");

/** The result of a subscript: an item, a new view, or the view itself. */
export type Subscripted = StructValue | MemoryView | typeof SAME_VIEW;

/**
 * The integers of a multi-index, converted one dimension at a time as
 * `ptr_from_tuple` does (`PyNumber_AsSsize_t`, then the bounds of that
 * dimension), so the first bad index is the one reported.
 *
 * @throws TypeError "cannot index N-dimension view with M-element tuple";
 *   IndexError for an index out of range or beyond `Py_ssize_t`
 *
 * @example
 * ```ts
 * itemIndices([3, 4], [-1, 1n]); // returns [2, 1]
 * ```
 * @example
 * ```ts
 * itemIndices([3, 4], [0, 4]); // throws IndexError "index out of bounds on dimension 2"
 * ```
 */
export function itemIndices(shape: readonly number[], key: readonly unknown[]): number[] {
  const ndim = shape.length;
  if (key.length > ndim) {
    throw new TypeError(`cannot index ${ndim}-dimension view with ${key.length}-element tuple`);
  }
  const out = new Array<number>(key.length);
  for (let dim = 0; dim < key.length; dim++) {
    out[dim] = indexInDimension(asSsize(key[dim], IndexError), shape[dim]!, dim);
  }
  return out;
}

/**
 * The sub-view of the leading dimensions fixed by `indices` (NumPy's
 * `a[i, j]` on a view of more dimensions).
 *
 * @example
 * ```ts
 * const m = MemoryView.from(new Uint8Array(24)).reshape([2, 3, 4]);
 * leadingSubview(m, [1, 2]).layout.byteOffset; // returns 20
 * ```
 */
export function leadingSubview(view: MemoryView, indices: readonly number[]): MemoryView {
  let current = view;
  for (let dim = indices.length - 1; dim >= 0; dim--) {
    const next = current.index(dim, indices[dim]!);
    if (current !== view) current.release();
    current = next;
  }
  return current === view ? view.derive({}) : current;
}

/**
 * `view[key]`.
 *
 * @param view - the view (its guards run here)
 * @param key - an index, a slice, `Ellipsis`, or an array as a tuple of those
 * @returns the item, a new view, or {@link SAME_VIEW}
 *
 * @example
 * ```ts
 * subscript(MemoryView.from(Int16Array.of(1, -2, 3)), -2); // returns -2
 * ```
 * @example
 * ```ts
 * subscript(MemoryView.from(Int16Array.of(1, -2, 3)), slice(null, null, -1)).toList(); // returns [3, -2, 1]
 * ```
 * @example
 * ```ts
 * subscript(MemoryView.from(new Uint8Array(6)).reshape([2, 3]), 1).shape; // returns [3]
 * ```
 * @example
 * ```ts
 * subscript(MemoryView.from(new Uint8Array(2)), "0"); // throws TypeError "memoryview: invalid slice key"
 * ```
 */
export function subscript(view: MemoryView, key: unknown): Subscripted {
  const ndim = view.ndim; // CHECK_RELEASED
  const kind = keyKind(key);
  if (ndim === 0) {
    // Only m[()] and m[...] reach the one item of a 0-d view.
    if (kind === KeyKind.MULTI_INDEX && (key as unknown[]).length === 0) return view.get();
    if (kind === KeyKind.ELLIPSIS) return SAME_VIEW;
    throw new TypeError("invalid indexing of 0-dim memory");
  }
  switch (kind) {
    case KeyKind.INDEX: {
      const index = asSsize(key, IndexError);
      if (ndim === 1) return view.get(index);
      return view.index(0, index); // NumPy: a[i] of a multi-dimensional array
    }
    case KeyKind.SLICE: {
      const [start, stop, step] = sliceBounds(key as SliceLike);
      return view.sliceDim(0, start, stop, step);
    }
    case KeyKind.MULTI_INDEX: {
      const tuple = key as unknown[];
      if (tuple.length < ndim) return leadingSubview(view, itemIndices(view.shape, tuple)); // NumPy
      return view.get(...itemIndices(view.shape, tuple));
    }
    case KeyKind.MULTI_SLICE:
    case KeyKind.BASIC:
      return basicIndex(view, key as unknown[]); // NumPy
    case KeyKind.ELLIPSIS:
      return view.derive({}); // NumPy: a[...] is a view of all of a
    default:
      throw new TypeError("memoryview: invalid slice key");
  }
}
