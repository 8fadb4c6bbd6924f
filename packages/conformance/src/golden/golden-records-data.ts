/**
 * The golden record cases: `fixtures/golden_records.json`, written by
 * `fixtures/golden_records.py` from CPython's memoryview and `struct`, with
 * NumPy's layout for PEP 3118 formats (the script documents the rule it
 * applies where CPython refuses a format, and checks that rule against
 * CPython wherever CPython answers). Read when a group
 * first asks for it (`load-fixture.ts`).
 *
 * Values are tagged as in `golden.json` ({@link decodeValue}), plus
 * `{"$bytearray": hex}` (the module's bytearray) and `{"$dict": n}` (a Map
 * of n entries) in written values.
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** The error of a call: its name and message. */
export type GoldenError = readonly [string, string];

/** `m[1] = v` on a three-item view of `f` over memory filled with `fill`. */
export interface GoldenRecord {
  /** The format. */
  readonly f: string;
  /** Its item size. */
  readonly n: number;
  /** The value written (tagged). */
  readonly v: unknown;
  /** The item's bytes afterwards (hex), on success. */
  readonly b?: string;
  /** The item read back (tagged), on success. */
  readonly i?: unknown;
  /** The error, when the write is refused (the memory is then unchanged). */
  readonly e?: GoldenError;
}

/** `m.cast(dst, shape)` on a view of `src` with shape `srcShape` over `memory`. */
export interface GoldenCast {
  readonly src: string;
  readonly srcShape: readonly number[];
  /** The memory (hex). */
  readonly memory: string;
  readonly dst: string;
  /** The shape argument (tagged), when given. */
  readonly shape?: readonly unknown[];
  /** The new view's format, item size, shape and items (tagged), on success. */
  readonly format?: string;
  readonly itemsize?: number;
  readonly shape2?: readonly number[];
  readonly items?: unknown;
  readonly e?: GoldenError;
  /** CPython 3.11's refusal where the contract extends `cast`. */
  readonly cpython?: GoldenError;
}

/** `m.cast(dst, shape)` on a read-only 'B' view: argument and shape checks. */
export interface GoldenCastError {
  readonly srcShape: readonly number[];
  readonly memory: string;
  /** The format argument (tagged; not always a string). */
  readonly dst: unknown;
  /** The shape argument (tagged), when given. */
  readonly shape?: unknown;
  readonly format?: string;
  readonly shape2?: readonly number[];
  /** The new view's bytes (hex), on success. */
  readonly bytes?: string;
  readonly e?: GoldenError;
}

/** `hash(m)` of a view built from `source`. */
export interface GoldenHash {
  readonly source: "bytes" | "bytearray" | "bytearray-writable";
  /** The format cast to ('<B': an exporter of that format). */
  readonly format: string;
  /** null: the whole view; "strided" `[::3]`; "empty" `[5:5]`; "2d" cast to (3, 4). */
  readonly layout: "strided" | "empty" | "2d" | null;
  /** The view's bytes in C order (hex). */
  readonly content: string;
  /** Whether the hash equals that of the bytes of the same content (always, when no error). */
  readonly equalsBytes?: boolean;
  readonly e?: GoldenError;
}

/** A `memoryview.hex` call and its outcome. */
export interface GoldenHexCall {
  /** The arguments (tagged). */
  readonly args: readonly unknown[];
  readonly hex?: string;
  readonly e?: GoldenError;
}

/** A view laid out as `_testbuffer.ndarray` lays it out, and `hex` calls on it. */
export interface GoldenHexLayout {
  readonly format: string;
  /** The memory block (hex). */
  readonly memory: string;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly pil: boolean;
  readonly calls: readonly GoldenHexCall[];
}

/** `memoryview(memory)[offset:].hex(*args)` of a view of thousands of bytes. */
export interface GoldenHexLarge {
  readonly memory: string;
  readonly offset: number;
  readonly args: readonly unknown[];
  readonly hex: string;
}

/** The whole fixture. */
export interface GoldenRecordData {
  readonly python: string;
  readonly numpy: string;
  readonly platform: string;
  /** The byte the memory is filled with before a write. */
  readonly fill: number;
  /** Items in each record's view. */
  readonly items: number;
  readonly records: readonly GoldenRecord[];
  readonly casts: readonly GoldenCast[];
  readonly castErrors: readonly GoldenCastError[];
  readonly hashes: readonly GoldenHash[];
  readonly hexLayouts: readonly GoldenHexLayout[];
  readonly hexLarge: readonly GoldenHexLarge[];
  /** How many times each 3.11 → 3.14 rule of the script applied. */
  readonly rules: Record<string, number>;
  /** How many accepted writes NumPy made too, with the same bytes. */
  readonly numpyChecked: number;
}

/**
 * The golden record data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * goldenRecords().items; // returns 3
 * ```
 */
export const goldenRecords: () => GoldenRecordData = lazyFixture<GoldenRecordData>("golden_records.json");
