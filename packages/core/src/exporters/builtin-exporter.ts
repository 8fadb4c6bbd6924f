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
export type BuiltinKind = "ArrayBuffer" | "SharedArrayBuffer" | "TypedArray" | "DataView" | "Buffer" | "WebAssembly.Memory";

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
  /** The kind of object this exporter exports. */
  readonly kind: BuiltinKind;
  /**
   * Whether `x` is of this exporter's kind. `findBuiltinExporter` asks
   * each exporter in turn and uses the first that matches.
   *
   * @param x - the object to test
   * @returns true when this exporter can export `x`
   */
  matches(x: object): boolean;
  /**
   * Exports `x`, which `matches` accepted, answering `flags` the way
   * `PyBuffer_FillInfo` does: one-dimensional contiguous memory, with
   * `format`, `shape` and `strides` filled in only when requested.
   *
   * @param x - the object to export
   * @param flags - the request, a combination of `BufferFlags`
   * @returns the frozen BufferInfo
   * @throws BufferError when the request cannot be met ("Object is not
   * writable." for a WRITABLE request on read-only memory)
   * @throws ValueError when the memory is detached
   */
  getBuffer(x: object, flags: number): BufferInfo;
}
