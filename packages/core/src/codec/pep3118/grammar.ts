/**
 * The PEP 3118 format grammar, read the way NumPy reads it
 * (`_dtype_from_pep3118` in `numpy/_core/_internal.py`), with the struct
 * codes and byte-order prefixes of Python's `struct`.
 *
 * Beyond `struct`'s grammar: `T{…}` nests a struct; `(2,3)` before an item
 * makes it a sub-array; `:name:` after an item names it; `Zf` and `Zd` are
 * complex numbers; a byte-order prefix (`@ = < > ! ^`) may stand before any
 * item, and stays in force for what follows, nested or not; `^` is native
 * sizes and order without alignment. A repeat count makes a sub-array of its
 * item, except for `s`, `p` and `x`, whose count is their length.
 *
 * Under `@`, each item is aligned to its alignment, a struct's alignment is
 * the least common multiple of its items', and the struct is padded at its
 * end to that alignment when `@` is still in force there.
 *
 * Every failure is a `StructError`: the codes that cannot be decoded (`O`,
 * `&`, `u`, `w`, `g`, `Zg`, `t`, `X{}`) say which and why.
 *
 * @packageDocumentation
 */

import { StructError } from "../../errors.js";
import { isDigitCode, isStructSpace } from "../grammar.js";
import { sizeTable, type SizeRow, type SizeTable } from "../size-table.js";
import type { FieldKind, ParsedField, ParsedFormat } from "./parsed-format.js";
import { unsupportedReason } from "./unsupported.js";

/**
 * How deep `T{…}` may nest before the format is refused (NumPy's parser
 * recurses without a limit and hits Python's recursion limit instead).
 *
 * @example
 * ```ts
 * MAX_NESTING; // returns 64
 * ```
 */
export const MAX_NESTING = 64;

type Mode = "@" | "=" | "<" | ">" | "^";

class Stream {
  readonly text: string;
  index = 0;
  mode: Mode = "@";
  depth = 0;

  constructor(text: string) {
    this.text = text;
  }

  get code(): number {
    return this.text.charCodeAt(this.index);
  }

  get atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd && isStructSpace(this.code)) this.index++;
  }

  /** Digits from here, as a number (Infinity beyond 2**53), or -1 if none. */
  readNumber(): number {
    const start = this.index;
    let n = 0;
    while (!this.atEnd && isDigitCode(this.code)) {
      n = n * 10 + (this.code - 0x30);
      this.index++;
    }
    if (this.index === start) return -1;
    return n > Number.MAX_SAFE_INTEGER ? Infinity : n;
  }
}

const tooLong = (): StructError => new StructError("total struct size too long");
const badChar = (): StructError => new StructError("bad char in struct format");

/** The sizes of a mode: only a row's size and alignment matter here (`leaf-row.ts` finds the row). */
function tableOf(mode: Mode): SizeTable {
  return sizeTable(mode === "@" || mode === "^" ? "native" : mode === ">" ? "big" : "little");
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function product(shape: readonly number[]): number {
  let p = 1;
  for (const d of shape) p *= d;
  return p;
}

/** `(d0, d1, …)`: the dimensions of a sub-array. */
function readShape(st: Stream): number[] {
  const shape: number[] = [];
  for (;;) {
    st.skipSpace();
    const d = st.readNumber();
    if (d < 0) throw new StructError("bad sub-array shape in struct format: a dimension must be a number");
    if (d === Infinity) throw tooLong();
    shape.push(d);
    st.skipSpace();
    const c = st.code;
    st.index++;
    if (c === 0x29) return shape; // )
    if (c !== 0x2c) throw new StructError("bad sub-array shape in struct format: expected ',' or ')'");
  }
}

interface StructResult {
  itemsize: number;
  alignment: number;
  fields: ParsedField[];
  source: string;
}

/** One struct's items, up to its `}` (or the end, at the top). */
function readStruct(st: Stream, nested: boolean): StructResult {
  const fields: ParsedField[] = [];
  const names = new Set<string>();
  const sourceStart = st.index;
  let offset = 0;
  let commonAlignment = 1;
  for (;;) {
    st.skipSpace();
    if (st.atEnd) {
      if (nested) throw new StructError("unterminated 'T{' in struct format");
      break;
    }
    if (st.code === 0x7d) {
      // }
      if (!nested) throw new StructError("unmatched '}' in struct format");
      st.index++;
      break;
    }
    let shape: number[] = [];
    if (st.code === 0x28) {
      // (
      st.index++;
      shape = readShape(st);
      st.skipSpace();
    }
    const prefix = st.text[st.index];
    const prefixed = prefix === "@" || prefix === "=" || prefix === "<" || prefix === ">" || prefix === "^" || prefix === "!";
    if (prefixed) {
      st.mode = prefix === "!" ? ">" : prefix;
      st.index++;
    }
    const mode = st.mode;
    let count = st.readNumber();
    const counted = count >= 0;
    if (!counted) count = 1;
    if (count === Infinity) throw tooLong();
    if (st.atEnd) {
      if (counted) throw new StructError("repeat count given without format specifier");
      if (shape.length > 0) throw new StructError("sub-array shape given without format specifier");
      // NumPy refuses a trailing prefix ("i<"); a format of a prefix alone
      // ("<") is struct's, and never reaches this grammar.
      if (prefixed) throw new StructError("byte order character given without format specifier");
      break;
    }

    let kind: FieldKind;
    let size: number;
    let alignment: number;
    let format: string;
    let row: SizeRow | undefined;
    let child: StructResult | null = null;
    const ch = st.text[st.index]!;
    if (ch === "T" && st.text[st.index + 1] === "{") {
      st.index += 2;
      if (st.depth >= MAX_NESTING) throw new StructError(`struct format nests 'T{' more than ${MAX_NESTING} deep`);
      st.depth++;
      child = readStruct(st, true);
      st.depth--;
      kind = "struct";
      size = child.itemsize;
      alignment = child.alignment;
      format = `T{${child.source}}`;
    } else if (ch === "Z") {
      const half = st.text[st.index + 1];
      if (half === "f" || half === "d") {
        row = tableOf(mode).byChar[half.charCodeAt(0)] as SizeRow;
        kind = "complex";
        size = 2 * row.size;
        alignment = Math.max(row.align, 1);
        format = `${mode}Z${half}`;
        st.index += 2;
      } else if (half === "g") {
        throw new StructError(`cannot decode ${unsupportedReason("Zg")}`);
      } else {
        throw badChar();
      }
    } else if (ch === "u" || ch === "w") {
      // PEP 3118's character codes have a fixed size (UCS-2, UCS-4), so a
      // format with them has a layout and can be exported and viewed (as
      // CPython exports array('w')); only reading or writing one of their
      // values is refused, lazily, as memoryview does ("format w not
      // supported").
      kind = "character";
      size = ch === "u" ? 2 : 4;
      alignment = mode === "@" ? size : 1;
      format = mode + ch;
      st.index++;
    } else {
      const reason = unsupportedReason(ch);
      if (reason !== undefined) throw new StructError(`cannot decode ${reason}`);
      row = tableOf(mode).byChar[ch.charCodeAt(0)]!;
      if (row === undefined) throw badChar();
      st.index++;
      alignment = mode === "@" ? Math.max(row.align, 1) : 1;
      if (ch === "s" || ch === "p" || ch === "x") {
        kind = ch === "s" ? "bytes" : ch === "p" ? "pascal" : "padding";
        size = count;
        format = `${mode}${count}${ch}`;
        count = 1;
      } else {
        kind = "scalar";
        size = row.size;
        format = mode + ch;
      }
    }

    // NumPy's alignment under '@': pad before the item, and inside it when
    // it repeats and its size is not a multiple of its alignment.
    // NumPy looks at the byte order after reading the item: a nested struct
    // that changes it (T{<i:a:}, or @ inside a struct begun under <) is
    // placed by the byte order it leaves in force.
    let extraOffset = 0;
    if (st.mode === "@") {
      offset += (alignment - (offset % alignment)) % alignment;
      const intraPadding = (alignment - (size % alignment)) % alignment;
      if (intraPadding !== 0) {
        if (count > 1 || product(shape) > 1) size += intraPadding;
        else extraOffset = intraPadding;
      }
      commonAlignment = (commonAlignment / gcd(commonAlignment, alignment)) * alignment;
    }
    if (count !== 1) shape.push(count);

    let name: string | null = null;
    if (st.code === 0x3a) {
      // :name:
      const close = st.text.indexOf(":", st.index + 1);
      if (close < 0) throw new StructError("unterminated field name in struct format");
      name = st.text.slice(st.index + 1, close);
      st.index = close + 1;
    }

    if (!(kind === "padding" && name === null)) {
      if (name !== null) {
        if (names.has(name)) throw new StructError(`duplicate field name '${name}' in struct format`);
        names.add(name);
      }
      const field: ParsedField = Object.freeze({
        name,
        byteOffset: offset,
        shape: Object.freeze(shape),
        format,
        kind,
        itemsize: size,
        alignment,
        struct: child === null ? null : structFormat(child, child.source, false),
      });
      fields.push(field);
    }
    offset += size * product(shape) + extraOffset;
    if (!(offset <= Number.MAX_SAFE_INTEGER)) throw tooLong();
  }
  let itemsize = offset;
  if (st.mode === "@") itemsize += (commonAlignment - (offset % commonAlignment)) % commonAlignment;
  const source = st.text.slice(sourceStart, nested ? st.index - 1 : st.index);
  return { itemsize, alignment: commonAlignment, fields, source };
}

function structFormat(result: StructResult, format: string, top: boolean): ParsedFormat {
  const only = result.fields.length === 1 ? result.fields[0] : undefined;
  const unwrapped =
    top &&
    only !== undefined &&
    only.name === null &&
    only.byteOffset === 0 &&
    result.itemsize === only.itemsize * product(only.shape);
  return Object.freeze({
    format,
    itemsize: result.itemsize,
    alignment: result.alignment,
    fields: Object.freeze(result.fields),
    structCompatible: false,
    unwrapped,
  });
}

/**
 * Parses a format (a string of byte values) by the PEP 3118 grammar, whatever
 * Python's `struct` would make of it.
 *
 * @example
 * ```ts
 * parsePep3118("T{b:a:i:b:}").fields[0].struct.fields[1].byteOffset; // returns 4
 * ```
 * @example
 * ```ts
 * parsePep3118("(2,3)<h").unwrapped; // returns true
 * ```
 */
export function parsePep3118(format: string): ParsedFormat {
  if (format.includes("\0")) throw new StructError("embedded null character");
  const st = new Stream(format);
  return structFormat(readStruct(st, false), format, true);
}
