/**
 * Scoped exports: get a buffer, use it, release it on every way out, as C
 * code pairs `PyObject_GetBuffer` with `PyBuffer_Release`.
 *
 * @packageDocumentation
 */
import type { BufferInfo } from "./buffer-info.js";
import { getBuffer } from "./get-buffer.js";
import { releaseBuffer } from "./release-buffer.js";

/**
 * Runs `use` with an export of `obj` for `flags`, releasing it afterwards.
 *
 * @param obj - the exporter
 * @param flags - the request
 * @param use - what to do with the export; must not keep it
 * @returns what `use` returns
 *
 * @example
 * ```ts
 * withExport(new Uint8Array([7, 8]), BufferFlags.SIMPLE, (info) => info.len); // returns 2
 * ```
 */
export function withExport<T>(obj: unknown, flags: number, use: (info: BufferInfo) => T): T {
  const info = getBuffer(obj, flags);
  try {
    return use(info);
  } finally {
    releaseBuffer(info);
  }
}
