/**
 * The private bookkeeping of each BufferInfo that `@mv/core` creates: who to
 * release, whether it was released, and how many bytes of `buf` it needs.
 *
 * It lives in one place, a module-private WeakMap keyed by the info: the
 * infos core's own exporters make (trusted-exporters.ts), the frozen
 * snapshots of other exporters' answers, and infos built elsewhere (on first
 * use) alike. A copy or a Proxy of an info is another key, so it has no
 * state until it is used.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "./buffer-info.js";

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

const states = new WeakMap<object, InfoState>();
/** The infos `@mv/core` did not create (a caller's own objects), recorded on first use. */
const foreign = new WeakSet<object>();

/**
 * The state of an info, or undefined for one never seen.
 *
 * @example
 * ```ts
 * stateOf(getBuffer(new Uint8Array(2))).released; // returns false
 * ```
 */
export function stateOf(info: BufferInfo): InfoState | undefined {
  return states.get(info);
}

/**
 * Records the state of an info: one core makes (before it is handed out),
 * or one `@mv/core` did not create, on its first use.
 *
 * @example
 * ```ts
 * const info = {};
 * attachState(info, { exporter: null, original: null, released: false, requiredByteLength: 0 });
 * stateOf(info).requiredByteLength; // returns 0
 * ```
 */
export function attachState(info: object, state: InfoState): void {
  states.set(info, state);
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
  return foreign.has(info) ? states.get(info) : undefined;
}

/**
 * Records the state of an info `@mv/core` did not create, on its first use
 * (see {@link foreignStateOf}).
 *
 * @example
 * ```ts
 * const info = {};
 * rememberForeignState(info, { exporter: null, original: null, released: false, requiredByteLength: 0 });
 * stateOf(info).requiredByteLength; // returns 0
 * ```
 */
export function rememberForeignState(info: object, state: InfoState): void {
  states.set(info, state);
  foreign.add(info);
}
