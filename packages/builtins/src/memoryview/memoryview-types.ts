/**
 * The types of `memoryview(obj)`: which exporters give views of numbers or
 * of bigints, so that `get(i)` is typed by what was viewed.
 *
 * @packageDocumentation
 */
import type { ByteArray } from "../bytearray/bytearray.js";
import type { Bytes } from "../bytes/bytes.js";
import type { MemoryviewOptions } from "./memoryview-args.js";
import type { PyMemoryView } from "./memoryview.js";

/** Exporters whose memoryview is 1-D with 1- to 4-byte integer or float items: `number`s. */
export type NumberItemsExporter =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | ArrayBuffer
  | SharedArrayBuffer
  | DataView
  | Bytes
  | ByteArray;

/**
 * The `memoryview` function: callable with or without `new`, typed by what
 * it views (`number` items for a TypedArray of numbers, `bigint` for the
 * 64-bit arrays, any item otherwise).
 */
export interface MemoryviewFunction {
  (obj: BigInt64Array | BigUint64Array, options?: MemoryviewOptions): PyMemoryView<bigint>;
  (obj: NumberItemsExporter, options?: MemoryviewOptions): PyMemoryView<number>;
  (obj: unknown, options?: MemoryviewOptions): PyMemoryView;
  new (obj: BigInt64Array | BigUint64Array, options?: MemoryviewOptions): PyMemoryView<bigint>;
  new (obj: NumberItemsExporter, options?: MemoryviewOptions): PyMemoryView<number>;
  new (obj: unknown, options?: MemoryviewOptions): PyMemoryView;
  readonly prototype: PyMemoryView;
}
