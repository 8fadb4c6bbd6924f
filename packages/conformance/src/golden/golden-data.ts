/**
 * The golden cases: `fixtures/golden.json`, written by `fixtures/golden.py`
 * from CPython's `struct`, `memoryview` and `_testbuffer.ndarray`, and from
 * NumPy where the contract follows NumPy. Read when a group first asks for it (`load-fixture.ts`).
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** An exporter as the golden cases describe it. */
export interface GoldenExporter {
  readonly memory: string;
  readonly format: string;
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  readonly writable: boolean;
  readonly pil: boolean;
}

/** One recorded outcome. */
export interface GoldenResult {
  readonly value?: unknown;
  readonly kind?: string;
  readonly view?: Record<string, unknown>;
  readonly error?: [string, string | null];
}

/** A view scenario: an exporter, operations, and their outcomes. */
export interface GoldenScenario {
  readonly exporter: GoldenExporter;
  readonly ops: unknown[][];
  readonly results: GoldenResult[];
}

/** A struct case. */
export interface GoldenStructCase {
  readonly op: "calcsize" | "pack" | "unpack" | "pack_into" | "unpack_from" | "iter_unpack";
  readonly format: string;
  readonly args?: unknown[];
  readonly bytes?: string;
  readonly buffer?: string;
  readonly offset?: number;
  readonly value?: number;
  readonly values?: unknown[];
  readonly error?: [string, string];
}

/** One offset (tagged as `decodeValue` reads it) and what two calls did with it. */
export interface GoldenOffsetCase {
  readonly offset: unknown;
  /** `unpack_from('<2B', bytes(range(10, 18)), offset)`. */
  readonly unpack_from: { readonly values: number[] } | { readonly error: [string, string] };
  /** `pack_into('<B', bytearray(range(10, 18)), offset, 99)`: the bytes after. */
  readonly pack_into: { readonly bytes: string } | { readonly error: [string, string] };
}

/** A struct function given an object that is not a (writable) buffer. */
export interface GoldenNotBufferCase {
  readonly op: "unpack" | "unpack_from" | "iter_unpack" | "pack_into";
  /** The object, tagged as `decodeValue` reads it. */
  readonly value: unknown;
  readonly error: [string, string];
}

/** A slice object: its arguments (tagged), `indices(length)` or its error, and its repr. */
export interface GoldenSliceCase {
  readonly args: unknown[];
  readonly length: unknown;
  readonly repr: string;
  readonly indices?: unknown[];
  readonly indices_error?: [string, string];
}

/** `m[0] = value` on a one-item view of a native format: the item read back, or the error. */
export interface GoldenSetitemCase {
  readonly format: string;
  /** The value, tagged; `{ $list: [...] }` is a list. */
  readonly value: unknown;
  readonly item?: unknown;
  readonly error?: [string, string];
}

/** `memoryview(bytes).hex(*args)`: the string, or the error. */
export interface GoldenHexCase {
  /** The viewed bytes, in hex. */
  readonly bytes: string;
  /** The arguments, tagged. */
  readonly args: unknown[];
  readonly hex?: string;
  readonly error?: [string, string];
}

/** The whole fixture. */
export interface GoldenData {
  readonly python: string;
  readonly numpy: string;
  readonly platform: string;
  readonly seed: number;
  readonly struct: GoldenStructCase[];
  readonly struct_offsets: GoldenOffsetCase[];
  readonly struct_not_buffers: GoldenNotBufferCase[];
  readonly slices: GoldenSliceCase[];
  readonly slice_arity: { readonly args: number[]; readonly error: [string, string] }[];
  readonly setitems: GoldenSetitemCase[];
  readonly hexes: GoldenHexCase[];
  readonly views: GoldenScenario[];
  readonly numpy_views: GoldenScenario[];
}

/**
 * The golden data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * golden().python; // returns "3.11.7"
 * ```
 */
export const golden: () => GoldenData = lazyFixture<GoldenData>("golden.json");
