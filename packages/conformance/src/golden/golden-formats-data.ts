/**
 * The golden PEP 3118 format cases: `fixtures/golden_formats.json`, written
 * by `fixtures/golden_formats.py` from NumPy's PEP 3118 reader (and from
 * CPython's `struct` for the formats `struct` reads, and CPython's
 * memoryview for comparisons and truth values). Read when a group
 * first asks for it (`load-fixture.ts`).
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

import { decodeValue } from "./decode-value.js";

/** One format: an item size, items' bytes and their values, and what writes and comparisons do. */
export interface GoldenFormatRecord {
  /** Written by hand, exported by NumPy for one of its dtypes, or random. */
  readonly kind: "curated" | "numpy" | "random";
  /** Who lays the format out and reads it: `struct` (it accepts the format) or NumPy. */
  readonly source: "struct" | "numpy";
  readonly format: string;
  readonly itemsize: number;
  /** The exporter's shape (C order, contiguous). */
  readonly shape: number[];
  /** Hex of every item's bytes, in C order. */
  readonly memory: string;
  /** The value-bearing byte ranges `[start, end)` of an item. */
  readonly mask: [number, number][];
  /** An item size that disagrees with the format (an exporter claiming it must be refused). */
  readonly wrong_itemsize: number;
  /** The items, nested by the shape (tagged as `decodeValue` reads them). */
  readonly values: unknown;
  /** Hex of each item as writing its own value leaves it (only the masked bytes count). */
  readonly repacked: string[];
  /** `struct.calcsize(format)`: the size, or the error's name and message. */
  readonly calcsize: number | [string, string];
  /** CPython's memoryview comparison of two views of these items. */
  readonly equal_self: boolean;
  /** One value-bearing byte of item 0 set to `value`, and the comparison after. */
  readonly changed?: { readonly byte: number; readonly value: number; readonly equal: boolean };
  /** A byte of item 0 that holds no value (padding). */
  readonly pad_byte?: number;
  /** The item size NumPy exported this format with, where it disagrees with the format. */
  readonly numpy_exported_itemsize?: number;
}

/** A format with a character code (`u`, `w`): a size, but no readable items. */
export interface GoldenCharacterRecord {
  readonly format: string;
  readonly itemsize: number;
  readonly memory: string;
  readonly shape: number[];
  readonly equal_self: boolean;
  /** The error of `tolist()` (its message where CPython gives one). */
  readonly tolist: [string, string | null];
  readonly get?: [string, string | null];
  readonly set?: [string, string | null];
  /** A value shaped as an item is, for `set`. */
  readonly set_value: unknown;
}

/** A format with a code that cannot be decoded in JavaScript. */
export interface GoldenUnsupportedRecord {
  readonly format: string;
  /** The code the refusal must name (`O`, `&`, `g`, `Zg`, `t`, `X{}`). */
  readonly code: string;
  /** The item size the exporter claims (NumPy's, where NumPy reads the format). */
  readonly itemsize: number;
  readonly numpy: { readonly itemsize?: number; readonly error?: [string, string] };
}

/** A format nobody reads (NumPy refuses it too). */
export interface GoldenInvalidRecord {
  readonly format: string;
  readonly numpy: { readonly error: [string, string] };
  readonly calcsize: number | [string, string];
  /** Not ASCII where a code stands: the refusal must say so (struct's UnicodeEncodeError). */
  readonly non_ascii?: boolean;
}

/** `m[0] = value` on a '?' memoryview, and what CPython read back. */
export interface GoldenTruthRecord {
  /** Tagged: `decodeValue`'s tags, and `$dict`, `$set`, `$object`. */
  readonly value: unknown;
  readonly truth: boolean;
}

/** `struct.calcsize(format)` for a format argument of any kind. */
export interface GoldenFormatArgRecord {
  /** Tagged as `decodeValue` reads it (a str, bytes, or another type). */
  readonly format: unknown;
  readonly size?: number;
  readonly error?: [string, string];
}

/** Two exporters of different formats and CPython's comparison of their views. */
export interface GoldenEqualPair {
  readonly a: string;
  readonly b: string;
  readonly itemsize_a: number;
  readonly itemsize_b: number;
  readonly memory_a: string;
  readonly memory_b: string;
  readonly shape: number[];
  readonly equal: boolean;
}

/** The whole fixture. */
export interface GoldenFormatsData {
  readonly python: string;
  readonly numpy: string;
  readonly platform: string;
  readonly seed: number;
  readonly formats: GoldenFormatRecord[];
  readonly characters: GoldenCharacterRecord[];
  readonly unsupported: GoldenUnsupportedRecord[];
  readonly invalid: GoldenInvalidRecord[];
  readonly truth: GoldenTruthRecord[];
  readonly format_args: GoldenFormatArgRecord[];
  readonly equal_pairs: GoldenEqualPair[];
}

/**
 * The golden format data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * goldenFormats().numpy; // returns "2.4.6"
 * ```
 */
export const goldenFormats: () => GoldenFormatsData = lazyFixture<GoldenFormatsData>("golden_formats.json");

class PythonObject {}

/**
 * Decodes a truth-test value: `decodeValue`'s tags, and a dict as a `Map`,
 * a set as a `Set`, `object()` as a plain object.
 *
 * @example
 * ```ts
 * decodeTruthValue({ $dict: [[1, 2]] }); // returns Map { 1 => 2 }
 * ```
 */
export function decodeTruthValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeTruthValue);
  if (value && typeof value === "object") {
    const tagged = value as Record<string, unknown>;
    if ("$dict" in tagged) {
      return new Map((tagged.$dict as unknown[][]).map(([k, v]) => [decodeTruthValue(k), decodeTruthValue(v)]));
    }
    if ("$set" in tagged) return new Set((tagged.$set as unknown[]).map(decodeTruthValue));
    if ("$object" in tagged) return new PythonObject();
  }
  return decodeValue(value);
}
