/**
 * The golden struct cases of the codec's less common paths:
 * `fixtures/golden_struct_paths.json`, written by
 * `fixtures/golden_struct_paths.py` from CPython's `struct` module (formats
 * of more than eight values, the bytes a failed 8-byte `pack_into` leaves,
 * native `P` at its limits, calls with no format). Read when a group first asks for it (`load-fixture.ts`).json`.
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

import type { GoldenStructCase } from "./golden-data.js";

/** A failed (or successful) 8-byte `pack_into`, and the buffer's bytes after it. */
export interface GoldenLeftoverCase extends GoldenStructCase {
  /** The buffer after the call, hex. */
  readonly after: string;
}

/** A module function called with no arguments at all. */
export interface GoldenArityCase {
  readonly fn: "pack" | "pack_into";
  readonly error: [string, string];
}

/** The whole fixture. */
export interface GoldenStructPathsData {
  readonly python: string;
  readonly platform: string;
  readonly runs: readonly GoldenStructCase[];
  readonly leftovers: readonly GoldenLeftoverCase[];
  readonly pointers: readonly GoldenStructCase[];
  readonly arity: readonly GoldenArityCase[];
}

/**
 * The golden struct-path data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * goldenStructPaths().arity[0].fn; // returns "pack"
 * ```
 */
export const goldenStructPaths: () => GoldenStructPathsData = lazyFixture<GoldenStructPathsData>("golden_struct_paths.json");
