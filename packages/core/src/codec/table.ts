/**
 * The three struct tables of `Modules/_struct.c`: native (`@`), little-endian
 * (`<`, and `=` on this little-endian platform) and big-endian (`>` `!`).
 *
 * Native rows have the C sizes and alignments of x86-64 Linux
 * ({@link NATIVE_SIZES}); standard rows have the standard sizes and no
 * alignment, and no `n N P`. As `_structmodule_exec()` does at start-up, the
 * host-endian standard table takes the native functions wherever the sizes
 * match, except for `f`, `d` and `?` (a native `f` does not check for
 * overflow, and `_Bool`'s standard meaning may differ); 3.14's `F` and `D`
 * are not excepted, so `<F` casts like native `F`. Each table is built
 * once and frozen.
 *
 * @packageDocumentation
 */

import { boolRow, byteCountRow, charRow } from "./byte-rows.js";
import { doubleComplexRow, floatComplexRow } from "./complex-rows.js";
import { doubleFloatRow, halfFloatRow, singleFloatRow } from "./float-rows.js";
import { integerRow } from "./integer-rows.js";
import { NATIVE_ALIGNMENTS as A, NATIVE_LITTLE_ENDIAN, NATIVE_SIZES as S } from "./native-sizes.js";
import type { Row } from "./row.js";

/**
 * A struct table: its rows in CPython's order, and the same rows by character
 * code (0–255) for the compiler's lookups (`getentry`).
 *
 * @example
 * ```ts
 * NATIVE_TABLE.byChar["P".charCodeAt(0)].size; // returns 8
 * ```
 */
export interface Table {
  readonly name: "native" | "little" | "big";
  readonly rows: readonly Row[];
  readonly byChar: readonly (Row | undefined)[];
}

function makeTable(name: Table["name"], rows: Row[]): Table {
  const byChar: (Row | undefined)[] = new Array<Row | undefined>(256).fill(undefined);
  for (const row of rows) byChar[row.char.charCodeAt(0)] = Object.freeze(row);
  return Object.freeze({
    name,
    rows: Object.freeze(rows.map((r) => byChar[r.char.charCodeAt(0)] as Row)),
    byChar: Object.freeze(byChar),
  });
}

function nativeRows(): Row[] {
  const le = NATIVE_LITTLE_ENDIAN;
  return [
    byteCountRow("x"),
    integerRow("b", 1, true, 0, le),
    integerRow("B", 1, false, 0, le),
    charRow(),
    byteCountRow("s"),
    byteCountRow("p"),
    integerRow("h", S.short as 2, true, A.short, le),
    integerRow("H", S.short as 2, false, A.short, le),
    integerRow("i", S.int as 4, true, A.int, le),
    integerRow("I", S.int as 4, false, A.int, le),
    integerRow("l", S.long as 8, true, A.long, le),
    integerRow("L", S.long as 8, false, A.long, le),
    integerRow("n", S.sizeT as 8, true, A.sizeT, le),
    integerRow("N", S.sizeT as 8, false, A.sizeT, le),
    integerRow("q", S.longLong as 8, true, A.longLong, le),
    integerRow("Q", S.longLong as 8, false, A.longLong, le),
    boolRow(A.bool),
    halfFloatRow(A.half, le),
    singleFloatRow(A.float, le, false),
    doubleFloatRow(A.double, le),
    floatComplexRow(A.floatComplex, le, false),
    doubleComplexRow(A.doubleComplex, le),
    integerRow("P", S.pointer as 8, false, A.pointer, le, true),
  ];
}

function standardRows(littleEndian: boolean): Row[] {
  const le = littleEndian;
  return [
    byteCountRow("x"),
    integerRow("b", 1, true, 0, le),
    integerRow("B", 1, false, 0, le),
    charRow(),
    byteCountRow("s"),
    byteCountRow("p"),
    integerRow("h", 2, true, 0, le),
    integerRow("H", 2, false, 0, le),
    integerRow("i", 4, true, 0, le),
    integerRow("I", 4, false, 0, le),
    integerRow("l", 4, true, 0, le),
    integerRow("L", 4, false, 0, le),
    integerRow("q", 8, true, 0, le),
    integerRow("Q", 8, false, 0, le),
    boolRow(0),
    halfFloatRow(0, le),
    singleFloatRow(0, le, true),
    doubleFloatRow(0, le),
    floatComplexRow(0, le, true),
    doubleComplexRow(0, le),
  ];
}

/**
 * Gives the host-endian standard rows the native functions where the sizes
 * match, never for `f`, `d` or `?` (`_structmodule_exec()`).
 */
function withNativeFunctions(standard: Row[], native: Row[]): Row[] {
  return standard.map((row) => {
    const twin = native.find((n) => n.char === row.char);
    if (twin === undefined || twin.size !== row.size || "fd?".includes(row.char)) return row;
    return { ...row, unpack: twin.unpack, pack: twin.pack, unpackRun: twin.unpackRun };
  });
}

const nativeRowList = nativeRows();

/**
 * The native table (`@`, or no prefix).
 *
 * @example
 * ```ts
 * NATIVE_TABLE.byChar["l".charCodeAt(0)].align; // returns 8
 * ```
 */
export const NATIVE_TABLE: Table = makeTable("native", nativeRowList);

/**
 * The little-endian standard table (`<`, and `=` on this platform).
 *
 * @example
 * ```ts
 * LITTLE_TABLE.byChar["l".charCodeAt(0)].size; // returns 4
 * ```
 */
export const LITTLE_TABLE: Table = makeTable(
  "little",
  NATIVE_LITTLE_ENDIAN ? withNativeFunctions(standardRows(true), nativeRowList) : standardRows(true),
);

/**
 * The big-endian standard table (`>` and `!`).
 *
 * @example
 * ```ts
 * BIG_TABLE.byChar["n".charCodeAt(0)]; // returns undefined
 * ```
 */
export const BIG_TABLE: Table = makeTable(
  "big",
  NATIVE_LITTLE_ENDIAN ? standardRows(false) : withNativeFunctions(standardRows(false), nativeRowList),
);
