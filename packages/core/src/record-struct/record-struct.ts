/**
 * `RecordStruct`: `Struct`'s operations for any PEP 3118 format read with
 * record options (SPEC §2.1), with the same buffer arguments, offsets,
 * checks and messages, each struct read and written as one item of the
 * record item codec. A record (a format whose top level has `:name:`
 * fields) is one value: `unpack` gives the object and `pack` takes it; any
 * other format keeps its list of values, with text in place of `s`/`p`
 * bytes when asked.
 *
 * It is a class of its own, not an option of `Struct`, so that a program
 * that uses only `Struct` or `unpack` does not carry the PEP 3118 reader
 * (the footprint budgets of tooling/footprint).
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import { recordItemCodec, type RecordItemCodec } from "../records/record-codec.js";
import { resolveRecordOptions, type RecordOptions } from "../records/record-options.js";
import { releaseBuffer } from "../protocol/release-buffer.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import { holdExport, isExporter, storePacked, toByteWindow, type ByteWindow, type HeldWindow } from "../struct/byte-source.js";
import { resolveBuffer } from "../protocol/resolve-buffer.js";
import { UnpackIterator } from "../struct/unpack-iterator.js";
import { packIntoArityError, structOffset, type SizedFormat } from "../struct/struct-errors.js";

/** Runs `use` on the window of `buffer`, holding an exporter's export until it returns. */
function withWindow<T>(buffer: unknown, writable: boolean, use: (window: ByteWindow) => T): T {
  if (!isExporter(buffer)) return use(toByteWindow(buffer, writable));
  const held = holdExport(buffer, writable);
  try {
    return use(held);
  } finally {
    releaseBuffer(held.info);
  }
}

/** The window of `buffer` as it is now: an exporter's held export resolved again, any other argument's window made again. */
function currentWindow(buffer: unknown, held: ByteWindow): ByteWindow {
  if (!isExporter(buffer)) return toByteWindow(buffer, true);
  const memory = resolveBuffer((held as HeldWindow).info);
  return { view: new DataView(memory), byteOffset: 0, byteLength: memory.byteLength };
}

/** Where `size` bytes at `offset` (negative from the end) fall in a window, or the struct error. */
function placeAt(sized: SizedFormat, window: ByteWindow, offset: unknown, forPack: boolean): number {
  return window.byteOffset + structOffset(sized, offset, window.byteLength, forPack);
}

/**
 * A compiled format read as records (SPEC §2.1): `struct.Struct`'s
 * operations, where an item whose fields carry `:name:` is one plain object
 * (`{ id: 1, value: 2.5 }`) and, with `strings`, `s`/`p` fields are text.
 * The format may be any PEP 3118 format (`T{…}`, sub-arrays, nesting), laid
 * out as `itemCodec` lays it out; `Item` is the type `unpack` gives, the
 * caller's to declare.
 *
 * @example
 * ```ts
 * const point = new RecordStruct("<i:id: d:value:"); point.unpack(point.pack({ id: 1, value: 2.5 })); // returns { id: 1, value: 2.5 }
 * ```
 * @example
 * ```ts
 * new RecordStruct("<4sH", { strings: { encoding: "utf-8", trim: "nul" } }).unpack(Uint8Array.of(104, 105, 0, 0, 7, 0)); // returns ["hi", 7]
 * ```
 * @example
 * ```ts
 * new RecordStruct("<h:a: h:b:").pack({ a: 1 }); // throws TypeError "record missing 1 required field: 'b'"
 * ```
 */
export class RecordStruct<Item = unknown> {
  /** The format string. */
  declare readonly format: string;
  /** The size in bytes of one struct. */
  declare readonly size: number;
  /** @internal The item codec every operation reads and writes through. */
  declare readonly codec: RecordItemCodec;
  /** @internal The size and value count, as the messages print them. */
  declare readonly sized: SizedFormat;
  /** @internal How many arguments `pack` takes: 1 for a record, else the values of the format. */
  declare readonly valueCount: number;

  /**
   * Compiles `format` (any struct or PEP 3118 format, a string or ASCII
   * bytes) with `options`: `records` (on unless `false`) and `strings`.
   */
  constructor(format: string | Uint8Array, options?: RecordOptions) {
    const codec = recordItemCodec(format, resolveRecordOptions(options));
    this.codec = codec;
    this.format = codec.format;
    this.size = codec.itemsize;
    this.valueCount = codec.isRecord ? 1 : codec.fieldCount;
    this.sized = { size: codec.itemsize, exactSize: BigInt(codec.itemsize), exactLen: BigInt(this.valueCount) };
  }

  /** The struct's values as `unpack` gives them: the record, or the list of values. */
  private valuesOf(view: DataView, byteOffset: number): unknown {
    const item = this.codec.read(view, byteOffset);
    return this.codec.isRecord || this.codec.itemIsList ? item : [item];
  }

  /** The record (or values) of a buffer of exactly {@link RecordStruct.size} bytes. */
  unpack(buffer: unknown): Item {
    return withWindow(buffer, false, (window) => {
      if (window.byteLength !== this.sized.size) {
        throw new StructError(`unpack requires a buffer of ${this.sized.size} bytes`, { kind: "buffer" });
      }
      return this.valuesOf(window.view, window.byteOffset) as Item;
    });
  }

  /** The record (or values) at `offset` (negative counts from the end) of a buffer. */
  unpackFrom(buffer: unknown, offset: number | bigint = 0): Item {
    return withWindow(buffer, false, (window) => this.valuesOf(window.view, placeAt(this.sized, window, offset, false)) as Item);
  }

  /** The structs of a buffer whose length is a multiple of the size, one by one. */
  iterUnpack(buffer: unknown): RecordUnpackIterator<Item> {
    const size = this.sized.size;
    if (size === 0) throw new StructError("cannot iteratively unpack with a struct of length 0");
    const sizeError = () =>
      new StructError(`iterative unpacking requires a buffer of a multiple of ${size} bytes`, { kind: "buffer" });
    if (isExporter(buffer)) {
      const held = holdExport(buffer, false);
      if (held.byteLength % size !== 0) {
        releaseBuffer(held.info);
        throw sizeError();
      }
      return new RecordUnpackIterator<Item>(this, held, held.info);
    }
    const window = toByteWindow(buffer, false);
    if (window.byteLength % size !== 0) throw sizeError();
    return new RecordUnpackIterator<Item>(this, window, null);
  }

  /** The item that `count` values from `values[start]` stand for, after the count check. */
  private itemOf(values: ArrayLike<unknown>, start: number, count: number, what: string): unknown {
    if (count !== this.valueCount)
      throw new StructError(`${what} expected ${this.valueCount} items for packing (got ${count})`, { kind: "arity" });
    if (this.codec.isRecord || !this.codec.itemIsList) return values[start];
    return Array.prototype.slice.call(values, start, start + count);
  }

  /** Packs the record (or the values) into a new `Uint8Array`. */
  pack(...values: unknown[]): Uint8Array {
    const item = this.itemOf(values, 0, values.length, "pack");
    const bytes = new Uint8Array(this.sized.size);
    this.codec.write(new DataView(bytes.buffer), 0, item);
    return bytes;
  }

  /** Packs the record (or the values) into `buffer` at `offset` (negative counts from the end). */
  packInto(buffer: unknown, offset: number | bigint, ...values: unknown[]): void;
  packInto(...args: unknown[]): void {
    const start = 0;
    const count = args.length;
    if (count !== this.valueCount + 2) throw packIntoArityError(this.sized, count);
    const item = this.itemOf(args, start + 2, count - 2, "pack_into");
    const buffer = args[start];
    withWindow(buffer, true, (window) => {
      const at = placeAt(this.sized, window, args[start + 1], true);
      // The item is packed aside, whole with its pad bytes zeroed, or not at
      // all; its values may run user code (a getter), so the memory is found
      // again before the bytes are stored: gone is a ValueError.
      const bytes = new Uint8Array(this.sized.size);
      this.codec.write(new DataView(bytes.buffer), 0, item);
      storePacked(currentWindow(buffer, window), at, bytes);
    });
  }

  /** @internal One step of an iterator: the record (or values) at `byteOffset`. */
  unpackAt(view: DataView, byteOffset: number): Item {
    return this.valuesOf(view, byteOffset) as Item;
  }

  /** `RecordStruct('<i:id: d:value:')`, in the style of `Struct`'s repr. */
  toString(): string {
    return `RecordStruct('${this.format.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}')`;
  }

  /**
   * The one-line form Node's `util.inspect` shows: `toString()`.
   *
   * @returns `toString()`
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/**
 * The iterator of a record `Struct`'s `iterUnpack`, as `UnpackIterator` is
 * the plain one's: one struct per step; over an exporter it holds the export
 * until it is exhausted, a step throws, or it is closed (`return()`).
 *
 * @example
 * ```ts
 * [...new RecordStruct("<B:v:").iterUnpack(Uint8Array.of(1, 2))]; // returns [{ v: 1 }, { v: 2 }]
 * ```
 */
export class RecordUnpackIterator<Item = unknown> extends UnpackIterator<Item> {
  /**
   * @param calls - the record struct that reads each step
   * @param window - the bytes to step over
   * @param info - the export held until the iteration ends, if any
   */
  constructor(calls: RecordStruct<Item>, window: ByteWindow, info: BufferInfo | null) {
    super(calls, window, info);
  }
}
