/**
 * `PyObject_GetBuffer`: the consumer's side of an export.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { findBuiltinExporter } from "../exporters/registry.js";
import type { BufferInfo } from "./buffer-info.js";
import { assertRequestFlags, BufferFlags } from "./flags.js";
import { type InfoState, stateOf } from "./info-state.js";
import { snapshotInfo } from "./snapshot-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "./symbols.js";
import { adoptTrusted } from "./trusted-exporters.js";
import { typeName } from "./type-name.js";
import { assertBufIsMemory, assertMeetsRequest, assertValidBufferInfo } from "./validate.js";
import { withoutUnrequested } from "./unrequested-fields.js";

function releaseRefused(exporter: object, returned: unknown): void {
  try {
    const release = (exporter as { [RELEASE_BUFFER]?: unknown })[RELEASE_BUFFER];
    if (typeof release === "function") release.call(exporter, returned);
  } catch {
    // The export is being refused; the refusal is the error to report.
  }
}

/**
 * The checks a trusted info (see trusted-exporters.ts) still needs: its
 * memory is still there and long enough (reading `buf` runs the maker's own
 * accessor), and it answers the request.
 */
function acceptTrusted(info: BufferInfo, flags: number): void {
  const buf = info.buf;
  const byteLength = assertBufIsMemory(buf);
  const required = stateOf(info)!.requiredByteLength;
  if (required > byteLength) {
    throw new BufferError(`invalid BufferInfo: the export reaches ${required} bytes, outside buf (byteLength ${byteLength})`);
  }
  assertMeetsRequest(info, flags);
}

function acquire(exporter: object, method: (flags: number) => unknown, flags: number, ignoreUnrequested: boolean): BufferInfo {
  const returned = method.call(exporter, flags);
  const trusted = adoptTrusted(returned, exporter);
  if (trusted !== null) {
    // Built and checked by core itself, frozen, with its state attached.
    try {
      acceptTrusted(trusted, flags);
      return trusted;
    } catch (error) {
      releaseRefused(exporter, returned);
      throw error;
    }
  }
  // From here the exporter counts a live export: every way out either hands
  // the consumer an info to release or releases it before throwing.
  try {
    const state: InfoState = { exporter, original: returned, released: false, requiredByteLength: 0 };
    let info = snapshotInfo(returned, exporter, state);
    state.requiredByteLength = assertValidBufferInfo(info);
    if (ignoreUnrequested) info = withoutUnrequested(info, flags);
    assertMeetsRequest(info, flags);
    return info;
  } catch (error) {
    releaseRefused(exporter, returned);
    throw error;
  }
}

/**
 * Options of {@link getBuffer}.
 *
 * @example
 * ```ts
 * ({ ignoreUnrequested: true } satisfies GetBufferOptions).ignoreUnrequested; // returns true
 * ```
 */
export interface GetBufferOptions {
  /**
   * Take an answer with fields the request did not ask for when they
   * describe the same C-contiguous bytes, dropping them (CPython's
   * consumers ignore them); without it such an answer is a `BufferError`.
   */
  readonly ignoreUnrequested?: boolean;
}

/**
 * Requests the memory of `obj`: `PyObject_GetBuffer`. Pair every successful
 * call with one {@link releaseBuffer}.
 *
 * An object with a `GET_BUFFER` method is asked first (so a subclass of a
 * built-in can export differently); then the built-ins: ArrayBuffer and
 * SharedArrayBuffer (resizable and growable ones too), every TypedArray,
 * DataView, Node's Buffer, and WebAssembly.Memory.
 *
 * What a user exporter returns is snapshotted (each field read once, arrays
 * copied and frozen) and validated: `itemsize` matches `format`; `ndim`,
 * `shape`, `strides` and `suboffsets` agree; every number is a safe integer;
 * `len = product(shape) * itemsize`; every byte any index reaches lies in
 * `buf`; and the answer meets the request. (The infos core's own exporters
 * build, such as a MemoryView's, are made from values core has already
 * checked and are taken as they are, once, after checking them against
 * the request and the current length of their memory; no other object can
 * pass for one.) If any check fails, the
 * exporter's `RELEASE_BUFFER` is called before the `BufferError` is thrown,
 * so an exporter that counts exports never leaks one.
 *
 * @param obj - the exporter
 * @param flags - the request ({@link BufferFlags}); `FULL_RO` by default
 * @param options - `ignoreUnrequested: true` for a consumer that, like
 *   CPython's, reads only what it asked for: fields the request did not ask
 *   for are dropped when they describe the same contiguous bytes (SPEC
 *   §1.3), instead of refusing the answer
 * @returns a frozen BufferInfo
 * @throws TypeError when `obj` is not an exporter ("a bytes-like object is required")
 * @throws BufferError when the request cannot be met or the exporter's answer is invalid
 * @throws ValueError when the memory is detached, or `flags` is `READ` or `WRITE`
 *
 * @example
 * ```ts
 * const info = getBuffer(new Int16Array([1, 2, 3]));
 * [info.format, info.itemsize, info.shape, info.strides, info.readonly]; // returns ["h", 2, [3], [2], false]
 * ```
 * @example
 * ```ts
 * const info = getBuffer(new Int16Array(3), BufferFlags.SIMPLE);
 * [info.format, info.shape, info.strides, info.len]; // returns [null, null, null, 6]
 * ```
 * @example
 * ```ts
 * getBuffer([1, 2, 3]); // throws TypeError
 * ```
 */
export function getBuffer(obj: unknown, flags: number = BufferFlags.FULL_RO, options?: GetBufferOptions): BufferInfo {
  assertRequestFlags(flags);
  if ((typeof obj === "object" && obj !== null) || typeof obj === "function") {
    const method = (obj as { [GET_BUFFER]?: unknown })[GET_BUFFER];
    if (typeof method === "function") {
      return acquire(obj, method as (flags: number) => unknown, flags, options?.ignoreUnrequested === true);
    }
    const builtin = findBuiltinExporter(obj);
    if (builtin !== undefined) return builtin.getBuffer(obj, flags);
  }
  throw new TypeError(`a bytes-like object is required, not '${typeName(obj)}'`);
}
