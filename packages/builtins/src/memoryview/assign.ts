/**
 * `m[key] = value`: CPython's `memory_ass_sub` (`Objects/memoryobject.c`)
 * over `@mv/core`'s views, in its order of checks and with its messages,
 * and NumPy's assignment where CPython raises `NotImplementedError` or
 * refuses a key NumPy takes.
 *
 * CPython writes one item (an index, or a full tuple of indices) or copies
 * an exporter into a one-dimensional slice, which must have the same
 * structure (format and shape: `equiv_structure`). Beyond CPython, any
 * sub-view a key selects ({@link subscript}'s extensions) is assigned the
 * NumPy way: from an exporter of the same structure (NumPy would also
 * broadcast and convert, which a view cannot do without copying rules of
 * its own; CPython's structure check stays), or, for any other value, by
 * setting every item to it (NumPy's scalar broadcast).
 *
 * @packageDocumentation
 */
import { IndexError, isBufferExporter, MemoryView, pythonTypeName } from "@mv/core";
import { withSubview } from "./in-flight.js";
import { asSsize } from "../python/as-index.js";
import type { SliceLike } from "../python/slice-indices.js";
import { basicIndex } from "./basic-index.js";
import { KeyKind, keyKind } from "./key-kind.js";
import { packValue } from "./pack-value.js";
import { sliceBounds } from "./slice-bounds.js";
import { itemIndices, leadingSubview } from "./subscript.js";

/**
 * Assigns `value` to every item of `target` (a new view, released here):
 * a copy from an exporter of the same structure, or one value for all.
 *
 * @example
 * ```ts
 * const a = new Uint8Array(4);
 * assignSubview("B", MemoryView.from(a).sliceDim(0, null, null, 2), 7);
 * Array.from(a); // returns [7, 0, 7, 0]
 * ```
 */
export function assignSubview(format: string, target: MemoryView, value: unknown, parent: MemoryView = target): void {
  if (!isBufferExporter(value)) {
    withSubview(parent, target, (sub) => packValue(format, (v) => sub.fill(v), value));
    return;
  }
  // The source's GET_BUFFER is user code: asked for first, then the target
  // checked again (the copy fails on a released target, or memory gone).
  const source = MemoryView.from(value);
  try {
    withSubview(parent, target, (sub) => sub.copyFrom(source));
  } finally {
    source.release();
  }
}

/**
 * `view[key] = value`.
 *
 * @param view - the view (its guards run here)
 * @param key - an index, a slice, `Ellipsis`, or an array as a tuple of those
 * @param value - an item value, or an exporter for a slice
 * @throws TypeError "cannot modify read-only memory", "memoryview: invalid
 *   slice key", "invalid indexing of 0-dim memory", "a bytes-like object is
 *   required, not '…'", or the value's type error; ValueError for a value
 *   out of range or "memoryview assignment: lvalue and rvalue have
 *   different structures"; IndexError for an index out of range
 *
 * @example
 * ```ts
 * const a = new Int16Array(3);
 * assign(MemoryView.from(a), -1, -5);
 * a[2]; // returns -5
 * ```
 * @example
 * ```ts
 * const a = Uint8Array.of(1, 2, 3, 4);
 * assign(MemoryView.from(a), slice(null, 2), Uint8Array.of(9, 8));
 * Array.from(a); // returns [9, 8, 3, 4]
 * ```
 * @example
 * ```ts
 * assign(MemoryView.from(new Uint8Array(2)), slice(null, 2), 5); // throws TypeError "a bytes-like object is required, not 'int'"
 * ```
 */
export function assign(view: MemoryView, key: unknown, value: unknown): void {
  const layout = view.layout; // CHECK_RELEASED
  if (layout.readonly) throw new TypeError("cannot modify read-only memory");
  const format = layout.format;
  const ndim = layout.ndim;
  const kind = keyKind(key);
  if (ndim === 0) {
    if (kind === KeyKind.ELLIPSIS || (kind === KeyKind.MULTI_INDEX && (key as unknown[]).length === 0)) {
      packValue(format, (v) => view.set(v), value);
      return;
    }
    throw new TypeError("invalid indexing of 0-dim memory");
  }
  switch (kind) {
    case KeyKind.INDEX: {
      const index = asSsize(key, IndexError);
      if (ndim === 1) packValue(format, (v) => view.set(index, v), value);
      else assignSubview(format, view.index(0, index), value, view); // NumPy
      return;
    }
    case KeyKind.SLICE: {
      if (ndim > 1) {
        const [start, stop, step] = sliceBounds(key as SliceLike);
        assignSubview(format, view.sliceDim(0, start, stop, step), value, view); // NumPy
        return;
      }
      // The rvalue must be an exporter; it is asked before the slice is read.
      if (!isBufferExporter(value)) {
        throw new TypeError(`a bytes-like object is required, not '${pythonTypeName(value)}'`);
      }
      // memory_ass_sub: the rvalue's buffer first, then the slice (its
      // bounds' getters), then the copy, which checks the view again.
      const source = MemoryView.from(value);
      try {
        const [start, stop, step] = sliceBounds(key as SliceLike);
        withSubview(view, view.sliceDim(0, start, stop, step), (target) => target.copyFrom(source));
      } finally {
        source.release();
      }
      return;
    }
    case KeyKind.MULTI_INDEX: {
      const tuple = key as unknown[];
      const indices = itemIndices(layout.shape, tuple);
      if (tuple.length < ndim)
        assignSubview(format, leadingSubview(view, indices), value, view); // NumPy
      else packValue(format, (v) => view.set(...indices, v), value);
      return;
    }
    case KeyKind.MULTI_SLICE:
    case KeyKind.BASIC:
      assignSubview(format, basicIndex(view, key as unknown[]), value, view); // NumPy
      return;
    case KeyKind.ELLIPSIS:
      assignSubview(format, view.derive({}), value, view); // NumPy: a[...] = value
      return;
    default:
      throw new TypeError("memoryview: invalid slice key");
  }
}
