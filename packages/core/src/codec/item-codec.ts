/**
 * The codec of one item of a buffer, for the view layer: it reads and writes
 * the item that begins at a byte offset of a DataView, knowing nothing of
 * shapes or strides.
 *
 * A format that Python's `struct` reads is decoded by `struct` (its values;
 * one value on its own, several as a list); any other by its PEP 3118 field
 * tree ({@link parseFormat}). A write checks every value with `pack`'s checks
 * and messages before any byte changes, and rewrites the whole item, its pad
 * bytes as zeros, as `pack_into` does.
 *
 * @packageDocumentation
 */

import { BoundedCache, STRUCT_CACHE_CAPACITY } from "./bounded-cache.js";
import { compiledFormatFor } from "./compiled-cache.js";
import type { CompiledFormat } from "./compile.js";
import { formatText } from "./format-arg.js";
import { fieldReader } from "./unpack.js";
import { fieldWriter } from "./pack.js";
import { parseFormat } from "./pep3118/parse-format.js";
import type { ParsedFormat } from "./pep3118/parsed-format.js";
import { assertItemList, structCodec, type TreeWriter } from "./pep3118/tree-codec.js";
import type { StructValue } from "./struct-value.js";
import { registerMemoCache } from "../memo-caches.js";

/**
 * Reads and writes one item of a format.
 *
 * @example
 * ```ts
 * itemCodec("<i").read(new DataView(new Int32Array([-7]).buffer), 0); // returns -7
 * ```
 */
export interface ItemCodec {
  /** The format as given. */
  readonly format: string;
  /** The item's size in bytes. */
  readonly itemsize: number;
  /**
   * How many fields an item has at its top level: the length of the list
   * `read` returns for a struct or a multi-value format, 1 for a single value
   * or a single sub-array.
   */
  readonly fieldCount: number;
  /** The item at `byteOffset`: a value, or a list of values for several fields. */
  read(view: DataView, byteOffset: number): StructValue;
  /** Checks `value` (shaped as `read` returns it) and writes it at `byteOffset`. */
  write(view: DataView, byteOffset: number, value: unknown): void;
}

/** Whether a flat format is one code that fills the whole item. */
function isSingleFullCode(compiled: CompiledFormat): boolean {
  if (compiled.len !== 1 || compiled.codes.length !== 1) return false;
  const code = compiled.codes[0]!;
  return code.byteOffset === 0 && code.size * code.repeat === compiled.size;
}

/** A writer that packs into zeroed scratch bytes first, then copies them in. */
function atomicWriter(itemsize: number, write: TreeWriter): TreeWriter {
  let scratch: Uint8Array | null = null;
  return (view, byteOffset, value) => {
    const bytes = scratch ?? new Uint8Array(itemsize);
    if (itemsize <= 4096) scratch = bytes;
    bytes.fill(0);
    write(new DataView(bytes.buffer, bytes.byteOffset, itemsize), 0, value);
    new Uint8Array(view.buffer, view.byteOffset + byteOffset, itemsize).set(bytes);
  };
}

function structItemCodec(format: string, compiled: CompiledFormat): ItemCodec {
  const itemsize = compiled.size;
  const len = compiled.len;
  if (isSingleFullCode(compiled)) {
    const code = compiled.codes[0]!;
    const read = fieldReader(code);
    const writeField = fieldWriter(code);
    const char = code.row.char;
    // s and p leave bytes of the field untouched, and the big-endian 8-byte
    // rows write before they fail (bp_longlong): both go through scratch bytes.
    const direct = !(char === "s" || char === "p" || (code.row.size === 8 && !code.row.littleEndian));
    const write: TreeWriter = !direct
      ? atomicWriter(itemsize, writeField)
      : (view, byteOffset, value) => writeField(view, byteOffset, value);
    return Object.freeze({ format, itemsize, fieldCount: 1, read, write });
  }
  const unpackAt = compiled.unpackAt;
  const packAt = compiled.packAt;
  if (len === 1) {
    const one: unknown[] = [undefined];
    return Object.freeze({
      format,
      itemsize,
      fieldCount: 1,
      read: (view: DataView, byteOffset: number) => unpackAt(view, byteOffset)[0]!,
      write: atomicWriter(itemsize, (view, byteOffset, value) => {
        one[0] = value;
        try {
          packAt(view, byteOffset, one, 0);
        } finally {
          one[0] = undefined;
        }
      }),
    });
  }
  return Object.freeze({
    format,
    itemsize,
    fieldCount: len,
    read: unpackAt,
    write: atomicWriter(itemsize, (view, byteOffset, value) => {
      assertItemList(value, len);
      packAt(view, byteOffset, value, 0);
    }),
  });
}

/**
 * The fields of an item's top level: an unwrapped `T{…}` counts its own
 * fields, any other unwrapped field (a value or a sub-array) counts as one.
 */
function topFieldCount(parsed: ParsedFormat): number {
  if (!parsed.unwrapped) return parsed.fields.length;
  const only = parsed.fields[0]!;
  return only.kind === "struct" && only.shape.length === 0 ? (only.struct as ParsedFormat).fields.length : 1;
}

const cache = new BoundedCache<ItemCodec>(STRUCT_CACHE_CAPACITY);
registerMemoCache(() => cache.clear());

/**
 * The item codec of `format` (any struct or PEP 3118 format), cached.
 *
 * @example
 * ```ts
 * itemCodec("d").itemsize; // returns 8
 * ```
 * @example
 * ```ts
 * itemCodec("T{<i:a:<d:b:}").read(new DataView(new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 240, 63]).buffer), 0); // returns [1, 1]
 * ```
 * @example
 * ```ts
 * itemCodec("(2,2)B").read(new DataView(new Uint8Array([1, 2, 3, 4]).buffer), 0); // returns [[1, 2], [3, 4]]
 * ```
 */
export function itemCodec(format: string | Uint8Array): ItemCodec {
  const text = formatText(format);
  let codec = cache.get(text);
  if (codec !== undefined) return codec;
  const parsed = parseFormat(format);
  if (parsed.structCompatible) {
    codec = structItemCodec(text, compiledFormatFor(format));
  } else {
    const tree = structCodec(parsed, true);
    codec = Object.freeze({
      format: text,
      itemsize: parsed.itemsize,
      fieldCount: topFieldCount(parsed),
      read: tree.read,
      write: atomicWriter(parsed.itemsize, tree.write),
    });
  }
  cache.set(text, codec);
  return codec;
}

/**
 * The item size of any struct or PEP 3118 format (`PyBuffer_SizeFromFormat`,
 * which asks `struct.calcsize`, extended to PEP 3118); `StructError` when the
 * format cannot be read.
 *
 * @example
 * ```ts
 * formatItemsize("<iid"); // returns 16
 * ```
 * @example
 * ```ts
 * formatItemsize("T{b:a:i:b:}"); // returns 8
 * ```
 */
export function formatItemsize(format: string | Uint8Array): number {
  return parseFormat(format).itemsize;
}
