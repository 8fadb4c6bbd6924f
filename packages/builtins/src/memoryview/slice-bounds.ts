/**
 * The bounds of a slice key as `@mv/core`'s slicing takes them: CPython's
 * `PySlice_Unpack` (`Objects/sliceobject.c`) with its order of checks and
 * messages (the step first, then its zero test, then start and stop), and
 * its clipping of integers beyond `Py_ssize_t`. The arithmetic on the
 * dimension (`PySlice_AdjustIndices`) stays in core's `sliceDim`.
 *
 * @packageDocumentation
 */
import { ValueError } from "@mv/core";
import { asSsize, isIndex } from "../python/as-index.js";
import type { SliceLike } from "../python/slice-indices.js";

/** A slice's start, stop and step: integers, or null for None. */
export type SliceBounds = [start: number | null, stop: number | null, step: number | null];

function bound(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (!isIndex(value)) {
    throw new TypeError("slice indices must be integers or None or have an __index__ method");
  }
  // _PyEval_SliceIndex clips instead of failing; any bound beyond a
  // dimension's length clamps the same way, so the nearest double will do.
  return asSsize(value);
}

/**
 * The checked bounds of `key`.
 *
 * @param key - a `slice`, or any object with `start`/`stop`/`step`
 * @returns [start, stop, step], null for None
 * @throws TypeError "slice indices must be integers or None or have an
 *   __index__ method"; ValueError "slice step cannot be zero"
 *
 * @example
 * ```ts
 * sliceBounds(slice(1, null, -2)); // returns [1, null, -2]
 * ```
 * @example
 * ```ts
 * sliceBounds(slice(true, 2n ** 70n)); // returns [1, 9223372036854775807, null]
 * ```
 * @example
 * ```ts
 * sliceBounds(slice("a", 1, 0)); // throws ValueError "slice step cannot be zero"
 * ```
 */
export function sliceBounds(key: SliceLike): SliceBounds {
  const step = bound(key.step);
  if (step === 0) throw new ValueError("slice step cannot be zero");
  const start = bound(key.start);
  const stop = bound(key.stop);
  return [start, stop, step];
}
