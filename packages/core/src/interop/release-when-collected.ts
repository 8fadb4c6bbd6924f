/**
 * Exports held by objects that have no release hook (a scijs or @stdlib
 * ndarray made over an export): the export is given back when the object is
 * garbage-collected, as NumPy's `base` reference gives it back when the
 * array is deallocated. Where the runtime has no `FinalizationRegistry`,
 * the export stays live, which only pins resizable exporters.
 *
 * @packageDocumentation
 */

import { type BufferInfo, releaseBuffer } from "../index.js";

const registry =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<BufferInfo>((info) => {
        try {
          releaseBuffer(info);
        } catch {
          // Released already (by the caller, through the layout it was given).
        }
      })
    : null;

/**
 * Releases `info` once `holder` has been garbage-collected.
 *
 * @param holder - the object that uses the export's memory
 * @param info - the export
 *
 * @example
 * ```ts
 * const array = new Uint8Array(4);
 * releaseWhenCollected({ array }, getBuffer(array)); // returns undefined
 * ```
 */
export function releaseWhenCollected(holder: object, info: BufferInfo): void {
  registry?.register(holder, info);
}
