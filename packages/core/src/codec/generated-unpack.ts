/**
 * The unpack loop compiled per format: a function whose body reads each
 * value of the struct with the DataView call of its row written out, e.g.
 * `[v.getInt32(b, true), v.getInt32(b + 4, true), v.getFloat64(b + 8, true)]`
 * for `'<iid'`. Its call sites see one format only, so they never go
 * megamorphic, however many formats a program uses.
 *
 * The source text is built from the compiled codes alone: DataView method
 * names, byte offsets, counts and endianness chosen here from the row's
 * size and character; a format's characters, field names or values never
 * reach it. Values that need more than one DataView call (`c`, `e`, `s`
 * beyond 8 bytes, `p`) call their row's reader, the interpreter's own
 * function, which the function receives as an argument.
 *
 * @packageDocumentation
 */

import type { Code } from "./code.js";
import type { Row, UnpackFn } from "./row.js";
import type { Unpacker } from "./unpack.js";
import { fieldRow } from "./unpack.js";

/** The integer codes, whose DataView method follows from size and sign. */
const INTEGER_CHARS = "bBhHiIlLqQnNP";

/**
 * The most codes and bytes a generated function handles; longer formats keep
 * the interpreter, so that no source text grows without bound.
 *
 * @example
 * ```ts
 * MAX_GENERATED_CODES; // returns 64
 * ```
 */
export const MAX_GENERATED_CODES = 64;
const MAX_GENERATED_SIZE = 2 ** 30;

/** Unrolled into one array literal up to this many values; loops beyond. */
const MAX_UNROLLED = 16;
/** Repeats of one code up to this many are unrolled in the looped form. */
const MAX_UNROLLED_REPEAT = 4;
/** `s` fields up to this many bytes are copied byte by byte. */
const MAX_INLINE_BYTES = 8;

/** `"true"` or `"false"`, the literal of a row's byte order. */
function endianLiteral(row: Row): string {
  return row.littleEndian ? "true" : "false";
}

/**
 * The DataView getter of an integer row of `size` bytes, signed or not
 * (lower-case characters are signed; `P` is unsigned).
 */
function integerGetter(row: Row): string | null {
  const signed = row.char !== "P" && row.char === row.char.toLowerCase();
  switch (row.size) {
    case 1:
      return signed ? "getInt8" : "getUint8";
    case 2:
      return signed ? "getInt16" : "getUint16";
    case 4:
      return signed ? "getInt32" : "getUint32";
    case 8:
      return signed ? "getBigInt64" : "getBigUint64";
    default:
      return null;
  }
}

/**
 * The expression that reads one value of `row` at the byte offset `at` (an
 * expression over `b`) of the DataView `v`, or null when the row's reader
 * must be called. `at` is made by this module, never from a format.
 */
function valueExpression(row: Row, at: string): string | null {
  if (row.unpack === null) return null;
  const char = row.char;
  if (INTEGER_CHARS.includes(char)) {
    const getter = integerGetter(row);
    if (getter === null) return null;
    return row.size === 1 ? `v.${getter}(${at})` : `v.${getter}(${at}, ${endianLiteral(row)})`;
  }
  if (char === "?") return `v.getUint8(${at}) !== 0`;
  if (char === "d") return `v.getFloat64(${at}, ${endianLiteral(row)})`;
  if (char === "f") return `v.getFloat32(${at}, ${endianLiteral(row)})`;
  return null;
}

/** `b + n`, or `b` for 0. */
function offsetExpression(n: number): string {
  return n === 0 ? "b" : `b + ${n}`;
}

/**
 * Writes the source of a unpacker for `codes` (`len` values): the names and
 * values of the arguments the factory takes (row readers and rows for the
 * values read by call), and the body of the factory.
 */
function unpackSource(codes: readonly Code[], len: number): { names: string[]; args: unknown[]; body: string } {
  const names: string[] = [];
  const args: unknown[] = [];
  /** A call of the row's reader, which the factory receives as `rI` with its row `xI`. */
  const call = (row: Row, at: string): string => {
    const i = names.length / 2;
    names.push(`r${i}`, `x${i}`);
    args.push(row.unpack as UnpackFn, row);
    return `r${i}(v, ${at}, x${i})`;
  };
  const statements: string[] = [];
  let temps = 0;
  /** An expression for one value; an `s` field of a few bytes is copied into a temporary first. */
  const read = (row: Row, at: string): string => {
    const inline = valueExpression(row, at);
    if (inline !== null) return inline;
    if (row.char === "s" && row.size >= 1 && row.size <= MAX_INLINE_BYTES) {
      const t = `t${temps++}`;
      statements.push(`var ${t} = new Uint8Array(${row.size});`);
      for (let j = 0; j < row.size; j++) statements.push(`${t}[${j}] = v.getUint8(${at} + ${j});`);
      return t;
    }
    return call(row, at);
  };
  if (len <= MAX_UNROLLED) {
    const values: string[] = [];
    for (const code of codes) {
      const row = fieldRow(code);
      for (let j = 0; j < code.repeat; j++) {
        const value = read(row, offsetExpression(code.byteOffset + j * code.size));
        // Each value is read into a variable in format order, so that a
        // temporary `s` copy is made where its value stands.
        statements.push(`var a${values.length} = ${value};`);
        values.push(`a${values.length}`);
      }
    }
    statements.push(`return [${values.join(", ")}];`);
  } else {
    statements.push(`var o = new Array(${len});`);
    let k = 0;
    for (const code of codes) {
      const row = fieldRow(code);
      if (code.repeat <= MAX_UNROLLED_REPEAT) {
        for (let j = 0; j < code.repeat; j++) {
          const value = read(row, offsetExpression(code.byteOffset + j * code.size));
          statements.push(`o[${k++}] = ${value};`);
        }
      } else {
        const value = read(row, `${offsetExpression(code.byteOffset)} + ${code.size} * j`);
        statements.push(`for (var j = 0; j < ${code.repeat}; j++) o[${k} + j] = ${value};`);
        k += code.repeat;
      }
    }
    statements.push("return o;");
  }
  const body = `"use strict";\nreturn function unpackGenerated(v, b) {\n  ${statements.join("\n  ")}\n};`;
  return { names, args, body };
}

/**
 * The generated unpacker of `codes` (`len` values, `size` bytes), or null
 * when the format is too long or too large to generate (the interpreter
 * then reads it). The caller has checked that code generation is allowed.
 *
 * @example
 * ```ts
 * generateUnpacker(compileFormat("<hh").codes, 2, 4)(new DataView(new Uint8Array([1, 0, 2, 0]).buffer), 0); // returns [1, 2]
 * ```
 */
export function generateUnpacker(codes: readonly Code[], len: number, size: number): Unpacker | null {
  if (codes.length > MAX_GENERATED_CODES || size > MAX_GENERATED_SIZE) return null;
  const { names, args, body } = unpackSource(codes, len);
  // The source is built from compiled codes only.
  const factory = new Function(...names, body) as (...a: unknown[]) => Unpacker;
  return factory(...args);
}
