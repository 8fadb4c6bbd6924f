/**
 * A consumer's reading of an answer that carries more than it asked for.
 *
 * CPython's consumers never check an exporter's answer against their request:
 * `struct`'s `y*` converter asks for `PyBUF_SIMPLE` and reads `len` bytes from
 * `buf`, whatever `format`, `shape` or `strides` came with them. That is
 * harmless exactly when those fields describe the same bytes the consumer
 * will read: C-contiguous memory with no indirection. {@link withoutUnrequested}
 * drops such fields, so a consumer that opts in (`getBuffer`'s
 * `ignoreUnrequested`) reads what CPython's would, and leaves any other
 * answer as it was, for `assertMeetsRequest` to refuse: strided or
 * indirect memory would change what a consumer that did not ask for strides
 * reads.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./buffer-info.js";
import { requestsFormat, requestsIndirect, requestsShape, requestsStrides } from "./flags.js";
import { isCContiguous } from "../layout/contiguity.js";
import { attachState, stateOf } from "./info-state.js";

/** Whether no dimension follows a pointer (every suboffset negative, or none). */
function hasNoIndirection(info: BufferInfo): boolean {
  return info.suboffsets === null || info.suboffsets.every((suboffset) => suboffset < 0);
}

/**
 * `info` without the fields `flags` did not ask for, when dropping them
 * leaves the bytes a consumer of that request reads unchanged; `info`
 * itself when it has nothing unrequested or when the fields matter (the
 * caller's request check then refuses it). The copy keeps every property of
 * `info` (an accessor `buf`) but those fields, and shares its release state.
 *
 * @example
 * ```ts
 * const answer = fillInfo(null, new ArrayBuffer(8), 0, 8, true, BufferFlags.FULL_RO);
 * const simple = withoutUnrequested(answer, BufferFlags.SIMPLE);
 * [simple.format, simple.shape, simple.strides, simple.len]; // returns [null, null, null, 8]
 * ```
 * @example
 * ```ts
 * const strided = { ...fillInfo(null, new ArrayBuffer(8), 0, 4, true, BufferFlags.FULL_RO), shape: [2], strides: [4], itemsize: 2, format: "h" };
 * withoutUnrequested(strided, BufferFlags.SIMPLE) === strided; // returns true
 * ```
 */
export function withoutUnrequested(info: BufferInfo, flags: number): BufferInfo {
  const dropFormat = !requestsFormat(flags) && info.format !== null;
  const dropShape = !requestsShape(flags) && info.shape !== null;
  const dropStrides = !requestsStrides(flags) && info.strides !== null;
  const dropSuboffsets = !requestsIndirect(flags) && info.suboffsets !== null;
  if (!dropFormat && !dropShape && !dropStrides && !dropSuboffsets) return info;
  if (dropSuboffsets && !hasNoIndirection(info)) return info;
  if ((dropShape || dropStrides) && !(hasNoIndirection(info) && isCContiguous({ ...info, suboffsets: null }))) return info;
  const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(info);
  const set = (name: keyof BufferInfo, value: unknown) => {
    descriptors[name] = { value, enumerable: true, writable: false, configurable: false };
  };
  if (dropFormat) set("format", null);
  if (dropShape) {
    set("shape", null);
    set("ndim", 1);
  }
  if (dropStrides || dropShape) set("strides", null);
  if (dropSuboffsets || dropShape) set("suboffsets", null);
  const copy = Object.defineProperties({}, descriptors) as BufferInfo;
  // The copy is the same export: it shares the release state.
  const state = stateOf(info);
  if (state !== undefined) attachState(copy, state);
  return Object.freeze(copy);
}
