/**
 * Axis arguments, with NumPy's rules (`check_and_adjust_axis`): an integer
 * in [-ndim, ndim), negative counting from the end. NumPy's `AxisError`
 * is both a `ValueError` and an `IndexError`; here it is a `ValueError`
 * with NumPy's message.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";

/**
 * The dimension `axis` names in a view of `ndim` dimensions.
 *
 * @param axis - the axis given
 * @param ndim - the number of dimensions
 * @returns the axis in [0, ndim)
 * @throws TypeError when `axis` is not an integer; ValueError when it is out of range
 *
 * @example
 * ```ts
 * normalizeAxis(-1, 3); // returns 2
 * ```
 * @example
 * ```ts
 * normalizeAxis(3, 3); // throws ValueError
 * ```
 */
export function normalizeAxis(axis: unknown, ndim: number): number {
  let value: number;
  if (typeof axis === "number" && Number.isInteger(axis)) value = axis;
  else if (typeof axis === "bigint") value = Number(axis);
  else throw new TypeError(`an axis must be an integer, not ${typeof axis === "number" ? axis : typeof axis}`);
  if (!(value >= -ndim && value < ndim)) {
    throw new ValueError(`axis ${value} is out of bounds for array of dimension ${ndim}`);
  }
  return value < 0 ? value + ndim : value;
}
