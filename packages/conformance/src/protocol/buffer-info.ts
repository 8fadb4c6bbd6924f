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
  /**
   * The getbuffer method (`bf_getbuffer`): answers the request `flags` with
   * a BufferInfo, filling only the fields the request asks for, or refuses
   * it by throwing BufferError.
   *
   * @param flags - the request, a combination of `BufferFlags`
   * @returns the export, which the consumer must give back through
   * RELEASE_BUFFER when there is one
   * @throws BufferError when the request cannot be met
   */
  [GET_BUFFER](flags: number): BufferInfo;
  /**
   * The optional release method (`bf_releasebuffer`): takes back a
   * BufferInfo that GET_BUFFER returned, once the consumer is done with it.
   *
   * @param info - the BufferInfo to release, exactly as GET_BUFFER returned it
   */
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
