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
/**
 * `bf_getsegcount`: 1, or the error finding the memory raises (a `buffer`'s
 * is `get_buf(ANY_BUFFER)`, which fails when its base is not one segment or
 * lacks the buffer the kind of `buffer` needs).
 *
 * @example
 * ```ts
 * buffer(bytes([1]))[GET_SEGMENT_COUNT](); // returns 1
 * ```
 */
export const GET_SEGMENT_COUNT: unique symbol = Symbol("mv.builtins.getsegcount");

/** An object with the old buffer slots. */
export interface OldBufferProcs {
  [GET_READ_BUFFER](): Uint8Array;
  [GET_WRITE_BUFFER](): Uint8Array;
  [GET_CHAR_BUFFER](): Uint8Array;
  [GET_SEGMENT_COUNT](): number;
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
  return typeof value === "object" && value !== null && typeof (value as Partial<OldBufferProcs>)[GET_READ_BUFFER] === "function";
}

/**
 * `(*pb->bf_getsegcount)(obj, NULL) == 1`, as 2.7's callers test it: a
 * failure counts as "not one segment" (they then set their own TypeError,
 * replacing the error the count raised).
 *
 * A writable `buffer` over a read-only object has no write buffer behind it:
 *
 * @example
 * ```ts
 * isOneSegment(buffer(bytes([1]))); // returns true
 * isOneSegment(buffer.fromReadWriteObject(buffer(bytes([1])))); // returns false
 * ```
 */
export function isOneSegment(obj: OldBufferProcs): boolean {
  try {
    return obj[GET_SEGMENT_COUNT]() === 1;
  } catch {
    return false;
  }
}
