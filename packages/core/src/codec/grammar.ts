/**
 * The tokens of a struct format: whitespace, repeat counts and format
 * characters, read as `prepare_s()` reads them.
 *
 * Whitespace (`Py_ISSPACE`: space, `\t \n \v \f \r`) may stand between items
 * but not between a count and its character: in `"2 i"` the count is followed
 * by the character `' '`, which no table has. A count that exceeds
 * `PY_SSIZE_T_MAX` fails as soon as it is read ("total struct size too
 * long"), and a count at the very end fails with "repeat count given without
 * format specifier".
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";

/**
 * Whether the character code is whitespace to `Py_ISSPACE`.
 *
 * @example
 * ```ts
 * isStructSpace(0x0b); // returns true
 * ```
 */
export function isStructSpace(charCode: number): boolean {
  return charCode === 0x20 || (charCode >= 0x09 && charCode <= 0x0d);
}

/**
 * Whether the character code is an ASCII digit.
 *
 * @example
 * ```ts
 * isDigitCode("7".charCodeAt(0)); // returns true
 * ```
 */
export function isDigitCode(charCode: number): boolean {
  return charCode >= 0x30 && charCode <= 0x39;
}

/**
 * One item of a format, filled in by {@link readItem}.
 *
 * @example
 * ```ts
 * const item = newFormatItem(); readItem("3i", 0, item); item.count; // returns 3
 * ```
 */
export interface FormatItem {
  /** The format character's code. */
  charCode: number;
  /** Its repeat count (1 when none was given), exact up to 2**53 - 1. */
  count: number;
  /** The exact count where it exceeds 2**53 - 1, else null. */
  bigCount: bigint | null;
  /** The index just after the character. */
  end: number;
}

/**
 * A blank {@link FormatItem} to be filled in.
 *
 * @example
 * ```ts
 * newFormatItem().count; // returns 1
 * ```
 */
export function newFormatItem(): FormatItem {
  return { charCode: 0, count: 1, bigCount: null, end: 0 };
}

const MAX_DIGITS = "9223372036854775807";

/**
 * The value of the digits `format[start, end)` (leading zeros allowed) into
 * `item`, or a "total struct size too long" error above `PY_SSIZE_T_MAX`.
 */
function readCount(format: string, start: number, end: number, item: FormatItem): void {
  while (start < end - 1 && format.charCodeAt(start) === 0x30) start++;
  const digits = end - start;
  if (digits <= 15) {
    let n = 0;
    for (let i = start; i < end; i++) n = n * 10 + (format.charCodeAt(i) - 0x30);
    item.count = n;
    item.bigCount = null;
    return;
  }
  const text = format.slice(start, end);
  if (digits > MAX_DIGITS.length || (digits === MAX_DIGITS.length && text > MAX_DIGITS)) {
    throw new StructError("total struct size too long");
  }
  const big = BigInt(text);
  item.count = Number(big);
  item.bigCount = big <= BigInt(Number.MAX_SAFE_INTEGER) ? null : big;
}

/**
 * Reads the item that begins at or after `index` (after any whitespace) into
 * `item`. Returns false when only whitespace is left.
 *
 * @example
 * ```ts
 * const item = newFormatItem(); readItem("  12s", 0, item); [item.count, item.end]; // returns [12, 5]
 * ```
 * @example
 * ```ts
 * readItem(" ", 0, newFormatItem()); // returns false
 * ```
 */
export function readItem(format: string, index: number, item: FormatItem): boolean {
  const length = format.length;
  let c = 0;
  while (index < length) {
    c = format.charCodeAt(index);
    if (!isStructSpace(c)) break;
    index++;
  }
  if (index >= length) return false;
  if (isDigitCode(c)) {
    const start = index;
    while (index < length && isDigitCode(format.charCodeAt(index))) index++;
    readCount(format, start, index, item);
    if (index >= length) throw new StructError("repeat count given without format specifier");
    c = format.charCodeAt(index);
  } else {
    item.count = 1;
    item.bigCount = null;
  }
  item.charCode = c;
  item.end = index + 1;
  return true;
}
