/**
 * The registry symbols of the protocol. The suite reaches every exporter
 * through these keys alone, so it never imports an implementation.
 *
 * @packageDocumentation
 */

/**
 * The key of an exporter's getbuffer method (`Symbol.for("mv.getbuffer")`).
 *
 * @example
 * ```ts
 * GET_BUFFER === Symbol.for("mv.getbuffer"); // returns true
 * ```
 */
export const GET_BUFFER: unique symbol = Symbol.for("mv.getbuffer") as never;

/**
 * The key of an exporter's releasebuffer method (`Symbol.for("mv.releasebuffer")`).
 *
 * @example
 * ```ts
 * RELEASE_BUFFER === Symbol.for("mv.releasebuffer"); // returns true
 * ```
 */
export const RELEASE_BUFFER: unique symbol = Symbol.for("mv.releasebuffer") as never;
