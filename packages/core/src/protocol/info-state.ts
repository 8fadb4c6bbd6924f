/**
 * The private bookkeeping of each BufferInfo that `@mv/core` creates: who to
 * release, whether it was released, and how many bytes of `buf` it needs.
 *
 * It lives in a private field of the infos core's own exporters make (see
 * trusted-exporters.ts), or under a module-private symbol on the (frozen)
 * snapshot of any other exporter's answer, so reading it is a property load;
 * infos built elsewhere get theirs in a WeakMap on first use.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./buffer-info.js";
import { trustedStateOf } from "./trusted-exporters.js";

/**
 * What `@mv/core` remembers about one export.
 *
 * @example
 * ```ts
 * const state: InfoState = stateOf(getBuffer(new Uint8Array(3)));
 * [state.exporter, state.requiredByteLength]; // returns [null, 3]
 * ```
 */
export interface InfoState {
  /** The exporter whose RELEASE_BUFFER must be called, or null for none. */
  readonly exporter: object | null;
  /** The object the exporter returned, passed back to its RELEASE_BUFFER. */
  readonly original: unknown;
  /** Set once by releaseBuffer. */
  released: boolean;
  /** One past the highest byte of `buf` the export can reach (its pointer slots included). */
  requiredByteLength: number;
}

const STATE: unique symbol = Symbol("mv.infoState");
const foreignStates = new WeakMap<object, InfoState>();

/**
 * The state of an info, or undefined for one never seen.
 *
 * @example
 * ```ts
 * stateOf(getBuffer(new Uint8Array(2))).released; // returns false
 * ```
 */
export function stateOf(info: BufferInfo): InfoState | undefined {
  return trustedStateOf(info) ?? (info as { [STATE]?: InfoState })[STATE] ?? foreignStates.get(info);
}

/**
 * Attaches a state to an info under construction (before it is frozen).
 *
 * @example
 * ```ts
 * const info = {};
 * attachState(info, { exporter: null, original: null, released: false, requiredByteLength: 0 });
 * Object.getOwnPropertySymbols(info).length; // returns 1
 * ```
 */
export function attachState(info: object, state: InfoState): void {
  Object.defineProperty(info, STATE, { value: state, enumerable: false });
}

/**
 * Records a state for an info that `@mv/core` did not create.
 *
 * @example
 * ```ts
 * const info = fillInfo(null, new ArrayBuffer(1), 0, 1, false, 0);
 * rememberForeignState({ ...info }, { exporter: null, original: null, released: false, requiredByteLength: 1 }); // returns undefined
 * ```
 */
export function rememberForeignState(info: object, state: InfoState): void {
  foreignStates.set(info, state);
}

/**
 * The state of a BufferInfo built elsewhere (not by `getBuffer` or
 * `fillInfo`), or undefined for one that was, or one never used.
 *
 * @example
 * ```ts
 * foreignStateOf(fillInfo(null, new ArrayBuffer(1), 0, 1, false, 0)); // returns undefined
 * ```
 */
export function foreignStateOf(info: BufferInfo): InfoState | undefined {
  if (trustedStateOf(info) !== undefined || (info as { [STATE]?: InfoState })[STATE] !== undefined) return undefined;
  return foreignStates.get(info);
}
