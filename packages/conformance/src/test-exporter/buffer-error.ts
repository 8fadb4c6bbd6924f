/**
 * The error the test exporters throw when they refuse a request. Its `name`
 * is `"BufferError"`, as the contract requires of any exporter; the suite
 * defines it itself because it imports no implementation.
 *
 * @packageDocumentation
 */

/**
 * A refused buffer request.
 *
 * @example
 * ```ts
 * new ExporterBufferError("test exporter is not writable").name; // returns "BufferError"
 * ```
 */
export class ExporterBufferError extends Error {
  override name = "BufferError";
}
