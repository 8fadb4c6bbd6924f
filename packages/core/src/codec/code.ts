/**
 * A compiled format item: CPython's `formatcode` (`Modules/_struct.c`).
 *
 * @packageDocumentation
 */

import type { Row } from "./row.js";

/**
 * One code of a compiled format: `repeat` values of `row`, `size` bytes each,
 * from `byteOffset` of the struct on. For `s` and `p`, `size` is the field's
 * length and `repeat` is 1; `x` makes no code, and neither does a count of 0.
 *
 * @example
 * ```ts
 * compileFormat("<b2h").codes[1].byteOffset; // returns 1
 * ```
 */
export interface Code {
  readonly row: Row;
  readonly byteOffset: number;
  readonly size: number;
  readonly repeat: number;
}
