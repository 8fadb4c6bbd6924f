/**
 * The indices `elementAddress` accepts, made into the non-negative numbers
 * `getPointer` takes.
 *
 * @packageDocumentation
 */

import { indexInDimension } from "@mv/core";

/**
 * Turns one index per dimension into non-negative numbers: `bigint`s become
 * numbers and a negative index counts from the end of its dimension, as
 * memoryview's `m[i, j]` does (`ptr_from_tuple` in `Objects/memoryobject.c`).
 *
 * @param shape - the length of each dimension
 * @param indices - one integer (`number` or `bigint`) per dimension
 * @returns the indices, each in [0, shape[dim])
 * @throws TypeError "cannot index N-dimension view with M-element tuple" (CPython's wording) when the counts differ, or when an index is not an integer
 * @throws IndexError "index out of bounds on dimension N" (1-based, CPython's wording)
 *
 * @example
 * ```ts
 * normalizeIndices([2, 3], [1, -1]); // returns [1, 2]
 * ```
 * @example
 * ```ts
 * normalizeIndices([4], [3n]); // returns [3]
 * ```
 * @example
 * ```ts
 * normalizeIndices([2, 3], [2, 0]); // throws IndexError: index out of bounds on dimension 1
 * ```
 */
export function normalizeIndices(shape: readonly number[], indices: readonly (number | bigint)[]): number[] {
  if (!Array.isArray(indices)) {
    throw new TypeError(`indices must be an array of integers, not ${typeof indices}`);
  }
  const ndim = shape.length;
  if (indices.length !== ndim) {
    throw new TypeError(`cannot index ${ndim}-dimension view with ${indices.length}-element tuple`);
  }
  const normalized = new Array<number>(ndim);
  for (let dim = 0; dim < ndim; dim++) {
    const raw = indices[dim];
    let index: number;
    if (typeof raw === "bigint") {
      // Outside ±2**53 the index is out of bounds anyway; Number keeps its sign.
      index = Number(raw);
    } else if (typeof raw === "number" && Number.isInteger(raw)) {
      index = raw;
    } else {
      throw new TypeError(`index ${dim} must be an integer, not ${String(raw)}`);
    }
    normalized[dim] = indexInDimension(index, shape[dim]!, dim);
  }
  return normalized;
}
