/**
 * An exporter that answers every request with a given BufferInfo, checked
 * by nobody: the tool for feeding consumers invalid structures, which they
 * must refuse with BufferError and never read outside `buf`.
 *
 * @packageDocumentation
 */

import type { BufferInfo, Exporter } from "../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";

/**
 * Exports a fixed, possibly invalid, BufferInfo.
 *
 * @example
 * ```ts
 * const liar = new RawExporter({ buf: new ArrayBuffer(4), offset: 0, len: 8, readonly: true,
 *   itemsize: 1, format: "B", ndim: 1, shape: [8], strides: [1], suboffsets: null });
 * memoryview(liar); // throws BufferError: 8 bytes claimed, 4 exist
 * ```
 */
export class RawExporter implements Exporter {
  readonly info: Omit<BufferInfo, "obj">;
  exports = 0;
  releases = 0;

  constructor(info: Omit<BufferInfo, "obj">) {
    this.info = info;
  }

  /**
   * Returns a copy of the given BufferInfo (fresh `shape`, `strides` and
   * `suboffsets` arrays, `obj` this exporter) whatever the request, with no
   * checks, and counts one export.
   *
   * @param _flags - the request, ignored
   * @returns the BufferInfo, valid or not
   */
  [GET_BUFFER](_flags: number): BufferInfo {
    this.exports++;
    return {
      ...this.info,
      obj: this,
      // Arrays are copied (a consumer may not keep ours); anything else,
      // null or a malformed value, is passed on as it is.
      shape: Array.isArray(this.info.shape) ? [...this.info.shape] : this.info.shape,
      strides: Array.isArray(this.info.strides) ? [...this.info.strides] : this.info.strides,
      suboffsets: Array.isArray(this.info.suboffsets) ? [...this.info.suboffsets] : this.info.suboffsets,
    };
  }

  /**
   * Counts a release: one export fewer, one release more. Any BufferInfo is
   * accepted.
   *
   * @param _info - the BufferInfo given back, unchecked
   */
  [RELEASE_BUFFER](_info: BufferInfo): void {
    this.exports--;
    this.releases++;
  }
}
