/**
 * `unpack` and `unpackFrom` on an exporter, for `Struct` and the
 * module-level functions alike: the export is acquired, read and released
 * in a `finally`, as CPython's `y*` converter holds a `Py_buffer` for the
 * duration of the call.
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import type { CompiledReader } from "../codec/compile.js";
import type { StructValue } from "../codec/struct-value.js";
import { releaseBuffer } from "../protocol/release-buffer.js";
import { holdExport } from "./byte-source.js";
import { structOffset } from "./struct-errors.js";

/**
 * `unpack` on an exporter: its export is held until the values are read.
 *
 * @example
 * ```ts
 * unpackExported(compileReader("32768H"), new WebAssembly.Memory({ initial: 1 })).length; // returns 32768
 * ```
 */
export function unpackExported(compiled: CompiledReader, buffer: object): StructValue[] {
  const held = holdExport(buffer, false);
  try {
    if (held.byteLength !== compiled.size) {
      throw new StructError(`unpack requires a buffer of ${compiled.exactSize} bytes`, { kind: "buffer" });
    }
    return compiled.unpackAt(held.view, held.byteOffset);
  } finally {
    releaseBuffer(held.info);
  }
}

/**
 * `unpackFrom` on an exporter: its export is held until the values are read.
 *
 * @example
 * ```ts
 * unpackFromExported(compileReader("B"), new WebAssembly.Memory({ initial: 1 }), -1); // returns [0]
 * ```
 */
export function unpackFromExported(compiled: CompiledReader, buffer: object, offset: unknown): StructValue[] {
  const held = holdExport(buffer, false);
  try {
    const at = structOffset(compiled, offset, held.byteLength, false);
    return compiled.unpackAt(held.view, held.byteOffset + at);
  } finally {
    releaseBuffer(held.info);
  }
}
