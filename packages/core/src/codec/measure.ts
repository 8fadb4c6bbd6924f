/**
 * The first pass of the struct compiler (`prepare_s()` of
 * `Modules/_struct.c`): it checks a format and measures it (the total size
 * and the number of values), failing where the detail is known (an unknown
 * character, a count with no character after it, a size beyond
 * `PY_SSIZE_T_MAX`). It counts in doubles while the numbers are small and in
 * BigInts once a count or the size gets large, so its answer is exact for
 * every size CPython accepts.
 *
 * It needs only each character's size and alignment, so it runs over the
 * codec's rows (the compiler) or over the size tables alone (the protocol's
 * itemsize check, which carries no codec).
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import { newFormatItem, readItem } from "./grammar.js";
import { NATIVE_LITTLE_ENDIAN, PY_SSIZE_T_MAX } from "./native-sizes.js";
import type { SizeRow, SizeTable, TableName } from "./size-table.js";

const badChar = (): StructError => new StructError("bad char in struct format");
const tooLong = (): StructError => new StructError("total struct size too long");

const S = 0x73; // s
const P = 0x70; // p
const X = 0x78; // x

/**
 * `align()`: `size` rounded up to the row's alignment (0 or 1: none).
 *
 * @example
 * ```ts
 * alignUp(5, { size: 4, align: 4 }); // returns 8
 * ```
 */
export function alignUp(size: number, row: SizeRow): number {
  const a = row.align;
  return a > 1 && size > 0 ? size + (a - 1 - ((size - 1) % a)) : size;
}

function alignUpExact(size: bigint, row: SizeRow): bigint {
  const a = BigInt(row.align);
  return a > 1n && size > 0n ? size + (a - 1n - ((size - 1n) % a)) : size;
}

/**
 * A format's measure: its size and number of values, rounded to doubles
 * above 2**53, and exact.
 */
export interface Measure {
  /** `s_size` (rounded above 2**53). */
  readonly size: number;
  /** `s_len` (rounded above 2**53). */
  readonly len: number;
  /** The exact size. */
  readonly exactSize: bigint;
  /** The exact number of values. */
  readonly exactLen: bigint;
}

/**
 * `whichtable()` by name: the table a format's prefix selects (`=` is the
 * little-endian one on this little-endian platform) and where its items
 * begin.
 *
 * @example
 * ```ts
 * tablePrefix("!h", 0); // returns { name: "big", start: 1 }
 * ```
 * @example
 * ```ts
 * tablePrefix("h", 0); // returns { name: "native", start: 0 }
 * ```
 */
export function tablePrefix(format: string, start: number): { name: TableName; start: number } {
  switch (format.charCodeAt(start)) {
    case 0x3c: // <
      return { name: "little", start: start + 1 };
    case 0x3d: // = : host order, standard sizes
      return { name: NATIVE_LITTLE_ENDIAN ? "little" : "big", start: start + 1 };
    case 0x3e: // >
    case 0x21: // !
      return { name: "big", start: start + 1 };
    case 0x40: // @
      return { name: "native", start: start + 1 };
    default:
      return { name: "native", start };
  }
}

/**
 * The first pass over the items of `format` from `start` on, by `table`
 * (the codec's rows or a size table): throws the `StructError` that
 * `struct` would for a bad format.
 *
 * @example
 * ```ts
 * measureStruct("bi", 0, sizeTable("native")).size; // returns 8
 * ```
 */
export function measureStruct(format: string, start: number, table: SizeTable): Measure {
  const item = newFormatItem();
  let size = 0;
  let len = 0;
  let bigSize: bigint | null = null;
  let bigLen = 0n;
  let index = start;
  while (readItem(format, index, item)) {
    index = item.end;
    const c = item.charCode;
    const row = table.byChar[c];
    if (row === undefined) throw badChar();
    const num = item.count;
    if (bigSize === null && item.bigCount === null && num <= 0xffffffff && size <= 2 ** 52) {
      if (c === S || c === P) len += 1;
      else if (c !== X) len += num;
      size = alignUp(size, row) + num * row.size;
      continue;
    }
    // Large numbers: the exact twin of the lines above, with CPython's checks.
    if (bigSize === null) {
      bigSize = BigInt(size);
      bigLen = BigInt(len);
    }
    const bigNum = item.bigCount ?? BigInt(num);
    if (c === S || c === P) bigLen += 1n;
    else if (c !== X) bigLen += bigNum;
    bigSize = alignUpExact(bigSize, row);
    if (bigSize > PY_SSIZE_T_MAX) throw tooLong();
    const itemsize = BigInt(row.size);
    if (bigNum > (PY_SSIZE_T_MAX - bigSize) / itemsize) throw tooLong();
    bigSize += bigNum * itemsize;
  }
  if (bigSize === null) return { size, len, exactSize: BigInt(size), exactLen: BigInt(len) };
  return { size: Number(bigSize), len: Number(bigLen), exactSize: bigSize, exactLen: bigLen };
}
