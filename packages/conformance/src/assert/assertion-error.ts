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
}
