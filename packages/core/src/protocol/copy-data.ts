/**
 * `PyObject_CopyData`: copying between two exporters.
 *
 * @packageDocumentation
 */

import { copyBuffer } from "./copy-buffer.js";
import { BufferFlags } from "./flags.js";
import { getBuffer } from "./get-buffer.js";
import { isBufferExporter } from "./is-buffer-exporter.js";
import { releaseBuffer } from "./release-buffer.js";

/**
 * Copies the memory of `src` into that of `dest`: `PyObject_CopyData`.
 * Requests `FULL` of `dest` and `FULL_RO` of `src`, copies with
 * {@link copyBuffer} (layouts may differ; memory may overlap), and releases
 * both exports however the copy ends.
 *
 * @param dest - a writable exporter
 * @param src - an exporter
 * @throws TypeError "both destination and source must be bytes-like objects"
 * @throws BufferError when `dest` is read-only or too small, or the shapes differ
 *
 * @example
 * ```ts
 * const dest = new Uint8Array(4);
 * copyData(dest, new Uint8Array([9, 8, 7, 6]));
 * Array.from(dest); // returns [9, 8, 7, 6]
 * ```
 * @example
 * ```ts
 * copyData(new Uint8Array(2), [1, 2]); // throws TypeError
 * ```
 */
export function copyData(dest: unknown, src: unknown): void {
  if (!isBufferExporter(dest) || !isBufferExporter(src)) {
    throw new TypeError("both destination and source must be bytes-like objects");
  }
  const destInfo = getBuffer(dest, BufferFlags.FULL);
  try {
    const srcInfo = getBuffer(src, BufferFlags.FULL_RO);
    try {
      copyBuffer(destInfo, srcInfo);
    } finally {
      releaseBuffer(srcInfo);
    }
  } finally {
    releaseBuffer(destInfo);
  }
}
