/**
 * The sizes and alignments of the struct format characters in each mode,
 * without the functions that read and write them: what measuring a format
 * needs (`calcsize`, `PyBuffer_SizeFromFormat`, the PEP 3118 layout), so
 * that the protocol can check an exporter's itemsize against its format
 * without carrying the codec's rows (`table.ts`).
 *
 * They hold the same sizes and alignments as the rows of `table.ts`, and the
 * same characters (a test compares every character of every table). Each
 * table is built on first use.
 *
 * @packageDocumentation
 */

import { NATIVE_ALIGNMENTS as A, NATIVE_SIZES as S } from "./native-sizes.js";

/** The size and alignment of one format character in one mode: a row's layout. */
export interface SizeRow {
  /** Bytes per value (per byte for `x s p`). */
  readonly size: number;
  /** The alignment in bytes, or 0 where the mode does not align. */
  readonly align: number;
}

/**
 * The layout of each character of one mode, by character code (0–255);
 * undefined where the mode has no such character.
 *
 * @example
 * ```ts
 * sizeTable("native").byChar["l".charCodeAt(0)].size; // returns 8
 * ```
 */
export interface SizeTable {
  readonly byChar: readonly (SizeRow | undefined)[];
}

/** Which table: native (`@`, `^` and no prefix), little-endian standard (`<` `=`) or big-endian standard (`>` `!`). */
export type TableName = "native" | "little" | "big";

function makeSizeTable(entries: readonly [chars: string, size: number, align: number][]): SizeTable {
  const byChar: (SizeRow | undefined)[] = new Array<SizeRow | undefined>(256).fill(undefined);
  for (const [chars, size, align] of entries) {
    const row = Object.freeze({ size, align });
    for (const ch of chars) byChar[ch.charCodeAt(0)] = row;
  }
  return Object.freeze({ byChar: Object.freeze(byChar) });
}

/** The native sizes and alignments of x86-64 Linux (`native-sizes.ts`). */
function nativeSizes(): SizeTable {
  return makeSizeTable([
    ["xbBcsp", 1, 0],
    ["hH", S.short, A.short],
    ["iI", S.int, A.int],
    ["lL", S.long, A.long],
    ["nN", S.sizeT, A.sizeT],
    ["qQ", S.longLong, A.longLong],
    ["?", S.bool, A.bool],
    ["e", S.half, A.half],
    ["f", S.float, A.float],
    ["d", S.double, A.double],
    ["F", S.floatComplex, A.floatComplex],
    ["D", S.doubleComplex, A.doubleComplex],
    ["P", S.pointer, A.pointer],
  ]);
}

/** The standard sizes, unaligned, with no `n N P` (both byte orders alike). */
function standardSizes(): SizeTable {
  return makeSizeTable([
    ["xbBcsp?", 1, 0],
    ["hHe", 2, 0],
    ["iIlLf", 4, 0],
    ["qQdF", 8, 0],
    ["D", 16, 0],
  ]);
}

let native: SizeTable | undefined;
let standard: SizeTable | undefined;

/**
 * The size table of a mode, built on first use.
 *
 * @example
 * ```ts
 * sizeTable("little").byChar["l".charCodeAt(0)].size; // returns 4
 * ```
 * @example
 * ```ts
 * sizeTable("big").byChar["n".charCodeAt(0)]; // returns undefined
 * ```
 */
export function sizeTable(name: TableName): SizeTable {
  if (name === "native") {
    native ??= nativeSizes();
    return native;
  }
  standard ??= standardSizes();
  return standard;
}
