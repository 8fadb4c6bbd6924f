/**
 * Whether a byte range lies inside a buffer: `@stdlib/ndarray`'s
 * `is-buffer-length-compatible`, in bytes.
 *
 * @packageDocumentation
 */

/**
 * Whether [startByte, endByte) lies inside a buffer of `byteLength` bytes.
 * An empty range must still start inside the buffer or just past its end.
 *
 * @param startByte - first byte of the range
 * @param endByte - one past the last byte of the range
 * @param byteLength - size of the buffer
 * @returns true when 0 ≤ startByte ≤ endByte ≤ byteLength
 *
 * @example
 * ```ts
 * fitsInBuffer(0, 24, 24); // returns true
 * ```
 * @example
 * ```ts
 * fitsInBuffer(-4, 20, 24); // returns false
 * ```
 * @example
 * ```ts
 * fitsInBuffer(8, 8, 8); // returns true
 * ```
 */
export function fitsInBuffer(startByte: number, endByte: number, byteLength: number): boolean {
  return startByte >= 0 && startByte <= endByte && endByte <= byteLength;
}
