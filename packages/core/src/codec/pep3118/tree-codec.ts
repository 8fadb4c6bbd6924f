/**
 * Readers and writers for the field tree of a PEP 3118 format: a sub-array
 * is a nested list, a struct a list of its fields, a complex `{ real, imag }`, and
 * every leaf goes through its struct row, with `pack`'s checks and messages.
 *
 * @packageDocumentation
 */

import { NotImplementedError, StructError, ValueError } from "../../errors.js";
import { readBytes, readPascal, writeBytes, writePascal } from "../byte-rows.js";
import { pythonTypeName } from "../python-type-name.js";
import type { PackFn, UnpackFn } from "../row.js";
import type { StructValue } from "../struct-value.js";
import { packFnOf } from "../pack.js";
import { leafRowOf } from "./leaf-row.js";
import type { ParsedField, ParsedFormat } from "./parsed-format.js";

/** Reads one value at a byte offset. */
export type TreeReader = (view: DataView, byteOffset: number) => StructValue;
/** Checks one value and writes it at a byte offset. */
export type TreeWriter = (view: DataView, byteOffset: number, value: unknown) => void;

/**
 * The list `value` must be: an array of `length` items.
 *
 * @example
 * ```ts
 * assertItemList([1, 2], 2); // returns undefined
 * ```
 */
export function assertItemList(value: unknown, length: number): asserts value is unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`expected a list of ${length} items, not ${pythonTypeName(value)}`);
  }
  if (value.length !== length) {
    throw new StructError(`pack expected ${length} items for packing (got ${value.length})`, { kind: "arity" });
  }
}

function elementCodec(field: ParsedField): { read: TreeReader; write: TreeWriter } {
  const size = field.itemsize;
  switch (field.kind) {
    case "scalar": {
      const row = leafRowOf(field);
      if (row === undefined) throw new StructError(`no row for field format ${field.format}`);
      const read = row.unpack as UnpackFn;
      const write = packFnOf(row) as PackFn;
      return {
        read: (view, byteOffset) => read(view, byteOffset, row),
        write: (view, byteOffset, value) => write(view, byteOffset, value, row),
      };
    }
    case "bytes":
    case "padding":
      return {
        read: (view, byteOffset) => readBytes(view, byteOffset, size),
        write: (view, byteOffset, value) => writeBytes(view, byteOffset, size, value),
      };
    case "pascal":
      return {
        read: (view, byteOffset) => readPascal(view, byteOffset, size),
        write: (view, byteOffset, value) => writePascal(view, byteOffset, size, value),
      };
    case "complex": {
      const row = leafRowOf(field);
      if (row === undefined) throw new StructError(`no row for field format ${field.format}`);
      const unpackHalf = row.unpack as UnpackFn;
      const packHalf = packFnOf(row) as PackFn;
      const half = row.size;
      return {
        // A complex is { real, imag } (SPEC §2), as struct's F and D give it.
        read: (view, byteOffset) => ({
          real: unpackHalf(view, byteOffset, row) as number,
          imag: unpackHalf(view, byteOffset + half, row) as number,
        }),
        write: (view, byteOffset, value) => {
          // As F and D take it: { real, imag } (each read once, real first),
          // or a lone real number (number, bigint, boolean) with no imaginary
          // part. Each half goes through the float row, so a half it refuses
          // (a string, a missing imag, an array) is its type error.
          if (typeof value === "object" && value !== null) {
            const real = (value as { real?: unknown }).real;
            const imag = (value as { imag?: unknown }).imag;
            packHalf(view, byteOffset, real, row);
            packHalf(view, byteOffset + half, imag, row);
            return;
          }
          packHalf(view, byteOffset, value, row);
          packHalf(view, byteOffset + half, 0, row);
        },
      };
    }
    case "struct":
      return structCodec(field.struct as ParsedFormat, false);
    case "character": {
      // CPython's memoryview refuses these values the same way, on use.
      const refuse = (): never => {
        throw new NotImplementedError(`memoryview: format ${field.format.slice(1)} not supported`);
      };
      return { read: refuse, write: refuse };
    }
  }
}

/**
 * The most values a sub-array of zero-size elements (`(100)0s`, `(5)T{}`)
 * may give per item. Such values hold no bytes, so their number is not
 * bounded by the data: `T{(100000000)0s:a: B:b:}` would build 10**8 empty
 * values from one byte. Beyond this, reading or writing one is refused.
 *
 * @example
 * ```ts
 * MAX_EMPTY_ELEMENTS; // returns 65536
 * ```
 */
export const MAX_EMPTY_ELEMENTS = 65536;

/** The refusal of a sub-array of too many zero-size elements. */
function refuseEmptyElements(count: number): () => never {
  return () => {
    throw new ValueError(`sub-array of ${count} zero-size elements: more than ${MAX_EMPTY_ELEMENTS} values that hold no bytes`);
  };
}

/** How many values one item of a struct holds, counting into sub-arrays and nested structs. */
function valueCount(parsed: ParsedFormat): number {
  let total = 0;
  for (const field of parsed.fields) {
    let n = field.kind === "struct" ? valueCount(field.struct as ParsedFormat) : 1;
    for (const d of field.shape) n *= d;
    total += n;
  }
  return total;
}

/** Wraps an element codec in the sub-array dimensions `shape[from …]`. */
function shapedCodec(
  element: { read: TreeReader; write: TreeWriter },
  shape: readonly number[],
  from: number,
  elementSize: number,
  field?: ParsedField,
): { read: TreeReader; write: TreeWriter } {
  if (from === shape.length) return element;
  if (from === 0 && elementSize === 0) {
    // A zero-size element is a struct of zero-size fields at most: count
    // every value the sub-array would build, nested ones included.
    let count = field?.kind === "struct" ? valueCount(field.struct as ParsedFormat) : 1;
    for (const n of shape) count *= n;
    if (count > MAX_EMPTY_ELEMENTS) return { read: refuseEmptyElements(count), write: refuseEmptyElements(count) };
  }
  const inner = shapedCodec(element, shape, from + 1, elementSize);
  const length = shape[from]!;
  let stride = elementSize;
  for (let i = from + 1; i < shape.length; i++) stride *= shape[i]!;
  const readInner = inner.read;
  const writeInner = inner.write;
  return {
    read: (view, byteOffset) => {
      const out: StructValue[] = new Array<StructValue>(length);
      for (let i = 0; i < length; i++) out[i] = readInner(view, byteOffset + i * stride);
      return out;
    },
    write: (view, byteOffset, value) => {
      assertItemList(value, length);
      for (let i = 0; i < length; i++) writeInner(view, byteOffset + i * stride, value[i]);
    },
  };
}

/**
 * The reader and writer of one item of a parsed PEP 3118 format (or of a
 * nested struct when `top` is false): a list of the fields' values, or the
 * only field's value when the format is `unwrapped`.
 *
 * @example
 * ```ts
 * structCodec(parseFormat("T{<h:a:<h:b:}"), true).read(new DataView(new Uint8Array([1, 0, 2, 0]).buffer), 0); // returns [1, 2]
 * ```
 */
export function structCodec(parsed: ParsedFormat, top: boolean): { read: TreeReader; write: TreeWriter } {
  const codecs = parsed.fields.map((field) => shapedCodec(elementCodec(field), field.shape, 0, field.itemsize, field));
  if (top && parsed.unwrapped) return codecs[0]!;
  const offsets = parsed.fields.map((field) => field.byteOffset);
  const readers = codecs.map((c) => c.read);
  const writers = codecs.map((c) => c.write);
  const n = codecs.length;
  return {
    read: (view, byteOffset) => {
      const out: StructValue[] = new Array<StructValue>(n);
      for (let i = 0; i < n; i++) out[i] = readers[i]!(view, byteOffset + offsets[i]!);
      return out;
    },
    write: (view, byteOffset, value) => {
      assertItemList(value, n);
      for (let i = 0; i < n; i++) writers[i]!(view, byteOffset + offsets[i]!, value[i]);
    },
  };
}
