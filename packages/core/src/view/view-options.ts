/**
 * The options of {@link MemoryView.from}.
 *
 * @packageDocumentation
 */

/**
 * Options of {@link MemoryView.from}.
 *
 * @example
 * ```ts
 * const options: MemoryViewOptions = { autoRelease: true };
 * MemoryView.from(new Uint8Array(1), BufferFlags.FULL_RO, options).nbytes; // returns 1
 * ```
 */
export interface MemoryViewOptions {
  /**
   * Give the export back when views of it are garbage-collected without
   * being released (CPython releases on deallocation; JavaScript has no
   * such moment without a `FinalizationRegistry`, which costs about a
   * microsecond per view). Applies to this view and every view derived
   * from the same export afterwards. Default false.
   */
  readonly autoRelease?: boolean;
}
