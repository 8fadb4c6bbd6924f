/**
 * The byte strides of C-contiguous memory (last index varies fastest):
 * `PyBuffer_FillContiguousStrides` with order 'C', and NumPy's
 * `shape2strides` in bytes.
 *
 * @packageDocumentation
 */

/**
 * Writes the C-order byte strides of `shape` into `out` and returns `out`.
 * Allocates nothing; the twin of {@link cByteStrides} for hot loops.
 *
 * @param out - receives one stride per dimension
 * @param shape - the length of each dimension
 * @param itemsize - the size of one item in bytes
 * @returns out
 *
 * @example
 * ```ts
 * cByteStridesInto([0, 0, 0], [2, 3, 4], 8); // returns [96, 32, 8]
 * ```
 */
export function cByteStridesInto(out: number[], shape: readonly number[], itemsize: number): number[] {
  let byteStride = itemsize;
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    out[dim] = byteStride;
    byteStride *= shape[dim]!;
  }
  return out;
}

/**
 * The C-order byte strides of `shape`.
 *
 * @param shape - the length of each dimension
 * @param itemsize - the size of one item in bytes
 * @returns one stride per dimension
 *
 * @example
 * ```ts
 * cByteStrides([2, 3], 4); // returns [12, 4]
 * ```
 * @example
 * ```ts
 * cByteStrides([], 4); // returns []
 * ```
 */
export function cByteStrides(shape: readonly number[], itemsize: number): number[] {
  return cByteStridesInto(new Array<number>(shape.length), shape, itemsize);
}
