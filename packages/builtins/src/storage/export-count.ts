/**
 * The export counter of a resizable exporter: CPython's `ob_exports` of
 * `bytearray` and `array.array`.
 *
 * Each export handed out is remembered until its release, so a release of an
 * export this object never made, or a second release of the same one, is
 * ignored instead of driving the count below zero (CPython only asserts).
 *
 * @packageDocumentation
 */
import { BufferError } from "@mv/core";

/**
 * The message CPython's `bytearray` gives for a resize with live exports
 * (`_canresize` in `Objects/bytearrayobject.c`); SPEC §4.2 fixes it for
 * `array` as well.
 *
 * @example
 * ```ts
 * RESIZE_WITH_EXPORTS; // returns "Existing exports of data: object cannot be re-sized"
 * ```
 */
export const RESIZE_WITH_EXPORTS = "Existing exports of data: object cannot be re-sized";

/**
 * Counts the live exports of one object.
 *
 * @example
 * ```ts
 * const count = new ExportCount();
 * const info = {};
 * count.add(info);
 * count.live; // returns 1
 * count.assertResizable(); // throws BufferError "Existing exports of data: object cannot be re-sized"
 * count.remove(info);
 * count.live; // returns 0
 * ```
 */
export class ExportCount {
  #live = 0;
  readonly #exports = new WeakSet<object>();

  /** The number of exports not yet released. */
  get live(): number {
    return this.#live;
  }

  /** Records a new export (the object handed to the consumer). */
  add(info: object): void {
    this.#exports.add(info);
    this.#live++;
  }

  /** Records the release of `info`; unknown or repeated releases are ignored. */
  remove(info: object): void {
    if (this.#exports.delete(info)) this.#live--;
  }

  /** Throws CPython's `BufferError` while any export is live. */
  assertResizable(): void {
    if (this.#live > 0) throw new BufferError(RESIZE_WITH_EXPORTS);
  }
}
