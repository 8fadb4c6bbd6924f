/**
 * The guards that open every entry point of a view: CPython's
 * `CHECK_RELEASED` (here also covering a detached or shrunk buffer, the
 * JavaScript ways for memory to go away) and the read-only check of
 * `memory_ass_sub`.
 *
 * @packageDocumentation
 */

import type { ViewCore } from "./view-core.js";
import { assertLive, layoutOf } from "./state/access.js";

/**
 * Asserts that `view` may be used: not released, and its memory neither
 * detached nor shrunk below the export (a replaced `WebAssembly.Memory`
 * buffer is re-resolved on the way).
 *
 * @param view - the view about to be used
 * @throws ValueError "operation forbidden on released memoryview object", or
 *   the protocol's detached/resized message
 *
 * @example
 * ```ts
 * const view = MemoryView.from(new Uint8Array(2));
 * view.release();
 * checkReleased(view); // throws ValueError
 * ```
 */
export function checkReleased(view: ViewCore): void {
  assertLive(view);
}

/**
 * Asserts that `view` may be written: CPython's "cannot modify read-only
 * memory" (a `TypeError`).
 *
 * @param view - a view that passed {@link checkReleased}
 * @throws TypeError when the view is read-only
 *
 * @example
 * ```ts
 * assertWritable(MemoryView.from(new Uint8Array(2)).toReadonly()); // throws TypeError
 * ```
 */
export function assertWritable(view: ViewCore): void {
  if (layoutOf(view).readonly) throw new TypeError("cannot modify read-only memory");
}
