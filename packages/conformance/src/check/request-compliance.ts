/**
 * How an exporter must answer each request, given its complete answer: PEP
 * 3118's rules as `Doc/c-api/buffer.rst` states them (the request types and
 * the fields each fills), with CPython's own exporters as the model for what
 * may be refused.
 *
 * @packageDocumentation
 */

import { ConformanceError, assertSameValue, errorMatches, showValue } from "../assert/index.js";
import { isCContiguous, isFContiguous, viewContiguity } from "../model/contiguity.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import {
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "../protocol/flags.js";

/** What the request must lead to. */
export type RequestOutcome = "succeed" | "refuse" | "either";

/**
 * The outcome a compliant exporter must give `flags`, from its complete
 * answer. A request is refused only for a reason: writable memory asked of
 * a read-only exporter, a contiguity it lacks, no strides for a layout that
 * needs them, no suboffsets for one that needs them. SIMPLE with FORMAT may
 * go either way: memoryview refuses it, CPython's array answers it.
 *
 * @example
 * ```ts
 * expectedOutcome(readonlyFull, BufferFlags.WRITABLE); // returns "refuse"
 * ```
 */
export function expectedOutcome(full: BufferInfo, flags: number): RequestOutcome {
  const shape = full.shape ?? [];
  const facts = { itemsize: full.itemsize, shape, strides: full.strides, suboffsets: full.suboffsets };
  const indirect = full.suboffsets?.some((s) => s >= 0) ?? false;
  // PyBuffer_IsContiguous and memoryview's own flags (init_flags) disagree on
  // empty one-dimensional views with a stride other than the itemsize; either
  // answer is then accepted.
  const strict = { c: full.ndim === 0 || isCContiguous(facts), f: full.ndim === 0 || isFContiguous(facts) };
  const view = viewContiguity(facts);
  const verdicts = [strict, view].map(({ c, f }) => {
    if (requestsWritable(flags) && full.readonly) return "refuse";
    if (requestsCContiguous(flags) && !c) return "refuse";
    if (requestsFContiguous(flags) && !f) return "refuse";
    if (requestsAnyContiguous(flags) && !c && !f) return "refuse";
    if (!requestsIndirect(flags) && indirect) return "refuse";
    if (!requestsStrides(flags) && !c) return "refuse";
    if (!requestsShape(flags) && requestsFormat(flags)) return "either";
    return "succeed";
  });
  return verdicts[0] === verdicts[1] ? (verdicts[0] as RequestOutcome) : "either";
}

/** How strictly to compare `obj`. */
export interface ComplianceOptions {
  /** The object `info.obj` must be; left out, only "an object" is required. */
  readonly obj?: object;
}

/**
 * Requests `flags` through `get` and checks the answer against the complete
 * one: refused exactly when it must be (with a BufferError), and otherwise
 * with each field filled or left null as the request says. Releases what it
 * got through `release`.
 *
 * @example
 * ```ts
 * checkRequest((f) => x[GET_BUFFER](f), (i) => x[RELEASE_BUFFER]?.(i), full, BufferFlags.ND, "bytes ND");
 * ```
 */
export function checkRequest(
  get: (flags: number) => BufferInfo,
  release: (info: BufferInfo) => void,
  full: BufferInfo,
  flags: number,
  what: string,
  options: ComplianceOptions = {},
): void {
  const outcome = expectedOutcome(full, flags);
  let info: BufferInfo;
  try {
    info = get(flags);
  } catch (error) {
    if (!errorMatches(error, { name: "BufferError" })) {
      const e = error as Error;
      throw new ConformanceError(`${what}: a refusal must be a BufferError, got ${e?.name}: ${e?.message}`);
    }
    if (outcome === "succeed") {
      throw new ConformanceError(`${what}: refused a request it can satisfy (${(error as Error).message})`);
    }
    return;
  }
  try {
    if (outcome === "refuse") throw new ConformanceError(`${what}: must refuse this request, answered it`);
    if (!info || typeof info !== "object") throw new ConformanceError(`${what}: returned ${showValue(info)}`);
    if (options.obj !== undefined) assertSameValue(info.obj === options.obj, true, `${what}: obj is the exporter`);
    else if (typeof info.obj !== "object" && typeof info.obj !== "function") {
      throw new ConformanceError(`${what}: obj is not an object`);
    }
    assertSameValue(info.buf === full.buf, true, `${what}: buf is the exporter's memory`);
    assertSameValue(info.offset, full.offset, `${what}: offset`);
    assertSameValue(info.len, full.len, `${what}: len`);
    assertSameValue(info.readonly, full.readonly, `${what}: readonly`);
    if (requestsFormat(flags)) {
      if (requestsShape(flags)) assertSameValue(info.format ?? "B", full.format ?? "B", `${what}: format`);
      // SIMPLE|FORMAT: CPython's own exporters answer with their format
      // (array) or with bytes (PyBuffer_FillInfo); nothing else is coherent.
      else if (![full.format ?? "B", "B", "@B"].includes(info.format ?? "B")) {
        throw new ConformanceError(`${what}: SIMPLE|FORMAT answered with format '${info.format}', neither its own nor bytes`);
      }
    } else {
      assertSameValue(info.format, null, `${what}: format (not requested)`);
    }
    if (requestsShape(flags)) {
      assertSameValue(info.ndim, full.ndim, `${what}: ndim`);
      assertSameValue(info.itemsize, full.itemsize, `${what}: itemsize`);
      if (full.ndim > 0 || info.shape !== null) {
        assertSameValue(info.shape ? [...info.shape] : null, full.shape ? [...full.shape] : [], `${what}: shape`);
      }
    } else {
      assertSameValue(info.shape, null, `${what}: shape (not requested)`);
      assertSameValue(info.ndim, 1, `${what}: ndim without shape`);
      if (info.itemsize !== full.itemsize && info.itemsize !== 1) {
        throw new ConformanceError(`${what}: itemsize ${info.itemsize} is neither ${full.itemsize} nor 1`);
      }
    }
    if (requestsStrides(flags)) {
      if (full.ndim > 0 || info.strides !== null) {
        assertSameValue(info.strides ? [...info.strides] : null, full.strides ? [...full.strides] : [], `${what}: strides`);
      }
    } else {
      assertSameValue(info.strides, null, `${what}: strides (not requested)`);
    }
    if (requestsIndirect(flags)) {
      const expected = full.suboffsets ? [...full.suboffsets] : null;
      assertSameValue(info.suboffsets ? [...info.suboffsets] : null, expected, `${what}: suboffsets`);
    } else {
      assertSameValue(info.suboffsets, null, `${what}: suboffsets (not requested)`);
    }
  } finally {
    release(info);
  }
}
