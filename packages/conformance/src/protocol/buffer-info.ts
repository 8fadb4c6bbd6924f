/**
 * The `BufferInfo` record of the contract (PEP 3118's `Py_buffer`), declared
 * here again so the suite depends on no implementation.
 *
 * @packageDocumentation
 */

import type { GET_BUFFER, RELEASE_BUFFER } from "./symbols.js";

/** What an exporter returns from its getbuffer method. */
export interface BufferInfo {
  obj: object | null;
  buf: ArrayBuffer | SharedArrayBuffer;
  offset: number;
  len: number;
  readonly: boolean;
  itemsize: number;
  format: string | null;
  ndim: number;
  shape: readonly number[] | null;
  strides: readonly number[] | null;
  suboffsets: readonly number[] | null;
}

/** Any object that exports a buffer under the registry symbols. */
export interface Exporter {
  [GET_BUFFER](flags: number): BufferInfo;
  [RELEASE_BUFFER]?(info: BufferInfo): void;
}

/**
 * Whether a value is an exporter (has a getbuffer method under the registry
 * symbol).
 *
 * @example
 * ```ts
 * isExporter({ [Symbol.for("mv.getbuffer")]: () => info }); // returns true
 * ```
 */
export function isExporter(value: unknown): value is Exporter {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[Symbol.for("mv.getbuffer")] === "function"
  );
}
