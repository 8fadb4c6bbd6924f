/**
 * The struct compiler: `prepare_s()` of `Modules/_struct.c`, two passes.
 *
 * The first pass checks the format and measures it (`measure.ts`, shared
 * with the protocol's itemsize check). The second pass fills the
 * {@link Code}s.
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
import { alignUp, measureStruct, type Measure } from "./measure.js";
import type { PositionalPacker } from "./generated-pack.js";
import { makePackPlan, packWithPlan, zeroBytes, type PackPlan, type Packer } from "./pack.js";
import type { Row } from "./row.js";
import type { Table } from "./table.js";
import { makeUnpackPlan, type UnpackPlan, type Unpacker } from "./unpack.js";

/**
 * The reading half of a compiled format: its measure, codes and unpack
 * function, without the pack side. The module-level `unpack`,
 * `unpackFrom`, `iterUnpack` and `calcsize` compile only this, so a program
 * that only reads carries no packer.
 *
 * @example
 * ```ts
 * compileReader("<iid").unpackAt(new DataView(new ArrayBuffer(16)), 0); // returns [0, 0, 0]
 * ```
 */
export interface CompiledReader {
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
  /** Reads every value of a struct at a byte offset. */
  readonly unpackAt: Unpacker;
}

/**
 * A compiled format: what a CPython `Struct` holds after `prepare_s()`.
 *
 * @example
 * ```ts
 * compileFormat("@bi").size; // returns 8
 * ```
 */
export interface CompiledFormat extends CompiledReader {
  /** The plan of the pack loop. */
  readonly packPlan: PackPlan;
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

const S = 0x73; // s
const P = 0x70; // p
const X = 0x78; // x

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

/** Both passes: the format's measure and codes (`prepare_s()` up to the loops). */
function compileCodes(format: string): { m: Measure; codes: readonly Code[] } {
  if (format.includes("\0")) throw new StructError("embedded null character");
  const { table, start } = whichTable(format, 0);
  const m = measureStruct(format, start, table);
  return { m, codes: Object.freeze(fillCodes(format, start, table)) };
}

/**
 * Compiles the reading half of a format given as a string of byte values:
 * what {@link compileFormat} gives, but for the pack side, with the same
 * errors.
 *
 * @example
 * ```ts
 * compileReader("3x2s").len; // returns 1
 * ```
 */
export function compileReader(format: string): CompiledReader {
  const { m, codes } = compileCodes(format);
  const unpackPlan = makeUnpackPlan(codes, m.len);
  const loop = unpackPlan.loop;
  return Object.freeze({
    format,
    size: m.size,
    len: m.len,
    exactSize: m.exactSize,
    exactLen: m.exactLen,
    codes,
    unpackPlan,
    unpackAt: (view: DataView, byteOffset: number) => loop(unpackPlan, view, byteOffset),
  });
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
  const { m, codes } = compileCodes(format);
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
