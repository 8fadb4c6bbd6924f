/**
 * The interface every built-in exporter implements.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";

/**
 * The kinds of built-in exporters.
 *
 * @example
 * ```ts
 * const kind: BuiltinKind = builtinExporterKind(new WebAssembly.Memory({ initial: 0 }));
 * kind; // returns "WebAssembly.Memory"
 * ```
 */
export type BuiltinKind =
  | "ArrayBuffer"
  | "SharedArrayBuffer"
  | "TypedArray"
  | "DataView"
  | "Buffer"
  | "WebAssembly.Memory";

/**
 * A built-in exporter: recognises its kind of object and exports it as a
 * GET_BUFFER method would.
 *
 * @example
 * ```ts
 * const exporter: BuiltinExporter = findBuiltinExporter(new DataView(new ArrayBuffer(1)));
 * exporter.kind; // returns "DataView"
 * ```
 */
export interface BuiltinExporter {
  readonly kind: BuiltinKind;
  matches(x: object): boolean;
  getBuffer(x: object, flags: number): BufferInfo;
}
