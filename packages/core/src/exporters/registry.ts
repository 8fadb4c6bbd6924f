/**
 * The built-in exporters, in the order they are tried: the cheap,
 * exception-free view checks first, then the buffers, then WebAssembly.
 *
 * @packageDocumentation
 */

import { arrayBufferExporter } from "./array-buffer.js";
import type { BuiltinExporter, BuiltinKind } from "./builtin-exporter.js";
import { dataViewExporter } from "./data-view.js";
import { nodeBufferExporter } from "./node-buffer.js";
import { sharedArrayBufferExporter } from "./shared-array-buffer.js";
import { typedArrayExporter } from "./typed-array.js";
import { wasmMemoryExporter } from "./wasm-memory.js";

/**
 * Every built-in exporter.
 *
 * @example
 * ```ts
 * BUILTIN_EXPORTERS.map((e) => e.kind).includes("WebAssembly.Memory"); // returns true
 * ```
 */
export const BUILTIN_EXPORTERS: readonly BuiltinExporter[] = Object.freeze([
  nodeBufferExporter,
  typedArrayExporter,
  dataViewExporter,
  arrayBufferExporter,
  sharedArrayBufferExporter,
  wasmMemoryExporter,
]);

/**
 * The built-in exporter for `x`, or undefined when `x` is none of the
 * built-in kinds.
 *
 * @example
 * ```ts
 * findBuiltinExporter(new BigInt64Array(1)).kind; // returns "TypedArray"
 * ```
 * @example
 * ```ts
 * findBuiltinExporter({}); // returns undefined
 * ```
 */
export function findBuiltinExporter(x: unknown): BuiltinExporter | undefined {
  if (typeof x !== "object" || x === null) return undefined;
  if (ArrayBuffer.isView(x)) {
    if (nodeBufferExporter.matches(x)) return nodeBufferExporter;
    return typedArrayExporter.matches(x) ? typedArrayExporter : dataViewExporter;
  }
  // Each brand check below throws internally on a miss; try first the one
  // the prototype suggests, so a genuine buffer never pays for a miss.
  const sharedFirst = typeof SharedArrayBuffer === "function" && x instanceof SharedArrayBuffer;
  const first = sharedFirst ? sharedArrayBufferExporter : arrayBufferExporter;
  const second = sharedFirst ? arrayBufferExporter : sharedArrayBufferExporter;
  if (first.matches(x)) return first;
  if (second.matches(x)) return second;
  return wasmMemoryExporter.matches(x) ? wasmMemoryExporter : undefined;
}

/**
 * The kind of built-in exporter `x` is, or null.
 *
 * @example
 * ```ts
 * builtinExporterKind(new SharedArrayBuffer(1)); // returns "SharedArrayBuffer"
 * ```
 */
export function builtinExporterKind(x: unknown): BuiltinKind | null {
  return findBuiltinExporter(x)?.kind ?? null;
}
