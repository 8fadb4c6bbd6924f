/**
 * Python's slice arithmetic: `PySlice_Unpack` followed by
 * `PySlice_AdjustIndices` (`Objects/sliceobject.c`), which every sequence
 * here uses for `x[start:stop:step]`.
 *
 * @packageDocumentation
 */
import { ValueError, adjustIndices } from "@mv/core";
import { asSsize, isIndex } from "./as-index.js";

/** A slice, as Python's `slice` object: `null` or `undefined` is `None`. */
export interface SliceLike {
  readonly start?: unknown;
  readonly stop?: unknown;
  readonly step?: unknown;
}

/** The resolved indices of a slice over a sequence of known length. */
export interface SliceIndices {
  /** first index visited */
  start: number;
  /** index the walk stops before (meaningful with `step`) */
  stop: number;
  /** non-zero step */
  step: number;
  /** number of indices visited (`slicelength`) */
  length: number;
}

const SSIZE_MAX = 2 ** 63 - 1;

function sliceIndex(value: unknown, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!isIndex(value)) {
    throw new TypeError("slice indices must be integers or None or have an __index__ method");
  }
  // _PyEval_SliceIndex clips out-of-range integers instead of failing.
  return asSsize(value);
}

/**
 * Whether `key` is a slice rather than an index: any non-array object with a
 * `start`, `stop` or `step` property (Python's `slice` attributes), so that a
 * `slice(...)` object and a plain `{ start, stop }` both work.
 *
 * @example
 * ```ts
 * isSliceLike({ start: 1, stop: 3 }); // returns true
 * isSliceLike(2); // returns false
 * isSliceLike([1, 2]); // returns false
 * ```
 */
export function isSliceLike(key: unknown): key is SliceLike {
  if (typeof key !== "object" || key === null || Array.isArray(key)) return false;
  return "start" in key || "stop" in key || "step" in key;
}

/**
 * `PySlice_GetIndicesEx`: the start, stop, step and length of `slice` over a
 * sequence of `length` items, with CPython's errors ("slice step cannot be
 * zero", "slice indices must be integers or None or have an __index__
 * method").
 *
 * @param length - the sequence's length
 * @param slice - `{ start, stop, step }`, each `null`/`undefined` for None
 *
 * @example
 * ```ts
 * sliceIndices(5, { start: 1, stop: null, step: 2 }); // returns { start: 1, stop: 5, step: 2, length: 2 }
 * sliceIndices(5, { step: -1 }); // returns { start: 4, stop: -1, step: -1, length: 5 }
 * sliceIndices(5, { start: -100, stop: 100 }); // returns { start: 0, stop: 5, step: 1, length: 5 }
 * ```
 */
export function sliceIndices(length: number, slice: SliceLike): SliceIndices {
  const { start, stop, step } = unpackSlice(slice);
  // adjustIndices writes [start, stop, count] into the array it is given.
  const [first, end, count] = adjustIndices(length, start, stop, step, []) as [number, number, number];
  return { start: first, stop: end, step, length: count };
}

/** A slice's bounds as `PySlice_Unpack` leaves them: plain numbers, None replaced. */
export interface UnpackedSlice {
  /** The start, or the default for the step's sign. */
  readonly start: number;
  /** The stop, or the default for the step's sign. */
  readonly stop: number;
  /** The non-zero step. */
  readonly step: number;
}

/**
 * `PySlice_Unpack`: reads `slice.step`, `slice.start` and `slice.stop`,
 * each once (a getter is user code that may resize the sequence), and
 * checks them. An operation unpacks its slice once, runs any other user
 * code, and only then adjusts the result to the sequence's length as it is
 * ({@link sliceIndices} of the unpacked slice, which reads plain numbers).
 *
 * @example
 * ```ts
 * unpackSlice({ step: -1 }); // returns { start: 2 ** 63 - 1, stop: -(2 ** 63), step: -1 }
 * ```
 * @example
 * ```ts
 * sliceIndices(4, unpackSlice({ start: 1, stop: 9 })); // returns { start: 1, stop: 4, step: 1, length: 3 }
 * ```
 */
export function unpackSlice(slice: SliceLike): UnpackedSlice {
  let step = sliceIndex(slice.step, 1);
  if (step === 0) throw new ValueError("slice step cannot be zero");
  // PySlice_Unpack: keep -step representable.
  if (step < -SSIZE_MAX) step = -SSIZE_MAX;
  const start = sliceIndex(slice.start, step < 0 ? SSIZE_MAX : 0);
  const stop = sliceIndex(slice.stop, step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX);
  return { start, stop, step };
}
