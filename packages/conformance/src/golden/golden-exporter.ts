/**
 * The test exporter a golden case describes: the same memory, shape,
 * strides, offset and format that `fixtures/golden.py` gave
 * `_testbuffer.ndarray`.
 *
 * @packageDocumentation
 */

import { TestExporter } from "../test-exporter/index.js";
import { fromHex } from "./decode-value.js";
import type { GoldenExporter } from "./golden-data.js";

/**
 * Builds the test exporter of a golden case.
 *
 * @example
 * ```ts
 * goldenExporter({ memory: "0102", format: "B", shape: [2], strides: [1], offset: 0, writable: false, pil: false }).base.len; // returns 2
 * ```
 */
export function goldenExporter(spec: GoldenExporter): TestExporter {
  return new TestExporter(fromHex(spec.memory), {
    format: spec.format,
    shape: spec.shape,
    strides: spec.strides,
    offset: spec.offset,
    writable: spec.writable,
    pil: spec.pil,
  });
}
