/**
 * NumPy dtype descriptors (the `descr` of a `.npy` header) and struct /
 * PEP 3118 formats, both ways.
 *
 * A descr is what `numpy.lib.format.dtype_to_descr` writes: a type string
 * (`'<f8'`, `'|b1'`, `'|S5'`, `'<U3'`, `'|V8'`) or, for a structured dtype,
 * a list of `(name, descr)` and `(name, descr, shape)` tuples in memory
 * order, where gaps (explicit offsets, alignment, a larger itemsize) are
 * unnamed `('', '|Vn')` padding fields. It maps to a format in NumPy's own
 * PEP 3118 terms (`_buffer_format_string`): `T{<i:id:4x<d:value:}`, with
 * `(2,3)` sub-arrays, nesting, `Zf`/`Zd` complex and `nw` for `Un`; `Vn`
 * items are read as `ns` bytes. Every item carries its byte order, so no
 * native alignment applies.
 *
 * @packageDocumentation
 */

import { type ParsedField, type ParsedFormat, StructError, ValueError, formatItemsize } from "../index.js";
import type { PythonLiteral } from "./python-literal.js";

/**
 * A dtype read from a descr: its format, item size and the alignment its items want.
 *
 * @example
 * ```ts
 * const item: NpyItem = npyItemOfDescr("<U2");
 * item; // returns { format: "<2w", itemsize: 8, alignment: 4 }
 * ```
 */
export interface NpyItem {
  /** The struct / PEP 3118 format. */
  readonly format: string;
  /** Bytes per item. */
  readonly itemsize: number;
  /** The largest alignment any scalar in the item wants (1 for bytes). */
  readonly alignment: number;
}

const HOST_ORDER = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? "<" : ">";
// Type strings as NumPy writes them: byte order, kind, size (and a datetime unit).
const TYPESTR = /^([<>|=]?)([biufcSaUVOMm])(\d*)(\[\w+\])?$/;
const INTEGER_CODES: Readonly<Record<number, string>> = Object.freeze({ 1: "b", 2: "h", 4: "i", 8: "q" });
const FLOAT_CODES: Readonly<Record<number, string>> = Object.freeze({ 2: "e", 4: "f", 8: "d" });
const COMPLEX_CODES: Readonly<Record<number, string>> = Object.freeze({ 8: "Zf", 16: "Zd" });
/** How deep structured dtypes may nest (core's T{…} limit). */
const MAX_DEPTH = 64;

function invalid(descr: PythonLiteral, reason: string): ValueError {
  return new ValueError(`descr is not a valid dtype descriptor: ${pythonRepr(descr)} (${reason})`);
}

function typestrItem(descr: string): NpyItem {
  const match = TYPESTR.exec(descr);
  if (match === null) throw invalid(descr, "not a type string");
  const [, orderChar = "", kind = "", digits = "", unit] = match;
  if (kind === "O") throw new ValueError("Object arrays cannot be loaded when allow_pickle=False");
  if (kind === "M" || kind === "m") throw invalid(descr, "datetime64 and timedelta64 have no struct format");
  const size = Number(digits);
  if (digits === "" || !Number.isSafeInteger(size) || size < 1 || unit !== undefined) {
    throw invalid(descr, "no item size");
  }
  const order = orderChar === "<" || orderChar === ">" ? orderChar : HOST_ORDER;
  const scalar = (code: string | undefined, alignment: number): NpyItem => {
    if (code === undefined)
      throw invalid(descr, `no ${size}-byte ${kind === "f" ? "float" : kind === "c" ? "complex" : "integer"} in struct`);
    return { format: size === 1 ? code : `${order}${code}`, itemsize: size, alignment };
  };
  switch (kind) {
    case "b":
      if (size !== 1) throw invalid(descr, "a bool is one byte");
      return { format: "?", itemsize: 1, alignment: 1 };
    case "i":
      return scalar(INTEGER_CODES[size], size);
    case "u":
      return scalar(INTEGER_CODES[size]?.toUpperCase(), size);
    case "f":
      return scalar(FLOAT_CODES[size], size);
    case "c":
      return scalar(COMPLEX_CODES[size], size / 2);
    case "U":
      // UCS-4 characters, 4 bytes each: PEP 3118's `w`.
      return { format: `${order}${size}w`, itemsize: 4 * size, alignment: 4 };
    default:
      // S, a (bytes) and V (raw bytes): `ns`.
      return { format: `${size}s`, itemsize: size, alignment: 1 };
  }
}

function shapeOf(value: PythonLiteral | undefined, descr: PythonLiteral): number[] {
  if (value === undefined) return [];
  const items = typeof value === "bigint" ? [value] : isTuple(value) ? value.tuple : null;
  if (items === null) throw invalid(descr, "a sub-array shape must be an int or a tuple of ints");
  return items.map((n) => {
    if (typeof n !== "bigint" || n < 1n || n > 0x7fffffffn) throw invalid(descr, "a sub-array length must be a positive int");
    return Number(n);
  });
}

function isTuple(value: PythonLiteral): value is { readonly tuple: readonly PythonLiteral[] } {
  return typeof value === "object" && value !== null && "tuple" in value;
}

function structItem(fields: readonly PythonLiteral[], depth: number, whole: PythonLiteral): NpyItem {
  if (depth > MAX_DEPTH) throw invalid(whole, `structured dtypes nested more than ${MAX_DEPTH} deep`);
  if (fields.length === 0) throw invalid(whole, "a structured dtype needs a field");
  const parts: string[] = [];
  const names = new Set<string>();
  let itemsize = 0;
  let alignment = 1;
  for (const entry of fields) {
    if (!isTuple(entry) || entry.tuple.length < 2 || entry.tuple.length > 3) {
      throw invalid(whole, "each field must be a (name, descr) or (name, descr, shape) tuple");
    }
    const [rawName, fieldDescr, rawShape] = entry.tuple as [PythonLiteral, PythonLiteral, PythonLiteral | undefined];
    // A (title, name) pair names the field by its second member.
    const name = isTuple(rawName) && rawName.tuple.length === 2 ? rawName.tuple[1] : rawName;
    if (typeof name !== "string") throw invalid(whole, "a field name must be a str");
    const shape = shapeOf(rawShape, whole);
    const item = itemOf(fieldDescr, depth + 1, whole);
    const size = shape.reduce((product, n) => product * n, item.itemsize);
    itemsize += size;
    if (!Number.isSafeInteger(itemsize) || itemsize > 0x7fffffff) throw invalid(whole, "the item is too large");
    if (name === "" && typeof fieldDescr === "string" && /^\|?V\d+$/.test(fieldDescr)) {
      parts.push(`${size}x`); // dtype_to_descr's padding
      continue;
    }
    if (name === "") throw invalid(whole, "a field that is not padding needs a name");
    if (name.includes(":"))
      throw invalid(whole, `the field name ${pythonRepr(name)} has a ':', which PEP 3118 formats cannot hold`);
    if (names.has(name)) throw invalid(whole, `the field name ${pythonRepr(name)} is used twice`);
    names.add(name);
    alignment = Math.max(alignment, item.alignment);
    parts.push(`${shape.length > 0 ? `(${shape.join(",")})` : ""}${item.format}:${name}:`);
  }
  return { format: `T{${parts.join("")}}`, itemsize, alignment };
}

function itemOf(descr: PythonLiteral, depth: number, whole: PythonLiteral): NpyItem {
  if (typeof descr === "string") return typestrItem(descr);
  if (Array.isArray(descr)) return structItem(descr as readonly PythonLiteral[], depth, whole);
  throw invalid(whole, "a descr is a type string or a list of fields");
}

/**
 * The format, item size and alignment of a `.npy` header's `descr`.
 *
 * @param descr - the parsed descr
 * @returns the item
 * @throws ValueError for object dtypes ("Object arrays cannot be loaded when allow_pickle=False"),
 *   datetimes, long doubles, and anything that is not a dtype descriptor
 *
 * @example
 * ```ts
 * npyItemOfDescr("<f8"); // returns { format: "<d", itemsize: 8, alignment: 8 }
 * npyItemOfDescr([{ tuple: ["id", "<i4"] }, { tuple: ["", "|V4"] }, { tuple: ["xy", ">f8", { tuple: [2n] }] }]).format; // returns "T{<i:id:4x(2)>d:xy:}"
 * npyItemOfDescr("|O"); // throws ValueError "Object arrays cannot be loaded when allow_pickle=False"
 * ```
 */
export function npyItemOfDescr(descr: PythonLiteral): NpyItem {
  const item = itemOf(descr, 0, descr);
  let size: number;
  try {
    size = formatItemsize(item.format);
  } catch (error) {
    if (error instanceof StructError) throw invalid(descr, error.message);
    throw error;
  }
  // Every item carries its byte order, so the format's size is the sum of its fields'.
  if (size !== item.itemsize) throw invalid(descr, `its format '${item.format}' has ${size} bytes, not ${item.itemsize}`);
  return item;
}

// ------------------------------------------------------------------ writing --

/**
 * A descr to write, with the sub-array dimensions the top level moves into the array's shape.
 *
 * @example
 * ```ts
 * const descr: NpyDescr = npyDescrOfFormat(parseFormat("3?"));
 * descr; // returns { literal: "'|b1'", extraShape: [3] }
 * ```
 */
export interface NpyDescr {
  /** The descr as a Python literal (what `repr` of NumPy's descr gives). */
  readonly literal: string;
  /** Trailing dimensions of the array: a top-level item that is a sub-array (`(2,3)<i`, `3i`). */
  readonly extraShape: readonly number[];
}

function orderOf(prefix: string): string {
  return prefix === "<" ? "<" : prefix === ">" || prefix === "!" ? ">" : HOST_ORDER;
}

/** The type string of one leaf field (without its sub-array shape), or null for `w` (handled by the caller). */
function typestrOfLeaf(field: ParsedField): string {
  const size = field.itemsize;
  const match = /^([@=<>!^]?)(\d*)(Z?[A-Za-z?])$/.exec(field.format);
  if (match === null) throw new ValueError(`writeNpy: NumPy has no dtype for the format '${field.format}'`);
  const [, prefix = "", , code = ""] = match;
  const order = size === 1 ? "|" : orderOf(prefix);
  if (field.kind === "bytes" || code === "c") return `|S${size}`;
  if (field.kind === "complex" || code === "F" || code === "D") return `${order}c${size}`;
  if (code === "?") return "|b1";
  if ("efd".includes(code)) return `${order}f${size}`;
  if ("bhilqn".includes(code)) return `${order}i${size}`;
  if ("BHILQNP".includes(code)) return `${order}u${size}`;
  throw new ValueError(`writeNpy: NumPy has no dtype for the format '${field.format}'`);
}

/** A field's descr (as a literal) and its sub-array shape, `w` runs becoming `Un`. */
function fieldDescr(field: ParsedField, depth: number): { literal: string; shape: number[] } {
  if (field.kind === "struct") {
    const struct = field.struct!;
    return { literal: structDescr(struct, field.itemsize, depth + 1), shape: [...field.shape] };
  }
  if (field.kind === "character") {
    const match = /^([@=<>!^]?)w$/.exec(field.format);
    if (match === null || field.shape.length === 0) {
      throw new ValueError(`writeNpy: NumPy has no dtype for the format '${field.format}' (UCS-2)`);
    }
    const length = field.shape[field.shape.length - 1]!;
    return { literal: pythonRepr(`${orderOf(match[1] ?? "")}U${length}`), shape: field.shape.slice(0, -1) };
  }
  if (field.kind === "pascal") throw new ValueError("writeNpy: NumPy has no dtype for Pascal strings ('p')");
  if (field.kind === "padding") return { literal: pythonRepr(`|V${field.itemsize}`), shape: [...field.shape] };
  return { literal: pythonRepr(typestrOfLeaf(field)), shape: [...field.shape] };
}

function fieldSize(field: ParsedField): number {
  return field.shape.reduce((product, n) => product * n, field.itemsize);
}

function structDescr(parsed: ParsedFormat, itemsize: number, depth: number): string {
  if (depth > MAX_DEPTH) throw new ValueError("writeNpy: structs nested too deep");
  const entries: string[] = [];
  const names = new Set<string>();
  let at = 0;
  const pad = (to: number): void => {
    if (to > at) entries.push(`('', '|V${to - at}')`);
  };
  parsed.fields.forEach((field, index) => {
    if (field.byteOffset < at) throw new ValueError("writeNpy: overlapping fields have no descr");
    pad(field.byteOffset);
    // NumPy names unnamed fields f0, f1, … by position.
    const name = field.name ?? `f${index}`;
    if (names.has(name)) throw new ValueError(`writeNpy: the field name ${pythonRepr(name)} is used twice`);
    names.add(name);
    const { literal, shape } = fieldDescr(field, depth);
    const shapeText = shape.length === 0 ? "" : `, ${pythonTuple(shape)}`;
    entries.push(`(${pythonRepr(name)}, ${literal}${shapeText})`);
    at = field.byteOffset + fieldSize(field);
  });
  pad(itemsize);
  return `[${entries.join(", ")}]`;
}

/**
 * The `.npy` descr of a struct / PEP 3118 format: a type string for one
 * number, bool, bytes or characters; a list of fields for records, with
 * NumPy's default names (`f0`, `f1`, …) for unnamed fields and `('', '|Vn')`
 * padding for gaps.
 *
 * @param parsed - the parsed format (`parseFormat(view.format)`)
 * @returns the descr and the sub-array dimensions that join the array's shape
 * @throws ValueError for what NumPy has no dtype for (`p`, `u`, overlapping fields)
 *
 * @example
 * ```ts
 * npyDescrOfFormat(parseFormat("<d")).literal; // returns "'<f8'"
 * npyDescrOfFormat(parseFormat("T{<i:id:4x>d:value:}")).literal; // returns "[('id', '<i4'), ('', '|V4'), ('value', '>f8')]"
 * npyDescrOfFormat(parseFormat("(2,3)<h")); // returns { literal: "'<i2'", extraShape: [2, 3] }
 * ```
 */
export function npyDescrOfFormat(parsed: ParsedFormat): NpyDescr {
  const only = parsed.fields[0];
  if (parsed.fields.length === 0) return { literal: pythonRepr(`|V${parsed.itemsize}`), extraShape: [] };
  if (
    parsed.fields.length === 1 &&
    only !== undefined &&
    only.name === null &&
    only.byteOffset === 0 &&
    fieldSize(only) === parsed.itemsize
  ) {
    if (only.kind === "struct") {
      return { literal: structDescr(only.struct!, only.itemsize, 1), extraShape: [...only.shape] };
    }
    const { literal, shape } = fieldDescr(only, 0);
    return { literal, extraShape: shape };
  }
  return { literal: structDescr(parsed, parsed.itemsize, 0), extraShape: [] };
}

// ------------------------------------------------------------ Python repr --

/**
 * A Python literal for a str, bytes as written by `repr`, for the parts a
 * header needs, or for a parsed literal: printable ASCII as is, everything
 * else escaped (so a header stays ASCII).
 *
 * @example
 * ```ts
 * pythonRepr("it's"); // returns "'it\\'s'"
 * pythonRepr({ tuple: [3n] }); // returns "(3,)"
 * ```
 */
export function pythonRepr(value: PythonLiteral): string {
  if (typeof value === "string") {
    let out = "'";
    for (const ch of value) {
      const code = ch.codePointAt(0)!;
      if (ch === "\\" || ch === "'") out += `\\${ch}`;
      else if (code >= 0x20 && code < 0x7f) out += ch;
      else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, "0")}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, "0")}`;
      else out += `\\U${code.toString(16).padStart(8, "0")}`;
    }
    return `${out}'`;
  }
  if (typeof value === "bigint") return value.toString();
  if (value === true) return "True";
  if (value === false) return "False";
  if (value === null) return "None";
  if (Array.isArray(value)) return `[${(value as readonly PythonLiteral[]).map(pythonRepr).join(", ")}]`;
  if (isTuple(value)) {
    const items = value.tuple.map(pythonRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  if ("bytes" in value) {
    return `b${pythonRepr(String.fromCharCode(...value.bytes))}`;
  }
  const map = value as ReadonlyMap<string | bigint | boolean | null, PythonLiteral>;
  return `{${[...map].map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(", ")}}`;
}

/**
 * Python's repr of a tuple of ints.
 *
 * @example
 * ```ts
 * [pythonTuple([]), pythonTuple([3]), pythonTuple([2, 3])]; // returns ["()", "(3,)", "(2, 3)"]
 * ```
 */
export function pythonTuple(values: readonly number[]): string {
  return pythonRepr({ tuple: values.map((n) => BigInt(n)) });
}
