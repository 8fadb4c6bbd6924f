/**
 * The struct compiler: `prepare_s()` of `Modules/_struct.c`, two passes.
 *
 * The first pass checks the format and measures it: the total size, the
 * number of values and the number of codes, failing where the detail is
 * known (an unknown character, a count with no character after it, a size
 * beyond `PY_SSIZE_T_MAX`). It counts in doubles while the numbers are small
 * and in BigInts once a count or the size gets large, so its answer is exact
 * for every size CPython accepts. The second pass fills the {@link Code}s.
 * Then the pack and unpack loops are chosen for the format, once: the
 * interpreter's plans. `Struct` swaps in functions generated for the format
 * where the runtime allows it (`withGeneratedFunctions`); the codec's other
 * readers (item codecs, views) keep the interpreter, so that a bundle
 * without `Struct` carries no code generator.
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import { whichTable } from "./byte-order.js";
import type { Code } from "./code.js";
import { newFormatItem, readItem } from "./grammar.js";
import { PY_SSIZE_T_MAX } from "./native-sizes.js";
import type { PositionalPacker } from "./generated-pack.js";
import { makePackPlan, packWithPlan, zeroBytes, type PackPlan, type Packer } from "./pack.js";
import type { Row } from "./row.js";
import type { Table } from "./table.js";
import { makeUnpackPlan, type UnpackPlan, type Unpacker } from "./unpack.js";

/**
 * A compiled format: what a CPython `Struct` holds after `prepare_s()`.
 *
 * @example
 * ```ts
 * compileFormat("@bi").size; // returns 8
 * ```
 */
export interface CompiledFormat {
  /** The format, as a string of byte values. */
  readonly format: string;
  /** `s_size`: the struct's size in bytes (rounded above 2**53). */
  readonly size: number;
  /** `s_len`: how many values pack takes and unpack gives (rounded above 2**53). */
  readonly len: number;
  /** The exact size. */
  readonly exactSize: bigint;
  /** The exact number of values. */
  readonly exactLen: bigint;
  /** The codes, in format order. */
  readonly codes: readonly Code[];
  /** The plan of the unpack loop. */
  readonly unpackPlan: UnpackPlan;
  /** The plan of the pack loop. */
  readonly packPlan: PackPlan;
  /** Reads every value of a struct at a byte offset. */
  readonly unpackAt: Unpacker;
  /** Writes every value of a struct at a byte offset (the bytes must be zeroed first). */
  readonly packAt: Packer;
  /**
   * Writes every value of a struct at a byte offset over bytes that may hold
   * anything: the bytes left are those of zeroing the struct (`memset`) and
   * then packing, also when a value is refused.
   */
  readonly writeAt: Packer;
  /**
   * `writeAt` with the values as arguments (at most eight), generated for
   * formats of up to eight values; null otherwise.
   */
  readonly writeArgs: PositionalPacker | null;
  /** Whether `unpackAt`, `packAt` and `writeAt` are generated for this format (else the interpreter's). */
  readonly generated: boolean;
}

const badChar = (): StructError => new StructError("bad char in struct format");
const tooLong = (): StructError => new StructError("total struct size too long");

const S = 0x73; // s
const P = 0x70; // p
const X = 0x78; // x

/** `align()`: `size` rounded up to the row's alignment (0 or 1: none). */
function alignUp(size: number, row: Row): number {
  const a = row.align;
  return a > 1 && size > 0 ? size + (a - 1 - ((size - 1) % a)) : size;
}

function alignUpExact(size: bigint, row: Row): bigint {
  const a = BigInt(row.align);
  return a > 1n && size > 0n ? size + (a - 1n - ((size - 1n) % a)) : size;
}

interface Measure {
  size: number;
  len: number;
  exactSize: bigint;
  exactLen: bigint;
}

/** The first pass. */
function measure(format: string, start: number, table: Table): Measure {
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

/** The second pass. */
function fillCodes(format: string, start: number, table: Table): Code[] {
  const item = newFormatItem();
  const codes: Code[] = [];
  let size = 0;
  let index = start;
  while (readItem(format, index, item)) {
    index = item.end;
    const c = item.charCode;
    const row = table.byChar[c] as Row;
    const num = item.count;
    size = alignUp(size, row);
    if (c === S || c === P) {
      codes.push(Object.freeze({ row, byteOffset: size, size: num, repeat: 1 }));
      size += num;
    } else if (c === X) {
      size += num;
    } else if (num !== 0) {
      codes.push(Object.freeze({ row, byteOffset: size, size: row.size, repeat: num }));
      size += row.size * num;
    }
  }
  return codes;
}

/**
 * Compiles a format given as a string of byte values (each char 0–255), as
 * `Struct.__init__` does once the format is bytes.
 *
 * @example
 * ```ts
 * compileFormat("<iid").size; // returns 16
 * ```
 * @example
 * ```ts
 * compileFormat("3x2s").len; // returns 1
 * ```
 */
export function compileFormat(format: string): CompiledFormat {
  if (format.includes("\0")) throw new StructError("embedded null character");
  const { table, start } = whichTable(format, 0);
  const m = measure(format, start, table);
  const codes = Object.freeze(fillCodes(format, start, table));
  const unpackPlan = makeUnpackPlan(codes, m.len);
  const packPlan = makePackPlan(codes, m.len);
  const size = m.size;
  const loop = unpackPlan.loop;
  const interpretedPackAt: Packer = (view, byteOffset, values, valueIndex) =>
    packWithPlan(packPlan, view, byteOffset, values, valueIndex);
  return Object.freeze({
    format,
    size: m.size,
    len: m.len,
    exactSize: m.exactSize,
    exactLen: m.exactLen,
    codes,
    unpackPlan,
    packPlan,
    unpackAt: (view: DataView, byteOffset: number) => loop(unpackPlan, view, byteOffset),
    packAt: interpretedPackAt,
    writeAt: (view: DataView, byteOffset: number, values: ArrayLike<unknown>, valueIndex: number) => {
      zeroBytes(view, byteOffset, size);
      packWithPlan(packPlan, view, byteOffset, values, valueIndex);
    },
    writeArgs: null,
    generated: false,
  });
}
