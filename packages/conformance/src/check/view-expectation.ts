/**
 * What a view's attributes must be, and the check that compares an
 * implementation's view with it, attribute by attribute.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../assert/index.js";
import { viewContiguity } from "../model/contiguity.js";
import { modelToBytes, modelToList, type ModelView } from "../model/model-view.js";
import type { MemoryViewLike } from "../implementation.js";

/** Expected attributes; any left out are not checked. */
export interface ViewExpectation {
  ndim?: number;
  shape?: readonly number[];
  strides?: readonly number[];
  suboffsets?: readonly number[];
  itemsize?: number;
  format?: string;
  nbytes?: number;
  readonly?: boolean;
  c_contiguous?: boolean;
  f_contiguous?: boolean;
  contiguous?: boolean;
  length?: number;
  tolist?: unknown;
  tobytes?: Uint8Array;
}

/**
 * The expectation for a view the model describes.
 *
 * @example
 * ```ts
 * expectationOf(exporter.model(), true).shape; // returns the exporter's shape
 * ```
 */
export function expectationOf(view: ModelView, readonly: boolean, withItems = true): ViewExpectation {
  const facts = {
    itemsize: view.layout.itemsize,
    shape: view.shape,
    strides: view.byteStrides,
    suboffsets: view.suboffsets,
  };
  const { c, f } = viewContiguity(facts);
  const expectation: ViewExpectation = {
    ndim: view.shape.length,
    shape: [...view.shape],
    strides: [...view.byteStrides],
    suboffsets: view.suboffsets ? [...view.suboffsets] : [],
    itemsize: view.layout.itemsize,
    format: view.layout.format,
    nbytes: view.shape.reduce((a, b) => a * b, 1) * view.layout.itemsize,
    readonly,
    c_contiguous: c,
    f_contiguous: f,
    contiguous: c || f,
  };
  if (view.shape.length > 0) expectation.length = view.shape[0] as number;
  if (withItems) {
    expectation.tolist = modelToList(view);
    expectation.tobytes = modelToBytes(view, "C", c, f);
  }
  return expectation;
}

/**
 * Checks each attribute the expectation names.
 *
 * @example
 * ```ts
 * assertViewMatches(memoryview(x), expectationOf(x.model(), true), "memoryview(x)");
 * ```
 */
export function assertViewMatches(view: MemoryViewLike, expected: ViewExpectation, what: string): void {
  const read = <K extends keyof MemoryViewLike>(key: K): unknown =>
    attempt(
      () => {
        const value = view[key];
        return Array.isArray(value) ? [...value] : value;
      },
      `${what}.${String(key)}`,
    );
  for (const key of [
    "ndim",
    "shape",
    "strides",
    "suboffsets",
    "itemsize",
    "format",
    "nbytes",
    "readonly",
    "c_contiguous",
    "f_contiguous",
    "contiguous",
    "length",
  ] as const) {
    if (expected[key] !== undefined) assertSameValue(read(key), expected[key], `${what}.${key}`);
  }
  if (expected.tolist !== undefined) {
    assertSameValue(
      attempt(() => view.tolist(), `${what}.tolist()`),
      expected.tolist,
      `${what}.tolist()`,
    );
  }
  if (expected.tobytes !== undefined) {
    assertSameValue(
      attempt(() => view.tobytes(), `${what}.tobytes()`),
      expected.tobytes,
      `${what}.tobytes()`,
    );
  }
}
