/**
 * The byte strides of Fortran-contiguous memory (first index varies
 * fastest): `PyBuffer_FillContiguousStrides` with order 'F'.
 *
 * @packageDocumentation
 */

/**
 * Writes the Fortran-order byte strides of `shape` into `out` and returns
 * `out`. Allocates nothing; the twin of {@link fByteStrides}.
 *
 * @param out - receives one stride per dimension
 * @param shape - the length of each dimension
 * @param itemsize - the size of one item in bytes
 * @returns out
 *
 * @example
 * ```ts
 * fByteStridesInto([0, 0, 0], [2, 3, 4], 8); // returns [8, 16, 48]
 * ```
 */
export function fByteStridesInto(out: number[], shape: readonly number[], itemsize: number): number[] {
  let byteStride = itemsize;
  for (let dim = 0; dim < shape.length; dim++) {
    out[dim] = byteStride;
    byteStride *= shape[dim]!;
  }
  return out;
}

/**
 * The Fortran-order byte strides of `shape`.
 *
 * @param shape - the length of each dimension
 * @param itemsize - the size of one item in bytes
 * @returns one stride per dimension
 *
 * @example
 * ```ts
 * fByteStrides([2, 3], 4); // returns [4, 8]
 * ```
 */
export function fByteStrides(shape: readonly number[], itemsize: number): number[] {
  return fByteStridesInto(new Array<number>(shape.length), shape, itemsize);
}
