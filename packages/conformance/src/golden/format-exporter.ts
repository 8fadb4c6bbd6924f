/**
 * An exporter of any format with the item size it is given: the test
 * exporter lays out only the flat formats its model knows, while the golden
 * format cases need PEP 3118 formats (`T{…}`, sub-arrays, names) whose size
 * comes from NumPy, and exporters that claim a wrong size on purpose.
 *
 * It answers requests as a compliant exporter does (`answerRequest`, the
 * checks of `_testbuffer.ndarray`) and counts its exports and releases.
 *
 * @packageDocumentation
 */

import { cByteStrides, isCContiguous, isFContiguous } from "../model/contiguity.js";
import type { BufferInfo, Exporter } from "../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";
import { answerRequest } from "../test-exporter/answer-request.js";

/** The layout of a {@link FormatExporter}. */
export interface FormatExporterOptions {
  readonly format: string;
  /** The item size the exporter claims (right or wrong). */
  readonly itemsize: number;
  readonly shape: readonly number[];
  /** Byte strides; default C order. */
  readonly strides?: readonly number[];
  /** Byte offset of item [0,…,0]; default 0. */
  readonly offset?: number;
  readonly writable?: boolean;
}

/**
 * Exports a copy of `memory` with the given format, item size and layout.
 *
 * @example
 * ```ts
 * const x = new FormatExporter(new Uint8Array(24), { format: "T{<i:a:<d:b:}", itemsize: 12, shape: [2] });
 * memoryview(x).tolist(); // returns [[0, 0], [0, 0]]
 * x.exports;              // returns 1 while the view lives
 * ```
 */
export class FormatExporter implements Exporter {
  /** The exported memory (the `buf` of every BufferInfo). */
  readonly memory: Uint8Array;
  readonly base: Readonly<BufferInfo>;
  /** Successful requests not yet released. */
  exports = 0;
  /** Releases of BufferInfos this exporter handed out. */
  releases = 0;
  /** Releases of a BufferInfo it never handed out or already took back. */
  misreleases = 0;
  #live = new Set<BufferInfo>();
  #isC: boolean;
  #isF: boolean;

  constructor(memory: Uint8Array, options: FormatExporterOptions) {
    const { format, itemsize, shape } = options;
    const strides = options.strides ?? cByteStrides(shape, itemsize);
    const buf = new ArrayBuffer(memory.length);
    this.memory = new Uint8Array(buf);
    this.memory.set(memory);
    this.base = Object.freeze({
      obj: this,
      buf,
      offset: options.offset ?? 0,
      len: shape.reduce((a, b) => a * b, 1) * itemsize,
      readonly: !options.writable,
      itemsize,
      format,
      ndim: shape.length,
      shape: Object.freeze([...shape]),
      strides: Object.freeze([...strides]),
      suboffsets: null,
    });
    const facts = { itemsize, shape, strides, suboffsets: null };
    this.#isC = shape.length === 0 || isCContiguous(facts);
    this.#isF = shape.length === 0 || isFContiguous(facts);
  }

  /** Answers a request as `_testbuffer.ndarray` does. */
  [GET_BUFFER](flags: number): BufferInfo {
    const info = answerRequest(this.base, this.#isC, this.#isF, flags);
    this.exports++;
    this.#live.add(info);
    return info;
  }

  /** Takes back a BufferInfo it handed out. */
  [RELEASE_BUFFER](info: BufferInfo): void {
    if (!this.#live.delete(info)) {
      this.misreleases++;
      return;
    }
    this.exports--;
    this.releases++;
  }
}
