/**
 * The bytes a strided layout can reach, as a half-open range
 * [startByte, endByte): the byte counterpart of `@stdlib/ndarray`'s
 * `minmax-view-buffer-index`. A negative stride moves the start below the
 * offset of element [0, …, 0]; a zero stride adds nothing. Suboffsets are not
 * followed here (see `reachableExtent`).
 *
 * @packageDocumentation
 */

/**
 * Writes [startByte, endByte) of a strided layout into `out` and returns
 * `out`. When a dimension is 0 nothing is reachable and the range is empty,
 * [byteOffset, byteOffset). Allocates nothing.
 *
 * @param out - receives [startByte, endByte]
 * @param shape - the length of each dimension
 * @param byteStrides - the byte step of each dimension
 * @param byteOffset - the byte offset of element [0, …, 0]
 * @param itemsize - the size of one item in bytes
 * @returns out
 *
 * @example
 * ```ts
 * byteExtentInto([0, 0], [2, 3], [-12, 4], 12, 4); // returns [0, 24]
 * ```
 */
export function byteExtentInto(
  out: number[],
  shape: readonly number[],
  byteStrides: readonly number[],
  byteOffset: number,
  itemsize: number,
): number[] {
  let startByte = byteOffset;
  let lastItemByte = byteOffset;
  for (let dim = 0; dim < shape.length; dim++) {
    const length = shape[dim]!;
    if (length === 0) {
      out[0] = byteOffset;
      out[1] = byteOffset;
      return out;
    }
    const span = byteStrides[dim]! * (length - 1);
    if (span > 0) lastItemByte += span;
    else startByte += span;
  }
  out[0] = startByte;
  out[1] = lastItemByte + itemsize;
  return out;
}

/**
 * [startByte, endByte) of a strided layout.
 *
 * @param shape - the length of each dimension
 * @param byteStrides - the byte step of each dimension
 * @param byteOffset - the byte offset of element [0, …, 0]
 * @param itemsize - the size of one item in bytes
 * @returns [startByte, endByte]
 *
 * @example
 * ```ts
 * byteExtent([3], [8], 0, 8); // returns [0, 24]
 * ```
 * @example
 * ```ts
 * byteExtent([3], [-8], 16, 8); // returns [0, 24]
 * ```
 * @example
 * ```ts
 * byteExtent([4, 0], [1, 1], 5, 1); // returns [5, 5]
 * ```
 */
export function byteExtent(
  shape: readonly number[],
  byteStrides: readonly number[],
  byteOffset: number,
  itemsize: number,
): [number, number] {
  return byteExtentInto([0, 0], shape, byteStrides, byteOffset, itemsize) as [number, number];
}
