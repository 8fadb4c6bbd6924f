/**
 * One row of a struct table: CPython's `formatdef` (`Modules/_struct.c`).
 *
 * @packageDocumentation
 */

import type { StructValue } from "./struct-value.js";

/**
 * Reads one value at `byteOffset` of `view` (an `nu_*`/`lu_*`/`bu_*`
 * function). Like CPython's, it is given its row, where `s` and `p` find
 * their length.
 */
export type UnpackFn = (view: DataView, byteOffset: number, row: Row) => StructValue;

/**
 * Checks `value` and writes it at `byteOffset` of `view` (an `np_*`/`lp_*`/
 * `bp_*` function), given its row for the size, byte order and character its
 * messages name. It throws before writing anything when `value` is refused
 * (but for the big-endian 8-byte rows: see `integer-rows.ts`).
 */
export type PackFn = (view: DataView, byteOffset: number, value: unknown, row: Row) => void;

/**
 * Which {@link PackFn} writes a row's values: `i1`…`u8` the integers by
 * signedness and size, `P` native pointers, `fCast` and `FCast` the native
 * `f` and `F` (a C cast), `fChecked` and `FChecked` the standard ones
 * (which refuse values out of float range), and the row's character for
 * the rest. A row names its packer instead of holding it, so that a program
 * that only reads carries no pack function: the pack side finds it
 * (`packFnOf` in `pack.ts`).
 */
export type PackKey =
  | "i1"
  | "u1"
  | "i2"
  | "u2"
  | "i4"
  | "u4"
  | "i8"
  | "u8"
  | "P"
  | "c"
  | "?"
  | "e"
  | "fCast"
  | "fChecked"
  | "d"
  | "FCast"
  | "FChecked"
  | "D"
  | "s"
  | "p";

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
  row: Row,
) => void;

/**
 * A format character's row: its size and alignment in one mode, and the
 * functions that read and write it. `x`, `s` and `p` have no functions: the
 * compiler and the pack and unpack loops handle them, as in CPython.
 *
 * The functions are plain top-level functions, one per type and byte order,
 * never closures made per row: V8 inlines a known function, but not one of
 * many closures of the same code.
 *
 * @example
 * ```ts
 * rowTable("little").byChar["i".charCodeAt(0)].size; // returns 4
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
  /** Which function writes one value (see {@link PackKey}); null for `x s p`. */
  readonly packKey: PackKey | null;
  /** Reads a run of values; null for `x s p`. */
  readonly unpackRun: UnpackRunFn | null;
}
