/**
 * The golden hash values: `fixtures/golden_hashes.json`, written by
 * `fixtures/golden_hashes.py` from CPython's `hash()` under
 * `PYTHONHASHSEED=0`. Read when a group
 * first asks for it (`load-fixture.ts`).
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** One byte string and CPython's hashes of it and of views over it (decimal strings: they exceed 2**53). */
export interface GoldenHashCase {
  /** The bytes, as hex. */
  readonly hex: string;
  /** `hash(b)`, and `hash(memoryview(b))`. */
  readonly hash: string;
  /** `hash(memoryview(b)[::2])`. */
  readonly even: string;
  /** `hash(memoryview(b)[::-1])`. */
  readonly reversed: string;
  /** `hash(memoryview(b).cast("b"))`. */
  readonly b: string;
  /** `hash(memoryview(b).cast("c"))`. */
  readonly c: string;
}

/** The whole fixture. */
export interface GoldenHashData {
  /** The recording CPython's version. */
  readonly python: string;
  readonly cases: readonly GoldenHashCase[];
  /** The error of `hash()` of a read-only view of a `bytearray` and of an `array` (`[name, message]`). */
  readonly unhashable: { readonly bytearray: readonly [string, string]; readonly array: readonly [string, string] };
}

/** The recorded hashes. */
export const goldenHashes: () => GoldenHashData = lazyFixture<GoldenHashData>("golden_hashes.json");
