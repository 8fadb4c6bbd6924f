/**
 * One row of a struct table: CPython's `formatdef` (`Modules/_struct.c`).
 *
 * @packageDocumentation
 */

import type { StructValue } from "./struct-value.js";

/**
 * Reads one value at `byteOffset` of `view` (an `nu_*`/`lu_*`/`bu_*` function).
 */
export type UnpackFn = (view: DataView, byteOffset: number) => StructValue;

/**
 * Checks `value` and writes it at `byteOffset` of `view` (an `np_*`/`lp_*`/
 * `bp_*` function). It throws before writing anything when `value` is refused.
 */
export type PackFn = (view: DataView, byteOffset: number, value: unknown) => void;

/**
 * Reads `count` consecutive values of one row into `out`, from `outIndex` on:
 * the loop of `s_unpack_internal()` over a code's repeat count, with the
 * DataView accessor inlined.
 */
export type UnpackRunFn = (
  view: DataView,
  byteOffset: number,
  count: number,
  out: StructValue[],
  outIndex: number,
) => void;

/**
 * A format character's row: its size and alignment in one mode, and the
 * functions that read and write it. `x`, `s` and `p` have no functions: the
 * compiler and the pack and unpack loops handle them, as in CPython.
 *
 * @example
 * ```ts
 * LITTLE_TABLE.byChar["i".charCodeAt(0)].size; // returns 4
 * ```
 */
export interface Row {
  /** The format character. */
  readonly char: string;
  /** Bytes per value (per byte for `x s p`). */
  readonly size: number;
  /** The alignment in bytes, or 0 where the mode does not align. */
  readonly align: number;
  /** Whether the functions read and write little-endian. */
  readonly littleEndian: boolean;
  /** Reads one value; null for `x s p`. */
  readonly unpack: UnpackFn | null;
  /** Writes one value; null for `x s p`. */
  readonly pack: PackFn | null;
  /** Reads a run of values; null for `x s p`. */
  readonly unpackRun: UnpackRunFn | null;
}
