/**
 * The fast path of `addressOf` for the commonest exporters: a TypedArray, a
 * DataView (Node's Buffer included) or an ArrayBuffer that is attached,
 * in bounds and not empty. Its slow twin is the full export through
 * `getBuffer`; `test/api.test.ts` checks that the two always agree.
 *
 * @packageDocumentation
 */

import { GET_BUFFER } from "@mv/core";
import type { NativeBinding } from "./binding.js";

/**
 * The address of byte 0 of `exporter` when the fast path applies, or
 * `undefined` when the caller must take the full export.
 *
 * The fast path skips `getBuffer` only where its answer is certain: a view
 * or buffer with no `GET_BUFFER` method of its own (one would be asked
 * first, and may export something else) and a non-zero `byteLength` (so it
 * is neither detached nor, for a view on a shrunk resizable buffer, out of
 * bounds: a TypedArray reports 0 then, a DataView throws). The addon's view branch then gives the view's data
 * pointer, which it first moves off the JS heap if V8 kept it there.
 *
 * @param binding - the addon
 * @param exporter - anything
 * @returns the address, or undefined
 *
 * @example
 * ```ts
 * const array = new Float64Array(4);
 * directAddress(binding, array.subarray(1)) === directAddress(binding, array)! + 8n; // returns true
 * ```
 * @example
 * ```ts
 * directAddress(binding, new Float64Array(0)); // returns undefined (empty: take the full export)
 * ```
 */
export function directAddress(binding: NativeBinding, exporter: unknown): bigint | undefined {
  if (ArrayBuffer.isView(exporter)) {
    let byteLength: number;
    try {
      byteLength = exporter.byteLength;
    } catch {
      return undefined; // a DataView's byteLength throws when detached or out of bounds
    }
    if (byteLength === 0 || (exporter as { [GET_BUFFER]?: unknown })[GET_BUFFER] !== undefined) {
      return undefined;
    }
    return binding.baseAddress(exporter);
  }
  if (exporter instanceof ArrayBuffer) {
    if (exporter.byteLength === 0 || (exporter as { [GET_BUFFER]?: unknown })[GET_BUFFER] !== undefined) {
      return undefined;
    }
    return binding.baseAddress(exporter);
  }
  return undefined;
}
