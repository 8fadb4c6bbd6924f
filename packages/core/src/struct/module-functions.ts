/**
 * The module-level functions of Python's `struct`: each looks the format up
 * in a bounded cache, then calls the method of the same name: `pack` and
 * `packInto` that of a `Struct` ({@link structFor}), the reading functions
 * that of a {@link FormatReader} (the reading half of a `Struct`, so that a
 * program that only reads carries no pack code) or of the `Struct` already
 * compiled. `calcsize` only measures the format.
 *
 * @packageDocumentation
 */

import { structFor } from "./cache.js";
import { structMeasure } from "../codec/format-size.js";
import { readerFor } from "./format-reader.js";
import type { OffsetArg } from "./struct.js";
import type { UnpackIterator } from "./unpack-iterator.js";
import type { StructValue } from "../codec/struct-value.js";

/** A format argument: a `str`, or a `bytes` of ASCII. */
export type FormatArg = string | Uint8Array;

function missingFormat(): TypeError {
  return new TypeError("missing format argument");
}

/**
 * The size in bytes of the struct that `format` describes (an exact `bigint`
 * above `Number.MAX_SAFE_INTEGER`: see {@link Struct.size}).
 *
 * @example
 * ```ts
 * calcsize("<iid"); // returns 16
 * ```
 * @example
 * ```ts
 * calcsize("@bq"); // returns 16
 * ```
 * @example
 * ```ts
 * calcsize("=bq"); // returns 9
 * ```
 */
export function calcsize(format: FormatArg): number {
  // The measure alone (struct's first pass, by the size tables): no code is
  // compiled for a format that is only measured.
  const measure = structMeasure(format);
  return measure.size <= Number.MAX_SAFE_INTEGER ? measure.size : (measure.exactSize as unknown as number);
}

/**
 * The values packed by `format` into a new `Uint8Array`.
 *
 * @example
 * ```ts
 * pack("<hB", -2, 255); // returns new Uint8Array([254, 255, 255])
 * ```
 * @example
 * ```ts
 * pack(">Q", 2n ** 64n - 1n); // returns new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255])
 * ```
 */
export function pack(format: FormatArg, ...values: unknown[]): Uint8Array;
export function pack(...args: unknown[]): Uint8Array {
  if (args.length === 0) throw missingFormat();
  return structFor(args[0]).packArgs(args, 1, args.length - 1);
}

/**
 * Packs the values by `format` into `buffer` at `offset` (negative counts
 * from the end).
 *
 * @example
 * ```ts
 * const u = new Uint8Array(4); packInto(">h", u, 1, 258); u; // returns new Uint8Array([0, 1, 2, 0])
 * ```
 */
export function packInto(format: FormatArg, buffer: unknown, offset: OffsetArg, ...values: unknown[]): void;
export function packInto(...args: unknown[]): void {
  if (args.length === 0) throw missingFormat();
  structFor(args[0]).packIntoArgs(args, 1, args.length - 1);
}

/**
 * The values that `format` reads from a buffer of exactly its size.
 *
 * @example
 * ```ts
 * unpack("<2h", new Uint8Array([1, 0, 255, 255])); // returns [1, -1]
 * ```
 * @example
 * ```ts
 * unpack("<q", new BigInt64Array([-5n])); // returns [-5n]
 * ```
 */
export function unpack(format: FormatArg, buffer: unknown): StructValue[] {
  return readerFor(format).unpack(buffer);
}

/**
 * The values that `format` reads at `offset` (negative counts from the end)
 * of a buffer at least that long.
 *
 * @example
 * ```ts
 * unpackFrom("<h", new Uint8Array([9, 1, 0]), 1); // returns [1]
 * ```
 * @example
 * ```ts
 * unpackFrom("B", new Uint8Array([1, 2, 3]), -2); // returns [2]
 * ```
 */
export function unpackFrom(format: FormatArg, buffer: unknown, offset: OffsetArg = 0): StructValue[] {
  return readerFor(format).unpackFrom(buffer, offset);
}

/**
 * An iterator over the structs of a buffer whose length is a multiple of the
 * format's size.
 *
 * @example
 * ```ts
 * [...iterUnpack("<h?", new Uint8Array([1, 0, 1, 2, 0, 0]))]; // returns [[1, true], [2, false]]
 * ```
 */
export function iterUnpack(format: FormatArg, buffer: unknown): UnpackIterator {
  return readerFor(format).iterUnpack(buffer);
}
