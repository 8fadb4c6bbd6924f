/**
 * The pack loop: `s_pack_internal()` over a compiled format's codes.
 *
 * Values are checked and written one after the other, so a refused value
 * leaves the values before it written, as in CPython; callers zero the
 * struct's bytes first (`memset`), which also writes the pad bytes. Like the
 * unpack loop, a format's {@link PackPlan} is made once, and formats of at
 * most eight values have every writer, row and offset listed.
 *
 * @packageDocumentation
 */

import { BYTE_PACKERS } from "./byte-rows.js";
import type { Code } from "./code.js";
import { COMPLEX_PACKERS } from "./complex-rows.js";
import { FLOAT_PACKERS } from "./float-rows.js";
import { INTEGER_PACKERS } from "./integer-rows.js";
import type { PackFn, PackKey, Row } from "./row.js";
import { fieldRow } from "./unpack.js";

/** Every pack function by its key (the pack side's half of the rows), made on first use. */
let packers: Readonly<Record<PackKey, PackFn>> | undefined;

/**
 * The function that writes one value of `row` (its {@link PackKey}'s), or
 * null for `x s p`, which the loops write themselves. Only the pack side
 * calls it, when a format is compiled, so the rows hold no pack function
 * and a program that only reads carries none.
 *
 * @example
 * ```ts
 * packFnOf(compileFormat("<h").codes[0].row).name; // returns "packI16"
 * ```
 * @example
 * ```ts
 * packFnOf(byteCountRow("x")); // returns null
 * ```
 */
export function packFnOf(row: Row): PackFn | null {
  const key = row.packKey;
  if (key === null) return null;
  packers ??= { ...INTEGER_PACKERS, ...FLOAT_PACKERS, ...COMPLEX_PACKERS, ...BYTE_PACKERS };
  return packers[key];
}

/**
 * Writes `values[valueIndex …]` as a struct that begins at `byteOffset` of
 * `view`. The caller has checked the number of values.
 */
export type Packer = (view: DataView, byteOffset: number, values: ArrayLike<unknown>, valueIndex: number) => void;

/**
 * What {@link packWithPlan} needs for one format: the writer, row and byte
 * offset of each value, and the codes for formats of more than eight values.
 *
 * @example
 * ```ts
 * makePackPlan(compileFormat("<hd").codes, 2).offsets; // returns [0, 2]
 * ```
 */
export interface PackPlan {
  readonly n: number;
  readonly writers: readonly PackFn[];
  readonly rows: readonly Row[];
  readonly offsets: readonly number[];
  readonly codes: readonly Code[];
  /** The writer of each code, for formats of more than eight values. */
  readonly codeWriters: readonly PackFn[];
}

/**
 * `memset(buf, '\0', s_size)`: zeroes `byteLength` bytes of `view` from
 * `byteOffset`, before packing (or, in a generated packer, before the first
 * value that goes to its row's packer).
 *
 * @example
 * ```ts
 * const u = new Uint8Array([1, 2, 3]); zeroBytes(new DataView(u.buffer), 1, 2); u; // returns new Uint8Array([1, 0, 0])
 * ```
 */
export function zeroBytes(view: DataView, byteOffset: number, byteLength: number): void {
  if (byteLength <= 32) {
    for (let i = 0; i < byteLength; i++) view.setUint8(byteOffset + i, 0);
  } else {
    new Uint8Array(view.buffer, view.byteOffset + byteOffset, byteLength).fill(0);
  }
}

/**
 * The writer of one value of `code` (for `s` and `p`, the whole field), with
 * its row bound.
 *
 * @example
 * ```ts
 * const u = new Uint8Array(2); fieldWriter(compileFormat("<h").codes[0])(new DataView(u.buffer), 0, 258); u; // returns new Uint8Array([2, 1])
 * ```
 */
export function fieldWriter(code: Code): (view: DataView, byteOffset: number, value: unknown) => void {
  const row = fieldRow(code);
  const write = packFnOf(row) as PackFn;
  return (view, byteOffset, value) => write(view, byteOffset, value, row);
}

/**
 * The plan of the pack loop for `codes`, which take `len` values in all.
 *
 * @example
 * ```ts
 * makePackPlan(compileFormat("3i").codes, 3).n; // returns 3
 * ```
 */
export function makePackPlan(codes: readonly Code[], len: number): PackPlan {
  const writers: PackFn[] = [];
  const rows: Row[] = [];
  const offsets: number[] = [];
  if (len <= 8) {
    for (const code of codes) {
      const row = fieldRow(code);
      for (let j = 0; j < code.repeat; j++) {
        writers.push(packFnOf(row) as PackFn);
        rows.push(row);
        offsets.push(code.byteOffset + j * code.size);
      }
    }
  }
  return Object.freeze({
    n: len <= 8 ? len : -1,
    writers: Object.freeze(writers),
    rows: Object.freeze(rows),
    offsets: Object.freeze(offsets),
    codes,
    codeWriters: Object.freeze(len <= 8 ? [] : codes.map((code) => packFnOf(fieldRow(code)) as PackFn)),
  });
}

/**
 * Writes `values[valueIndex …]` as a struct at `byteOffset` of `view` by its
 * plan (the bytes must be zeroed first).
 *
 * @example
 * ```ts
 * const u = new Uint8Array(4); packWithPlan(makePackPlan(compileFormat(">hh").codes, 2), new DataView(u.buffer), 0, [1, 2], 0); u; // returns new Uint8Array([0, 1, 0, 2])
 * ```
 */
export function packWithPlan(
  p: PackPlan,
  view: DataView,
  byteOffset: number,
  values: ArrayLike<unknown>,
  valueIndex: number,
): void {
  const n = p.n;
  if (n >= 0) {
    const writers = p.writers;
    const rows = p.rows;
    const offsets = p.offsets;
    for (let i = 0; i < n; i++) writers[i]!(view, byteOffset + offsets[i]!, values[valueIndex + i], rows[i]!);
    return;
  }
  let k = valueIndex;
  const codes = p.codes;
  const codeWriters = p.codeWriters;
  for (let c = 0; c < codes.length; c++) {
    const code = codes[c]!;
    const row = fieldRow(code);
    const write = codeWriters[c]!;
    const size = code.size;
    let at = byteOffset + code.byteOffset;
    for (let j = 0; j < code.repeat; j++, at += size) write(view, at, values[k++], row);
  }
}
