/**
 * CPython 3.14's complex struct codes and format encoding:
 * `fixtures/golden_complex.json`, written by `fixtures/golden_complex.py`
 * run under CPython 3.14 itself (`fixtures/run_in_pyodide.mjs`): `calcsize`
 * of formats with `F` and `D` in every byte order, `pack` of each kind of
 * value (complex, float, int, bool, overflowing and refused ones),
 * `unpack`, `iter_unpack`, `unpack_from` and `pack_into`, the
 * `UnicodeEncodeError` of a non-ASCII format, and memoryview's refusal to
 * cast to either code.
 *
 * @packageDocumentation
 */

import type { GoldenStructCase } from "./golden-data.js";
import { lazyFixture } from "./load-fixture.js";

/** One `memoryview(bytes(32)).cast(format)`. */
export interface GoldenComplexCast {
  readonly format: string;
  readonly error: [string, string] | null;
}

/** The whole fixture. */
export interface GoldenComplexData {
  readonly python: string;
  readonly platform: string;
  readonly calcsize: readonly GoldenStructCase[];
  readonly pack: readonly GoldenStructCase[];
  readonly unpack: readonly GoldenStructCase[];
  readonly nonAscii: readonly GoldenStructCase[];
  readonly casts: readonly GoldenComplexCast[];
}

/** The fixture, read the first time a group asks for it. */
export const goldenComplex = lazyFixture<GoldenComplexData>("golden_complex.json");
