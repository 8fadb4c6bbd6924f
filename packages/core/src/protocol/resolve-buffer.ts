/**
 * The one way consumers read an export's memory. Call it on every access,
 * never keep its result: it reads `buf` (re-resolving a
 * `WebAssembly.Memory` after `grow()`), and fails with `ValueError` when the
 * export was released, when `buf` was detached, or when a resizable `buf`
 * shrank below the bytes the export reaches. Nothing stale or out of bounds
 * is ever handed out.
 *
 * @packageDocumentation
 */

import { BufferError, ValueError } from "../errors.js";
import { bufferByteLength, isDetachedBuffer } from "./brand-checks.js";
import type { BufferInfo } from "./buffer-info.js";
import { DETACHED_MESSAGE } from "./detachment.js";
import { type InfoState, foreignStateOf, rememberForeignState, stateOf } from "./info-state.js";
import { snapshotInfo } from "./snapshot-info.js";
import { assertValidBufferInfo } from "./validate.js";

/**
 * The message of the `ValueError` thrown on access to a released export,
 * worded after CPython's "operation forbidden on released memoryview object".
 *
 * @example
 * ```ts
 * RELEASED_MESSAGE; // returns "operation forbidden on a released buffer"
 * ```
 */
export const RELEASED_MESSAGE = "operation forbidden on a released buffer";

function foreignState(info: BufferInfo): InfoState {
  const state: InfoState = {
    exporter: null,
    original: info,
    released: false,
    requiredByteLength: assertValidBufferInfo(info),
  };
  rememberForeignState(info, state);
  return state;
}

/**
 * The BufferInfo an operation may trust for its whole run: an export of
 * `getBuffer` or `fillInfo` as it is (frozen, checked when made), and one
 * the caller built as a frozen snapshot of its fields taken now, each read
 * once, and validated in full. A caller may change its own object between
 * calls (its shape, its strides, a getter), so it is checked at every use,
 * never trusted from the first; released stays released.
 *
 * @param info - an export, or a caller's BufferInfo
 * @returns the info to use
 * @throws BufferError when the caller's info is invalid; ValueError when it was released
 *
 * @example
 * ```ts
 * const info = { obj: null, buf: new ArrayBuffer(4), offset: 0, len: 4, readonly: false, itemsize: 1, format: "B", ndim: 1, shape: [4], strides: [1], suboffsets: null };
 * const checked = infoForUse(info);
 * info.shape[0] = 400;
 * [checked.shape[0], Object.isFrozen(checked)]; // returns [4, true]
 * ```
 */
export function infoForUse(info: BufferInfo): BufferInfo {
  if (stateOf(info) !== undefined && foreignStateOf(info) === undefined) return info;
  if (typeof info !== "object" || info === null) return info; // assertValidBufferInfo words the refusal
  const previous = foreignStateOf(info);
  if (previous?.released) throw new ValueError(RELEASED_MESSAGE);
  const obj = (info as { obj?: unknown }).obj;
  const state: InfoState = previous ?? { exporter: null, original: info, released: false, requiredByteLength: -1 };
  // The snapshot's obj is the caller's (an object) or a stand-in: these
  // operations never read it.
  const snapshot = snapshotInfo(info, typeof obj === "object" && obj !== null ? obj : {}, state);
  state.requiredByteLength = assertValidBufferInfo(snapshot);
  if (previous === undefined) rememberForeignState(info, state);
  return snapshot;
}

/**
 * The current memory of an export, checked: the export is not released,
 * `buf` is attached, and it still holds every byte the export reaches.
 *
 * A BufferInfo that did not come from `getBuffer` or `fillInfo` (one a view
 * built itself, say) is validated in full on its first use.
 *
 * @param info - an export
 * @returns the ArrayBuffer or SharedArrayBuffer to read and write now
 * @throws ValueError when the export was released, `buf` is detached, or it shrank
 * @throws BufferError when `buf` is no longer an ArrayBuffer (a lying accessor)
 *
 * @example
 * ```ts
 * const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
 * const info = getBuffer(memory);
 * memory.grow(1);
 * resolveBuffer(info) === memory.buffer; // returns true
 * ```
 * @example
 * ```ts
 * const rab = new ArrayBuffer(8, { maxByteLength: 16 });
 * const info = getBuffer(rab);
 * rab.resize(4);
 * resolveBuffer(info); // throws ValueError
 * ```
 */
export function resolveBuffer(info: BufferInfo): ArrayBuffer | SharedArrayBuffer {
  const state = stateOf(info) ?? foreignState(info);
  if (state.released) throw new ValueError(RELEASED_MESSAGE);
  const buf = info.buf;
  const byteLength = bufferByteLength(buf);
  if (byteLength > 0 && byteLength >= state.requiredByteLength) return buf;
  if (byteLength < 0) {
    throw new BufferError("invalid BufferInfo: buf is no longer an ArrayBuffer or SharedArrayBuffer");
  }
  if (isDetachedBuffer(buf)) throw new ValueError(DETACHED_MESSAGE);
  if (byteLength < state.requiredByteLength) {
    throw new ValueError(
      `operation forbidden: the buffer was resized to ${byteLength} bytes, ` +
        `below the ${state.requiredByteLength} bytes the export reaches`,
    );
  }
  return buf;
}
