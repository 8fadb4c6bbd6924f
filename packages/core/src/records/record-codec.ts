/**
 * The item codec of a format read with record options: the plain item codec
 * of SPEC §2, with each item reshaped on the way out and checked and
 * reshaped on the way in ({@link itemShape}). Views and `Struct` both read
 * through it.
 *
 * @packageDocumentation
 */

import { itemCodec, type ItemCodec } from "../codec/item-codec.js";
import type { StructValue } from "../codec/struct-value.js";
import type { ResolvedRecordOptions } from "./record-options.js";
import { itemShape } from "./record-shape.js";

/**
 * An {@link ItemCodec} whose items are in the options' form, and what a
 * `Struct` needs to lay them out as its values.
 *
 * @example
 * ```ts
 * recordItemCodec("<h:a: 2s:b:", { records: true, strings: { encoding: "latin-1", trim: "nul" } }).read(new DataView(Uint8Array.of(5, 0, 104, 0).buffer), 0); // returns { a: 5, b: "h" }
 * ```
 */
export interface RecordItemCodec extends ItemCodec {
  /** Whether an item is a record object (else a value or the list of its fields, as by default). */
  readonly isRecord: boolean;
  /** Whether the plain codec reads an item as the list of its fields (else as its only value). */
  readonly itemIsList: boolean;
  /** The plain codec of the format, which {@link RecordItemCodec.toPlain}'s values are for. */
  readonly plain: ItemCodec;
  /** A value in the options' form checked and turned into the plain codec's form (the record's own errors thrown here). */
  toPlain(value: unknown): unknown;
}

/**
 * The item codec of `format` under resolved record options. An item that
 * needs no reshaping is read by the plain codec itself.
 *
 * @example
 * ```ts
 * recordItemCodec("<hh", { records: true, strings: null }).read(new DataView(Uint8Array.of(1, 0, 2, 0).buffer), 0); // returns [1, 2]
 * ```
 */
export function recordItemCodec(format: string | Uint8Array, options: ResolvedRecordOptions): RecordItemCodec {
  const plain = itemCodec(format);
  const { item, isRecord, itemIsList } = itemShape(format, options);
  if (item === null) {
    return Object.freeze({
      ...plain,
      isRecord,
      itemIsList,
      read: plain.read,
      write: plain.write,
      plain,
      toPlain: (value: unknown) => value,
    });
  }
  const readPlain = plain.read;
  const writePlain = plain.write;
  return Object.freeze({
    format: plain.format,
    itemsize: plain.itemsize,
    fieldCount: plain.fieldCount,
    isRecord,
    itemIsList,
    plain,
    toPlain: (value: unknown) => item.write(value, "record"),
    read: (view: DataView, byteOffset: number) => item.read(readPlain(view, byteOffset)) as StructValue,
    // Every check and conversion happens before the codec writes a byte.
    write: (view: DataView, byteOffset: number, value: unknown) => writePlain(view, byteOffset, item.write(value, "record")),
  });
}
