/**
 * The pack loop compiled per format: a function that writes the struct's
 * values with the DataView call of each row written out, with no array of
 * writers to index and no call per value, so its call sites stay
 * monomorphic however many formats a program uses.
 *
 * It leaves the same bytes as CPython's `memset` followed by
 * `s_pack_internal()` (what the interpreter does), without zeroing what it
 * is about to overwrite:
 *
 * - the pad bytes (`x` and alignment) are zeroed first;
 * - an integer or `d` value on its fast path (a `number` or `bigint` the row
 *   takes as it is) is written whole, as the row's packer would write it;
 * - any other value goes to its row's packer, the interpreter's own
 *   function, which checks it and throws CPython's error. Before the first
 *   such call the rest of the struct, from that field on, is zeroed, so a
 *   packer that writes only part of its field (`s`, `p`) or fails (leaving
 *   nothing, or for the big-endian 8-byte rows their low 8 bytes) leaves
 *   exactly the bytes it would over a zeroed struct, and every later field
 *   is zero until written.
 *
 * So, as in CPython, a refused value leaves the values before it written and
 * the rest of the struct zero.
 *
 * The source text is built from the compiled codes alone (DataView method
 * names, offsets, counts, range bounds and endianness chosen here): a
 * format's characters and the values never reach it.
 *
 * @packageDocumentation
 */

import type { Code } from "./code.js";
import { MAX_GENERATED_CODES } from "./generated-unpack.js";
import { packFnOf, zeroBytes, type Packer } from "./pack.js";
import type { PackFn, Row } from "./row.js";
import { fieldRow } from "./unpack.js";

const MAX_GENERATED_SIZE = 2 ** 30;
/** Repeats of one code up to this many are unrolled; a loop beyond. */
const MAX_UNROLLED_REPEAT = 4;
/** Pad runs up to this many bytes are zeroed byte by byte. */
const MAX_INLINE_PAD = 8;

const INTEGER_CHARS = "bBhHiIlLqQnN";

/** `"true"` or `"false"`, the literal of a row's byte order. */
function endianLiteral(row: Row): string {
  return row.littleEndian ? "true" : "false";
}

/**
 * The fast path of one value `x` of `row` at `at`: a condition under which
 * the row's packer would write `x` as it is, and the statement that writes
 * it; or null when every value goes to the packer. Each condition is the
 * fast path the packer itself takes (or its range check on such a value),
 * so both write the same bytes.
 */
function fastPath(row: Row, at: string, x: string): { when: string; write: string } | null {
  if (row.packKey === null) return null;
  const le = endianLiteral(row);
  const char = row.char;
  if (char === "d") return { when: `typeof ${x} === "number"`, write: `v.setFloat64(${at}, ${x}, ${le});` };
  if (!INTEGER_CHARS.includes(char)) return null; // c s p ? e f P: the packer
  const signed = char === char.toLowerCase();
  const number = `typeof ${x} === "number" && `;
  switch (row.size) {
    case 1:
      return signed
        ? { when: `${number}(${x} << 24 >> 24) === ${x}`, write: `v.setInt8(${at}, ${x});` }
        : { when: `${number}(${x} & 255) === ${x}`, write: `v.setUint8(${at}, ${x});` };
    case 2:
      return signed
        ? { when: `${number}(${x} << 16 >> 16) === ${x}`, write: `v.setInt16(${at}, ${x}, ${le});` }
        : { when: `${number}(${x} & 65535) === ${x}`, write: `v.setUint16(${at}, ${x}, ${le});` };
    case 4:
      return signed
        ? { when: `${number}(${x} | 0) === ${x}`, write: `v.setInt32(${at}, ${x}, ${le});` }
        : { when: `${number}(${x} >>> 0) === ${x}`, write: `v.setUint32(${at}, ${x}, ${le});` };
    case 8:
      // A safe-integer number or a bigint in range: the 8-byte packers write
      // both without a check that could fail.
      return signed
        ? {
            when:
              `(${number}Number.isSafeInteger(${x})) || ` +
              `(typeof ${x} === "bigint" && ${x} >= -9223372036854775808n && ${x} <= 9223372036854775807n)`,
            write: `v.setBigInt64(${at}, typeof ${x} === "bigint" ? ${x} : BigInt(${x}), ${le});`,
          }
        : {
            when:
              `(${number}Number.isSafeInteger(${x}) && ${x} >= 0) || ` +
              `(typeof ${x} === "bigint" && ${x} >= 0n && ${x} <= 18446744073709551615n)`,
            write: `v.setBigUint64(${at}, typeof ${x} === "bigint" ? ${x} : BigInt(${x}), ${le});`,
          };
    default:
      return null;
  }
}

/** `b + n`, or `b` for 0. */
function offsetExpression(n: number): string {
  return n === 0 ? "b" : `b + ${n}`;
}

/** The byte ranges of the struct that no code writes: `x` and alignment pads. */
function padRanges(codes: readonly Code[], size: number): [number, number][] {
  const pads: [number, number][] = [];
  let end = 0;
  for (const code of codes) {
    if (code.byteOffset > end) pads.push([end, code.byteOffset]);
    end = code.byteOffset + code.size * code.repeat;
  }
  if (size > end) pads.push([end, size]);
  return pads;
}

/**
 * Writes the source of a packer for `codes` (`size` bytes): the names and
 * values of the arguments its factory takes (`Z` the zeroing helper, and the
 * packers and rows of the values that may go to them), and the body.
 */
function packSource(
  codes: readonly Code[],
  size: number,
  positional: boolean,
): { names: string[]; args: unknown[]; body: string } {
  const names: string[] = ["Z"];
  const args: unknown[] = [zeroBytes];
  const statements: string[] = ["var z = false;"];
  for (const [start, end] of padRanges(codes, size)) {
    if (end - start <= MAX_INLINE_PAD) {
      for (let i = start; i < end; i++) statements.push(`v.setUint8(${offsetExpression(i)}, 0);`);
    } else {
      statements.push(`Z(v, ${offsetExpression(start)}, ${end - start});`);
    }
  }
  let k = 0;
  let values = 0;
  for (const [c, code] of codes.entries()) {
    const row = fieldRow(code);
    names.push(`w${c}`, `x${c}`);
    args.push(packFnOf(row) as PackFn, row);
    /**
     * One value, read into a variable of its own (one shared variable would
     * make V8 box every double it holds), at `rel` in the struct (an
     * expression over `j` in a loop).
     */
    const one = (valueIndex: string, rel: string): string => {
      const at = rel === "0" ? "b" : `b + ${rel}`;
      const x = `y${values++}`;
      const slow = `{ if (!z) { z = true; Z(v, ${at}, ${size} - (${rel})); } w${c}(v, ${at}, ${x}, x${c}); }`;
      const fast = fastPath(row, at, x);
      // Positional: the values are the parameters p0 … p7, not an array.
      const read = positional ? `var ${x} = p${valueIndex};` : `var ${x} = a[k + ${valueIndex}];`;
      return fast === null ? `${read} ${slow}` : `${read} if (${fast.when}) ${fast.write} else ${slow}`;
    };
    if (code.repeat <= MAX_UNROLLED_REPEAT || positional) {
      for (let j = 0; j < code.repeat; j++) statements.push(one(String(k + j), String(code.byteOffset + j * code.size)));
    } else {
      statements.push(`for (var j = 0; j < ${code.repeat}; j++) { ${one(`${k} + j`, `${code.byteOffset} + ${code.size} * j`)} }`);
    }
    k += code.repeat;
  }
  const params = positional ? Array.from({ length: MAX_POSITIONAL }, (_, i) => `p${i}`).join(", ") : "a, k";
  const body = `"use strict";\nreturn function packGenerated(v, b, ${params}) {\n  ${statements.join("\n  ")}\n};`;
  return { names, args, body };
}

/**
 * The generated packer of `codes` (`size` bytes), or null when the format is
 * too long or too large to generate (the interpreter then writes it). It
 * needs no zeroed bytes: it leaves what zeroing and then packing would. The
 * caller has checked the number of values and that code generation is
 * allowed.
 *
 * @example
 * ```ts
 * const u = new Uint8Array([9, 9, 9, 9, 9]); generatePacker(compileFormat(">hxh").codes, 5)(new DataView(u.buffer), 0, [1, 2], 0); u; // returns new Uint8Array([0, 1, 0, 0, 2])
 * ```
 */
export function generatePacker(codes: readonly Code[], size: number): Packer | null {
  if (codes.length > MAX_GENERATED_CODES || size > MAX_GENERATED_SIZE) return null;
  const { names, args, body } = packSource(codes, size, false);
  const factory = new Function(...names, body) as (...a: unknown[]) => Packer;
  return factory(...args);
}

/**
 * The most values a {@link PositionalPacker} takes.
 *
 * @example
 * ```ts
 * MAX_POSITIONAL; // returns 8
 * ```
 */
export const MAX_POSITIONAL = 8;

/**
 * A packer that takes the values as arguments (up to {@link MAX_POSITIONAL};
 * the rest are unused), so that `packInto` hands them on without an array.
 */
export type PositionalPacker = (view: DataView, byteOffset: number, ...values: unknown[]) => void;

/**
 * The generated packer of `codes` (`len` values, `size` bytes) that takes
 * its values as arguments, or null for a format of more than
 * {@link MAX_POSITIONAL} values or one {@link generatePacker} refuses. It
 * leaves the same bytes as the packer of {@link generatePacker}.
 *
 * @example
 * ```ts
 * const u = new Uint8Array(4); generatePositionalPacker(compileFormat(">hh").codes, 2, 4)(new DataView(u.buffer), 0, 1, 2); u; // returns new Uint8Array([0, 1, 0, 2])
 * ```
 */
export function generatePositionalPacker(codes: readonly Code[], len: number, size: number): PositionalPacker | null {
  if (len > MAX_POSITIONAL || codes.length > MAX_GENERATED_CODES || size > MAX_GENERATED_SIZE) return null;
  const { names, args, body } = packSource(codes, size, true);
  const factory = new Function(...names, body) as (...a: unknown[]) => PositionalPacker;
  return factory(...args);
}
