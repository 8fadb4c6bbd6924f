/**
 * The registry symbols of the buffer protocol.
 *
 * They come from `Symbol.for`, so an exporter written against another copy of
 * `@mv/core` (or against no library at all) is found by this one: the
 * registry is shared by every realm and every bundle of the same agent.
 *
 * @packageDocumentation
 */

/**
 * The method an exporter defines to export its memory: CPython's
 * `bf_getbuffer` slot. It is called with the request flags
 * ({@link BufferFlags}) and returns a {@link BufferInfo}, or throws an error
 * named `"BufferError"` when it cannot meet the request.
 *
 * @example
 * ```ts
 * GET_BUFFER === Symbol.for("mv.getbuffer"); // returns true
 * ```
 */
export const GET_BUFFER: unique symbol = Symbol.for("mv.getbuffer");

/**
 * The optional method an exporter defines to learn that a consumer is done
 * with an export: CPython's `bf_releasebuffer` slot. {@link releaseBuffer}
 * calls it exactly once per successful {@link getBuffer}, with the very
 * object the exporter returned.
 *
 * @example
 * ```ts
 * RELEASE_BUFFER === Symbol.for("mv.releasebuffer"); // returns true
 * ```
 */
export const RELEASE_BUFFER: unique symbol = Symbol.for("mv.releasebuffer");
