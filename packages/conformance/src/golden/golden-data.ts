/**
 * The golden cases: `fixtures/golden.json`, written by `fixtures/golden.py`
 * from CPython's `struct`, `memoryview` and `_testbuffer.ndarray`, and from
 * NumPy where the contract follows NumPy. Loaded once, by URL, so the suite
 * runs wherever the JSON import attribute does (Node 20.10+, bundlers).
 *
 * @packageDocumentation
 */

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

/** The whole fixture. */
export interface GoldenData {
  readonly python: string;
  readonly numpy: string;
  readonly platform: string;
  readonly seed: number;
  readonly struct: GoldenStructCase[];
  readonly views: GoldenScenario[];
  readonly numpy_views: GoldenScenario[];
}

const url = new URL("../../fixtures/golden.json", import.meta.url).href;

/**
 * The golden data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * golden.python; // returns "3.11.7"
 * ```
 */
export const golden: GoldenData = ((await import(url, { with: { type: "json" } })) as { default: GoldenData })
  .default;
