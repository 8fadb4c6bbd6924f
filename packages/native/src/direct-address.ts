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
  if (!ArrayBuffer.isView(exporter) && !(exporter instanceof ArrayBuffer)) return undefined;
  // User code first: a GET_BUFFER getter may detach or shrink the memory.
  // The size is read after it, with the engine's own getters, so no
  // subclass getter runs between the check and the address.
  if ((exporter as { [GET_BUFFER]?: unknown })[GET_BUFFER] !== undefined) return undefined;
  if (intrinsicByteLength(exporter) === 0) return undefined;
  return binding.baseAddress(exporter as ArrayBufferView | ArrayBuffer);
}

type Getter = (this: unknown) => unknown;

const byteLengthGetters: readonly Getter[] = [
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype) as object, "byteLength")!.get as Getter,
  Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength")!.get as Getter,
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength")!.get as Getter,
];

/**
 * The byte length of a TypedArray, DataView or ArrayBuffer as the engine
 * knows it (a subclass's `byteLength` getter never runs): 0 when detached,
 * out of bounds of a shrunk buffer, or not one of them (a Proxy).
 */
function intrinsicByteLength(x: object): number {
  for (const getter of byteLengthGetters) {
    try {
      return getter.call(x) as number;
    } catch {
      // not this kind (or a DataView out of bounds): try the next
    }
  }
  return 0;
}
