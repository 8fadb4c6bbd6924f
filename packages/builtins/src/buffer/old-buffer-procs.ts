/**
 * Python 2's old buffer protocol (`PyBufferProcs` before PEP 3118):
 * `bf_getreadbuffer`, `bf_getwritebuffer` and `bf_getcharbuffer`, each
 * handing out a pointer and a length with no release.
 *
 * Here they are methods under module symbols returning a `Uint8Array` view
 * of the object's memory. Only `buffer` implements them itself (as its type
 * did in 2.7); every other object reaches the old protocol through the new
 * one (see `base-bytes.ts`).
 *
 * @packageDocumentation
 */

/**
 * `bf_getreadbuffer`.
 *
 * @example
 * ```ts
 * typeof buffer(bytes([1]))[GET_READ_BUFFER]; // returns "function"
 * ```
 */
export const GET_READ_BUFFER: unique symbol = Symbol("mv.builtins.getreadbuffer");
/**
 * `bf_getwritebuffer`.
 *
 * @example
 * ```ts
 * typeof buffer(bytes([1]))[GET_WRITE_BUFFER]; // returns "function"
 * ```
 */
export const GET_WRITE_BUFFER: unique symbol = Symbol("mv.builtins.getwritebuffer");
/**
 * `bf_getcharbuffer`.
 *
 * @example
 * ```ts
 * typeof buffer(bytes([1]))[GET_CHAR_BUFFER]; // returns "function"
 * ```
 */
export const GET_CHAR_BUFFER: unique symbol = Symbol("mv.builtins.getcharbuffer");

/** An object with the old buffer slots. */
export interface OldBufferProcs {
  [GET_READ_BUFFER](): Uint8Array;
  [GET_WRITE_BUFFER](): Uint8Array;
  [GET_CHAR_BUFFER](): Uint8Array;
}

/**
 * Whether `value` implements the old slots itself.
 *
 * @example
 * ```ts
 * hasOldBufferProcs(buffer(bytes([1]))); // returns true
 * hasOldBufferProcs(bytes([1])); // returns false
 * ```
 */
export function hasOldBufferProcs(value: unknown): value is OldBufferProcs {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<OldBufferProcs>)[GET_READ_BUFFER] === "function"
  );
}
