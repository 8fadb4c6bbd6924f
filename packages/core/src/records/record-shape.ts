/**
 * Reshapes the values the item codec reads into what the record options ask
 * for, and back: a structure level whose fields carry `:name:` becomes a
 * plain object keyed by the names, and `s`/`p` bytes become text. It walks
 * the same field tree as the codec (`parseFormat`), so each value is shaped
 * by the field it came from; levels with nothing to change are passed
 * through untouched.
 *
 * @packageDocumentation
 */

import { pythonTypeName } from "../codec/python-type-name.js";
import { parseFormat } from "../codec/pep3118/parse-format.js";
import type { ParsedField, ParsedFormat } from "../codec/pep3118/parsed-format.js";
import type { StructValue } from "../codec/struct-value.js";
import type { ResolvedRecordOptions } from "./record-options.js";
import { decodeText, encodeText, trimNuls } from "./text-codec.js";

/**
 * Turns a value read by the codec into the caller's form (`read`), and a
 * value the caller writes back into the codec's form (`write`), checking
 * records as it goes. `label` names the value in errors (`record`,
 * `record['pos']`).
 */
export interface ValueShaper {
  read(value: StructValue): unknown;
  write(value: unknown, label: string): unknown;
}

/** The name each field of a level is known by: its own, or NumPy's `f<i>`. */
function fieldNames(parsed: ParsedFormat): string[] {
  return parsed.fields.map((field, i) => field.name ?? `f${i}`);
}

/** `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: CPython's list of missing arguments. */
function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 2) return quoted.join(" and ");
  return `${quoted.slice(0, -1).join(", ")}, and ${quoted[quoted.length - 1]}`;
}

/** Sets `key` on a plain object even when it is `__proto__`. */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** The shaper of a text field, or null when text is not asked for. */
function textShaper(options: ResolvedRecordOptions): ValueShaper | null {
  const strings = options.strings;
  if (strings === null) return null;
  const { encoding, trim } = strings;
  return {
    read: (value) => decodeText(trimNuls(value as Uint8Array, trim), encoding),
    // Anything but a string goes to the codec as it is, to be checked there.
    write: (value) => (typeof value === "string" ? encodeText(value, encoding) : value),
  };
}

/** The shaper of one element of a field (one item of a sub-array), or null for none. */
function elementShaper(field: ParsedField, options: ResolvedRecordOptions): ValueShaper | null {
  switch (field.kind) {
    case "bytes":
    case "pascal":
      return textShaper(options);
    case "struct":
      return levelShaper(field.struct as ParsedFormat, options);
    default:
      return null;
  }
}

/** Wraps an element shaper in a field's sub-array dimensions (nested lists). */
function arrayShaper(element: ValueShaper, depth: number): ValueShaper {
  if (depth === 0) return element;
  const inner = arrayShaper(element, depth - 1);
  return {
    read: (value) => (value as StructValue[]).map((item) => inner.read(item)),
    // A value that is not a list is left for the codec to refuse in its words.
    write: (value, label) => (Array.isArray(value) ? value.map((item, i) => inner.write(item, `${label}[${i}]`)) : value),
  };
}

/**
 * The shaper of one field's whole value, or null for none.
 *
 * @example
 * ```ts
 * fieldShaper(parseFormat("(2)2s:n:").fields[0], { records: true, strings: { encoding: "latin-1", trim: "nul" } }).read([Uint8Array.of(97, 0), Uint8Array.of(98, 99)]); // returns ["a", "bc"]
 * ```
 */
export function fieldShaper(field: ParsedField, options: ResolvedRecordOptions): ValueShaper | null {
  const element = elementShaper(field, options);
  return element === null ? null : arrayShaper(element, field.shape.length);
}

/**
 * The shaper of one structure level (the list of its fields' values), or
 * null when nothing in it changes: a record object when `records` is on and
 * a field is named, else the list with its fields shaped.
 *
 * @example
 * ```ts
 * levelShaper(parseFormat("<h:a: h"), { records: true, strings: null }).read([1, 2]); // returns { a: 1, f1: 2 }
 * ```
 * @example
 * ```ts
 * levelShaper(parseFormat("<hh"), { records: true, strings: null }); // returns null
 * ```
 */
export function levelShaper(parsed: ParsedFormat, options: ResolvedRecordOptions): ValueShaper | null {
  const shapers = parsed.fields.map((field) => fieldShaper(field, options));
  const asRecord = options.records && parsed.fields.some((field) => field.name !== null);
  if (!asRecord && shapers.every((shaper) => shaper === null)) return null;
  const n = shapers.length;
  const shapeList = (values: readonly unknown[], label: string): unknown[] =>
    values.map((value, i) => {
      const shaper = i < n ? shapers[i]! : null;
      return shaper === null ? value : shaper.write(value, `${label}[${i}]`);
    });
  if (!asRecord) {
    return {
      read: (value) => (value as StructValue[]).map((item, i) => (shapers[i] === null ? item : shapers[i]!.read(item))),
      write: (value, label) => (Array.isArray(value) ? shapeList(value, label) : value),
    };
  }
  const names = fieldNames(parsed);
  const known = new Set(names);
  return {
    read: (value) => {
      const list = value as StructValue[];
      const record: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) setField(record, names[i]!, shapers[i] === null ? list[i] : shapers[i]!.read(list[i]!));
      return record;
    },
    write: (value, label) => {
      // The list form of the defaults is still taken, field by field.
      if (Array.isArray(value)) return shapeList(value, label);
      if (typeof value !== "object" || value === null) {
        throw new TypeError(`${label} must be an object or a list, not ${pythonTypeName(value)}`);
      }
      const fields = value as Record<string, unknown>;
      const missing = names.filter((name) => !Object.hasOwn(fields, name));
      if (missing.length > 0) {
        const noun = missing.length === 1 ? "field" : "fields";
        throw new TypeError(`${label} missing ${missing.length} required ${noun}: ${quotedList(missing)}`);
      }
      const extra = Object.keys(fields).find((key) => !known.has(key));
      if (extra !== undefined) throw new TypeError(`${label} got an unexpected field '${extra}'`);
      return names.map((name, i) => {
        const field = fields[name];
        return shapers[i] === null ? field : shapers[i]!.write(field, `${label}['${name}']`);
      });
    },
  };
}

/**
 * How the item codec of a format shapes an item (`itemCodec(format).read`),
 * and how a `Struct` lays the same item out as its tuple of values.
 */
export interface ItemShape {
  /** The item in the caller's form (a record object, text in place of bytes), or null when it reads as by default. */
  readonly item: ValueShaper | null;
  /** Whether the item is a record object (its top level has named fields and `records` is on). */
  readonly isRecord: boolean;
  /** Whether the codec reads the item as the list of its top-level fields (else as the only field's value). */
  readonly itemIsList: boolean;
}

/** The shaper of the flat values of a format `struct` reads: its `s` and `p` values as text. */
function flatShaper(parsed: ParsedFormat, options: ResolvedRecordOptions): ValueShaper | null {
  const text = textShaper(options);
  if (text === null) return null;
  // One value per element of a scalar field, one per `s`/`p` field.
  const isText: boolean[] = [];
  for (const field of parsed.fields) {
    if (field.kind === "bytes" || field.kind === "pascal") isText.push(true);
    else {
      let count = 1;
      for (const extent of field.shape) count *= extent;
      for (let i = 0; i < count; i++) isText.push(false);
    }
  }
  if (!isText.includes(true)) return null;
  return {
    read: (value) => (value as StructValue[]).map((item, i) => (isText[i] ? text.read(item) : item)),
    write: (value, label) =>
      Array.isArray(value) ? value.map((item, i) => (isText[i] ? text.write(item, label) : item)) : value,
  };
}

/**
 * The {@link ItemShape} of `format` under `options`: what the item codec
 * reads is the list of the top-level fields, except for a format of one
 * value `struct` reads, or of one unnamed field that is not a structure
 * (that value alone); an unnamed `T{…}` on its own is the list of its
 * fields.
 *
 * @example
 * ```ts
 * itemShape("<i:id: d:value:", { records: true, strings: null }).isRecord; // returns true
 * ```
 */
export function itemShape(format: string | Uint8Array, options: ResolvedRecordOptions): ItemShape {
  const parsed = parseFormat(format);
  if (parsed.structCompatible) {
    const flat = flatShaper(parsed, options);
    const valueCount = parsed.fields.reduce(
      (sum, field) => sum + (field.kind === "bytes" || field.kind === "pascal" ? 1 : field.shape.reduce((a, b) => a * b, 1)),
      0,
    );
    if (valueCount !== 1) return { item: flat, isRecord: false, itemIsList: true };
    // One value: the codec reads it alone.
    const one: ValueShaper | null =
      flat === null
        ? null
        : {
            read: (value) => (flat.read([value]) as unknown[])[0],
            write: (value, label) => (flat.write([value], label) as unknown[])[0],
          };
    return { item: one, isRecord: false, itemIsList: false };
  }
  if (parsed.unwrapped) {
    const only = parsed.fields[0]!;
    if (only.kind === "struct" && only.shape.length === 0) {
      const inner = only.struct as ParsedFormat;
      const shaper = levelShaper(inner, options);
      return { item: shaper, isRecord: options.records && inner.fields.some((field) => field.name !== null), itemIsList: true };
    }
    return { item: fieldShaper(only, options), isRecord: false, itemIsList: false };
  }
  const shaper = levelShaper(parsed, options);
  return { item: shaper, isRecord: options.records && parsed.fields.some((field) => field.name !== null), itemIsList: true };
}
