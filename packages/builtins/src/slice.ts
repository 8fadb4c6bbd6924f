/**
 * Python's `slice` (`Objects/sliceobject.c`): a record of `start`, `stop`
 * and `step`, each any value (`null` is None), interpreted only when it is
 * used as a key or asked for its `indices(length)`.
 *
 * @packageDocumentation
 */
import { ValueError } from "@mv/core";
import { asIndex, isIndex } from "./python/as-index.js";
import { callableClass } from "./python/callable-class.js";
import { pyFloatRepr } from "./python/float-repr.js";
import { pyStrRepr } from "./python/str-repr.js";
import { valueEquals } from "./python/value-equals.js";

function boundOf(value: unknown): bigint | null {
  if (value === null || value === undefined) return null;
  if (!isIndex(value)) {
    throw new TypeError("slice indices must be integers or None or have an __index__ method");
  }
  return asIndex(value);
}

function clampBound(value: bigint, length: bigint, negativeStep: boolean): bigint {
  if (value < 0n) {
    value += length;
    if (value < 0n) value = negativeStep ? -1n : 0n;
  } else if (value >= length) {
    value = negativeStep ? length - 1n : length;
  }
  return value;
}

function pyInt(value: bigint): number | bigint {
  return value >= -(2n ** 53n) && value < 2n ** 53n ? Number(value) : value;
}

function reprOf(value: unknown): string {
  if (value === null || value === undefined) return "None";
  switch (typeof value) {
    case "boolean":
      return value ? "True" : "False";
    case "bigint":
      return value.toString();
    case "number":
      return Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? String(value) : pyFloatRepr(value);
    case "string":
      return pyStrRepr(value);
    default:
      return String(value);
  }
}

/**
 * The instances `slice(...)` returns: Python's slice object.
 *
 * @example
 * ```ts
 * const s = slice(1, null, -1);
 * [s.start, s.stop, s.step]; // returns [1, null, -1]
 * ```
 */
export class PySlice {
  /** The Python type name, for error messages. */
  static readonly pythonName = "slice";
  /** The first index, or null for None. */
  readonly start: unknown;
  /** The index the slice stops before, or null for None. */
  readonly stop: unknown;
  /** The step, or null for None (1). */
  readonly step: unknown;

  /** @internal Use `slice(...)`. */
  constructor(start: unknown, stop: unknown, step: unknown) {
    this.start = start === undefined ? null : start;
    this.stop = stop === undefined ? null : stop;
    this.step = step === undefined ? null : step;
    Object.freeze(this);
  }

  /**
   * `slice.indices(length)`: the `[start, stop, step]` this slice selects
   * from a sequence of `length` items, with Python's clamping
   * (`_PySlice_GetLongIndices`: exact for any integer; a result beyond
   * 2**53 is a bigint).
   *
   * @param length - a non-negative integer
   * @throws ValueError "length should not be negative" or "slice step cannot
   *   be zero"; TypeError for a bound that is not an integer or None
   *
   * @example
   * ```ts
   * slice(null, null, -1).indices(5); // returns [4, -1, -1]
   * ```
   * @example
   * ```ts
   * slice(-100, 100).indices(5); // returns [0, 5, 1]
   * ```
   * @example
   * ```ts
   * slice(3).indices(-1); // throws ValueError
   * ```
   */
  indices(length: number | bigint): [number | bigint, number | bigint, number | bigint] {
    const n = asIndex(length);
    if (n < 0n) throw new ValueError("length should not be negative");
    const step = boundOf(this.step) ?? 1n;
    if (step === 0n) throw new ValueError("slice step cannot be zero");
    const negative = step < 0n;
    const start = boundOf(this.start);
    const stop = boundOf(this.stop);
    const first = start === null ? (negative ? n - 1n : 0n) : clampBound(start, n, negative);
    const last = stop === null ? (negative ? -1n : n) : clampBound(stop, n, negative);
    return [pyInt(first), pyInt(last), pyInt(step)];
  }

  /**
   * `slice == other`: another slice with equal start, stop and step.
   *
   * @example
   * ```ts
   * slice(1, 2).equals(slice(1, 2, null)); // returns true
   * ```
   */
  equals(other: unknown): boolean {
    if (!(other instanceof PySlice)) return false;
    return valueEquals(this.start, other.start) && valueEquals(this.stop, other.stop) && valueEquals(this.step, other.step);
  }

  /**
   * `repr(s)`.
   *
   * @example
   * ```ts
   * String(slice(2)); // returns "slice(None, 2, None)"
   * ```
   * @example
   * ```ts
   * slice(1n, -1, 2).toString(); // returns "slice(1, -1, 2)"
   * ```
   */
  toString(): string {
    return `slice(${reprOf(this.start)}, ${reprOf(this.stop)}, ${reprOf(this.step)})`;
  }
}

function newSlice(...args: unknown[]): PySlice {
  // slice_new: one argument is the stop; two are start and stop.
  if (args.length === 0) throw new TypeError("slice expected at least 1 argument, got 0");
  if (args.length > 3) throw new TypeError(`slice expected at most 3 arguments, got ${args.length}`);
  if (args.length === 1) return new PySlice(null, args[0], null);
  return new PySlice(args[0], args[1], args[2]);
}

/** A Python `slice` object. */
export type slice = PySlice;

/**
 * Python's `slice(stop)` or `slice(start, stop, step?)`, callable with or
 * without `new`; `null` or `undefined` is None. The key of a range in
 * `memoryview.get`/`set` (and of `bytes`, `bytearray`, `array`).
 *
 * @example
 * ```ts
 * slice(3).stop; // returns 3
 * ```
 * @example
 * ```ts
 * new slice(1, null, 2) instanceof slice; // returns true
 * ```
 * @example
 * ```ts
 * slice(); // throws TypeError
 * ```
 */
export const slice = callableClass("slice", PySlice, newSlice, {});
