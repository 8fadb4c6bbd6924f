/**
 * Node's `Buffer`, recognised without importing `node:buffer` (core runs in
 * browsers too). A Buffer is a `Uint8Array` subclass, often a window on a
 * shared pool, so its export is that of its Uint8Array window: unsigned
 * bytes from its own byteOffset, never the whole pool.
 *
 * @packageDocumentation
 */

import { typedArrayKind } from "../protocol/brand-checks.js";
import type { BuiltinExporter } from "./builtin-exporter.js";
import { exportTypedArray } from "./typed-array.js";

/**
 * Whether `x` is a Node.js `Buffer`: a `Uint8Array` whose constructor is
 * named `Buffer` and confirms it with `isBuffer`.
 *
 * @param x - any value
 * @returns whether `x` is a Buffer
 *
 * @example
 * ```ts
 * isNodeBuffer(new Uint8Array(2)); // returns false
 * ```
 */
export function isNodeBuffer(x: unknown): boolean {
  if (typedArrayKind(x) !== "Uint8Array") return false;
  try {
    const ctor: unknown = (Object.getPrototypeOf(x) as { constructor?: unknown }).constructor;
    if (typeof ctor !== "function" || ctor === Uint8Array) return false;
    const { name, isBuffer } = ctor as { name?: unknown; isBuffer?: unknown };
    return name === "Buffer" && typeof isBuffer === "function" && isBuffer.call(ctor, x) === true;
  } catch {
    return false;
  }
}

/**
 * Exports Node's Buffers ("B", writable).
 *
 * @example
 * ```ts
 * nodeBufferExporter.kind; // returns "Buffer"
 * ```
 */
export const nodeBufferExporter: BuiltinExporter = {
  kind: "Buffer",
  matches: isNodeBuffer,
  getBuffer: exportTypedArray,
};
