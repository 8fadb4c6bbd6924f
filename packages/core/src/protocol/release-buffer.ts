/**
 * `PyBuffer_Release`: the consumer's side of the export/release pairing.
 *
 * @packageDocumentation
 */

import { attachState, stateOf } from "./info-state.js";
import type { BufferInfo } from "./buffer-info.js";
import { RELEASE_BUFFER } from "./symbols.js";

/**
 * Ends an export: calls the exporter's `RELEASE_BUFFER`, if it has one, with
 * the very object its `GET_BUFFER` returned. Like `PyBuffer_Release`, a
 * second call on the same info does nothing, so each export is released
 * exactly once. Afterwards {@link resolveBuffer} refuses the info.
 *
 * An info that `getBuffer` did not produce is released through its `obj`,
 * as CPython does with `view->obj`.
 *
 * @param info - what {@link getBuffer} returned
 *
 * @example
 * ```ts
 * let live = 0;
 * const exporter = {
 *   [GET_BUFFER](flags) { live++; return fillInfo(this, new ArrayBuffer(1), 0, 1, false, flags); },
 *   [RELEASE_BUFFER]() { live--; },
 * };
 * const info = getBuffer(exporter);
 * releaseBuffer(info);
 * releaseBuffer(info);
 * live; // returns 0
 * ```
 */
export function releaseBuffer(info: BufferInfo): void {
  if (typeof info !== "object" || info === null) {
    throw new TypeError("releaseBuffer expects a BufferInfo");
  }
  let state = stateOf(info);
  if (state === undefined) {
    const obj: unknown = info.obj;
    state = {
      exporter: typeof obj === "object" || typeof obj === "function" ? obj : null,
      original: info,
      released: false,
      requiredByteLength: Number.POSITIVE_INFINITY,
    };
    attachState(info, state);
  }
  if (state.released) return;
  state.released = true;
  const exporter = state.exporter as { [RELEASE_BUFFER]?: unknown } | null;
  if (exporter === null) return;
  const release = exporter[RELEASE_BUFFER];
  if (typeof release === "function") release.call(exporter, state.original);
}
