/**
 * The three struct tables of `Modules/_struct.c`: native (`@`), little-endian
 * (`<`, and `=` on this little-endian platform) and big-endian (`>` `!`).
 *
 * Native rows have the C sizes and alignments of x86-64 Linux, standard
 * rows the standard sizes and no alignment, and no `n N P`: each row takes
 * its size and alignment from the size tables (`size-table.ts`), the one
 * place they are written down, which the protocol measures formats with. As `_structmodule_exec()` does at start-up, the
 * host-endian standard table takes the native functions wherever the sizes
 * match, except for `f`, `d` and `?` (a native `f` does not check for
 * overflow, and `_Bool`'s standard meaning may differ); 3.14's `F` and `D`
 * are not excepted, so `<F` casts like native `F`. Each table is built
 * on first use and frozen.
 *
 * @packageDocumentation
 */

import { boolRow, byteCountRow, charRow } from "./byte-rows.js";
import { doubleComplexRow, floatComplexRow } from "./complex-rows.js";
import { doubleFloatRow, halfFloatRow, singleFloatRow } from "./float-rows.js";
import { integerRow } from "./integer-rows.js";
import { NATIVE_LITTLE_ENDIAN } from "./native-sizes.js";
import type { Row } from "./row.js";
import { sizeTable, type SizeRow, type TableName } from "./size-table.js";

/**
 * A struct table: its rows in CPython's order, and the same rows by character
 * code (0–255) for the compiler's lookups (`getentry`).
 *
 * @example
 * ```ts
 * rowTable("native").byChar["P".charCodeAt(0)].size; // returns 8
 * ```
 */
export interface Table {
  readonly name: TableName;
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

/** The characters of each mode, in CPython's order (`native_table`, `lilendian_table`). */
const NATIVE_CHARS = "xbBcsphHiIlLnNqQ?efdFDP";
const STANDARD_CHARS = "xbBcsphHiIlLqQ?efdFD";

/**
 * The row of `char` with its size and alignment in a mode (from the size
 * tables, the one place they are written down). `checked` selects the
 * standard `f` and `F`, which refuse values out of float range; the native
 * ones cast, as C does.
 */
function makeRow(char: string, sized: SizeRow, littleEndian: boolean, checked: boolean): Row {
  const align = sized.align;
  switch (char) {
    case "x":
    case "s":
    case "p":
      return byteCountRow(char);
    case "c":
      return charRow();
    case "?":
      return boolRow(align);
    case "e":
      return halfFloatRow(align, littleEndian);
    case "f":
      return singleFloatRow(align, littleEndian, checked);
    case "d":
      return doubleFloatRow(align, littleEndian);
    case "F":
      return floatComplexRow(align, littleEndian, checked);
    case "D":
      return doubleComplexRow(align, littleEndian);
    default:
      // b h i l n q are signed, their capitals unsigned; P is native only.
      return integerRow(char, sized.size as 1 | 2 | 4 | 8, char > "Z", align, littleEndian, char === "P");
  }
}

function nativeRows(): Row[] {
  const sizes = sizeTable("native");
  return Array.from(NATIVE_CHARS, (char) =>
    makeRow(char, sizes.byChar[char.charCodeAt(0)] as SizeRow, NATIVE_LITTLE_ENDIAN, false),
  );
}

function standardRows(littleEndian: boolean): Row[] {
  const sizes = sizeTable(littleEndian ? "little" : "big");
  return Array.from(STANDARD_CHARS, (char) => makeRow(char, sizes.byChar[char.charCodeAt(0)] as SizeRow, littleEndian, true));
}

let nativeRowCache: Row[] | undefined;

/** The native rows, made once: the native table and the host-endian standard one share their functions. */
function nativeRowList(): Row[] {
  nativeRowCache ??= nativeRows();
  return nativeRowCache;
}

function withNativeFunctions(standard: Row[], native: Row[]): Row[] {
  return standard.map((row) => {
    const twin = native.find((n) => n.char === row.char);
    if (twin === undefined || twin.size !== row.size || "fd?".includes(row.char)) return row;
    return { ...row, unpack: twin.unpack, packKey: twin.packKey, unpackRun: twin.unpackRun };
  });
}

let nativeTable: Table | undefined;
let littleTable: Table | undefined;
let bigTable: Table | undefined;

/**
 * The table of a mode, built on first use (so that importing the package
 * builds none): native (`@`, or no prefix), little-endian standard (`<`,
 * and `=` on this platform) or big-endian standard (`>` and `!`).
 *
 * @example
 * ```ts
 * rowTable("native").byChar["l".charCodeAt(0)].align; // returns 8
 * ```
 * @example
 * ```ts
 * rowTable("little").byChar["l".charCodeAt(0)].size; // returns 4
 * ```
 * @example
 * ```ts
 * rowTable("big").byChar["n".charCodeAt(0)]; // returns undefined
 * ```
 */
export function rowTable(name: TableName): Table {
  if (name === "native") {
    nativeTable ??= makeTable("native", nativeRowList());
    return nativeTable;
  }
  if (name === "little") {
    littleTable ??= makeTable(
      "little",
      NATIVE_LITTLE_ENDIAN ? withNativeFunctions(standardRows(true), nativeRowList()) : standardRows(true),
    );
    return littleTable;
  }
  bigTable ??= makeTable(
    "big",
    NATIVE_LITTLE_ENDIAN ? standardRows(false) : withNativeFunctions(standardRows(false), nativeRowList()),
  );
  return bigTable;
}
