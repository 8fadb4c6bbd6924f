/**
 * `PyObject_CheckBuffer`: whether an object can export memory.
 *
 * @packageDocumentation
 */

import { findBuiltinExporter } from "../exporters/registry.js";
import { GET_BUFFER } from "./symbols.js";

/**
 * Whether `x` can be passed to {@link getBuffer}: it has a `GET_BUFFER`
 * method, or it is one of the built-in exporters (ArrayBuffer,
 * SharedArrayBuffer, a TypedArray, DataView, Node's Buffer,
 * WebAssembly.Memory). Never throws; an object whose `GET_BUFFER` getter
 * throws is not an exporter.
 *
 * @param x - any value
 * @returns whether `x` exports memory
 *
 * @example
 * ```ts
 * isBufferExporter(new Float32Array(2)); // returns true
 * ```
 * @example
 * ```ts
 * isBufferExporter({ [GET_BUFFER]: () => null }); // returns true
 * ```
 * @example
 * ```ts
 * isBufferExporter([1, 2, 3]); // returns false
 * ```
 */
export function isBufferExporter(x: unknown): boolean {
  if ((typeof x !== "object" || x === null) && typeof x !== "function") return false;
  try {
    if (typeof (x as { [GET_BUFFER]?: unknown })[GET_BUFFER] === "function") return true;
  } catch {
    return false;
  }
  return findBuiltinExporter(x) !== undefined;
}
