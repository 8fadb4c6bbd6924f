/**
 * A consumer that exports again what it got from another exporter, in the
 * two modes of `_testbuffer.ndarray(exporter, getbuf=…)`: by default it
 * takes one snapshot and answers requests from it (with the same request
 * checks as {@link TestExporter}); with `redirect` it passes every request
 * and release through to the exporter underneath (ND_REDIRECT).
 *
 * @packageDocumentation
 */

import { isCContiguous, isFContiguous } from "../model/contiguity.js";
import type { BufferInfo, Exporter } from "../protocol/buffer-info.js";
import { BufferFlags } from "../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";
import { answerRequest } from "./answer-request.js";
import { ExporterBufferError } from "./buffer-error.js";

/** Options of a {@link ReExporter}. */
export interface ReExporterOptions {
  /** Pass every request through instead of answering from a snapshot. */
  readonly redirect?: boolean;
}

/**
 * Re-exports another exporter.
 *
 * @example
 * ```ts
 * const m = memoryview(x);
 * const r = new ReExporter(m);      // m now has one export
 * m.release();                       // throws BufferError: memoryview has 1 exported buffer
 * r.release();
 * m.release();                       // fine
 * ```
 */
export class ReExporter implements Exporter {
  readonly inner: Exporter;
  /** The snapshot taken at construction (null in redirect mode). */
  readonly snapshot: BufferInfo | null;
  readonly redirect: boolean;
  readonly requests: number[] = [];
  #exports = 0;
  #released = false;
  #isC = false;
  #isF = false;

  /**
   * @param inner - the exporter to consume
   * @param flags - the request made of it (default FULL_RO)
   * @param options - `redirect` to pass requests through
   */
  constructor(inner: unknown, flags: number = BufferFlags.FULL_RO, options: ReExporterOptions = {}) {
    this.inner = inner as Exporter;
    this.redirect = options.redirect ?? false;
    if (this.redirect) {
      this.snapshot = null;
      return;
    }
    const info = this.inner[GET_BUFFER](flags);
    this.snapshot = info;
    const shape = info.shape ?? (info.ndim === 0 ? [] : [Math.floor(info.len / info.itemsize)]);
    const facts = { itemsize: info.itemsize, shape, strides: info.strides, suboffsets: info.suboffsets };
    this.#isC = info.ndim === 0 || isCContiguous(facts);
    this.#isF = info.ndim === 0 || isFContiguous(facts);
  }

  /** Live exports of this re-exporter. */
  get exports(): number {
    return this.#exports;
  }

  /**
   * Logs the request in `requests` and answers it: from the snapshot with
   * CPython's request checks (`obj` is this re-exporter), or, in redirect
   * mode, by passing it to the exporter underneath. Counts one export.
   *
   * @param flags - the request
   * @returns the BufferInfo
   * @throws BufferError "re-exporter: released" after {@link ReExporter.release},
   * or when the request cannot be met
   */
  [GET_BUFFER](flags: number): BufferInfo {
    this.requests.push(flags);
    if (this.#released) throw new ExporterBufferError("re-exporter: released");
    const info = this.redirect
      ? this.inner[GET_BUFFER](flags)
      : { ...answerRequest(this.snapshot as BufferInfo, this.#isC, this.#isF, flags), obj: this };
    this.#exports++;
    return info;
  }

  /**
   * Takes back one export; in redirect mode, releases it on the exporter
   * underneath as well.
   *
   * @param info - a BufferInfo this re-exporter returned
   */
  [RELEASE_BUFFER](info: BufferInfo): void {
    this.#exports--;
    if (this.redirect) this.inner[RELEASE_BUFFER]?.(info);
  }

  /**
   * Gives the snapshot back to the exporter underneath; refused (BufferError)
   * while this re-exporter has exports of its own.
   */
  release(): void {
    if (this.#released || this.redirect) return;
    if (this.#exports > 0) {
      throw new ExporterBufferError(`cannot release: ${this.#exports} exported buffer${this.#exports === 1 ? "" : "s"}`);
    }
    this.#released = true;
    this.inner[RELEASE_BUFFER]?.(this.snapshot as BufferInfo);
  }
}
