/**
 * The error a failed check throws. Host runners (vitest, node:test, the
 * suite's own runner) all report any thrown error as a failure, so the suite
 * needs no assertion library.
 *
 * @packageDocumentation
 */

/**
 * A failed conformance check.
 *
 * @example
 * ```ts
 * new ConformanceError("tolist() differs").name; // returns "ConformanceError"
 * ```
 */
export class ConformanceError extends Error {
  override name = "ConformanceError";
  /** What the case expected, in words, when the check compared two things. */
  readonly expected?: string;
  /** What the module gave (a value, or a thrown error), in words. */
  readonly actual?: string;

  /**
   * @param message - the whole failure, as a reader sees it
   * @param detail - the expected and actual values, for reports that show them apart (`--json`)
   */
  constructor(message: string, detail?: { readonly expected: string; readonly actual: string }) {
    super(message);
    if (detail !== undefined) {
      this.expected = detail.expected;
      this.actual = detail.actual;
    }
  }
}
