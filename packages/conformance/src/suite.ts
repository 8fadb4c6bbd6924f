/**
 * The conformance suite of the buffer protocol: one function that registers
 * every case with the host's test function, against the module under test.
 *
 * @packageDocumentation
 */

import { createContext, type SuiteOptions } from "./common.js";
import * as bufferCapi from "./cases/buffer-capi.js";
import * as builtinExporters from "./cases/builtin-exporters.js";
import * as getbufferFlags from "./cases/getbuffer-flags.js";
import * as goldenComplex from "./cases/golden-complex.js";
import * as goldenFormats from "./cases/golden-formats.js";
import * as goldenHashes from "./cases/golden-hashes.js";
import * as goldenHex from "./cases/golden-hex.js";
import * as goldenObjects from "./cases/golden-objects.js";
import * as goldenRecords from "./cases/golden-records.js";
import * as goldenSetitem from "./cases/golden-setitem.js";
import * as goldenSlices from "./cases/golden-slices.js";
import * as goldenStruct from "./cases/golden-struct.js";
import * as goldenViews from "./cases/golden-views.js";
import * as legacyBuffer from "./cases/legacy-buffer.js";
import * as manifest from "./cases/manifest.js";
import * as memoryviewMethods from "./cases/memoryview-methods.js";
import * as memoryviewProtocol from "./cases/memoryview-protocol.js";
import * as memoryviewRandom from "./cases/memoryview-random.js";
import * as ndarrayView from "./cases/ndarray-view.js";
import * as pythonExporters from "./cases/python-exporters.js";
import * as pythonObjects from "./cases/python-objects.js";
import * as reExporters from "./cases/re-exporters.js";
import * as structCodec from "./cases/struct-codec.js";
import * as structSources from "./cases/struct-sources.js";
import * as typeNames from "./cases/type-names.js";

/** The groups, in the order they run; each file exports its groups and `all`. */
export const GROUPS = {
  manifest,
  "getbuffer-flags": getbufferFlags,
  "memoryview-protocol": memoryviewProtocol,
  "re-exporters": reExporters,
  "memoryview-methods": memoryviewMethods,
  "golden-views": goldenViews,
  "golden-formats": goldenFormats,
  "memoryview-random": memoryviewRandom,
  "golden-setitem": goldenSetitem,
  "golden-records": goldenRecords,
  "golden-hex": goldenHex,
  "golden-hashes": goldenHashes,
  "golden-slices": goldenSlices,
  "python-exporters": pythonExporters,
  "python-objects": pythonObjects,
  "builtin-exporters": builtinExporters,
  "buffer-capi": bufferCapi,
  "ndarray-view": ndarrayView,
  "golden-objects": goldenObjects,
  "legacy-buffer": legacyBuffer,
  "golden-struct": goldenStruct,
  "struct-codec": structCodec,
  "struct-sources": structSources,
  "golden-complex": goldenComplex,
  "type-names": typeNames,
} as const;

/**
 * Registers the whole suite with `test`, against `impl`. Returns the seed
 * of the randomized cases, so the host can print it (`--seed` replays it).
 *
 * @param options - `test` (the host's test function), `impl` (the module
 *   under test: its exports, or an adapter's), and optionally `seed` and
 *   `scale` (a multiple of the default number of random cases)
 * @returns the seed in use
 *
 * @example
 * ```ts
 * // my-impl.test.ts, in vitest:
 * import { test } from "vitest";
 * import { suite } from "@mv/conformance";
 * import * as impl from "./my-adapter.js";
 * const seed = suite({ test, impl });
 * console.log(`conformance seed ${seed}`);
 * ```
 *
 * @example
 * ```ts
 * // with node:test
 * import { test } from "node:test";
 * suite({ test, impl: await import("@mv/builtins"), seed: 42 }); // returns 42
 * ```
 */
export function suite(options: SuiteOptions): number {
  const ctx = createContext(options);
  for (const group of Object.values(GROUPS)) group.all(ctx);
  return ctx.seed;
}
