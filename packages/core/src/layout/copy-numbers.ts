/**
 * A plain copy of a list of numbers (a shape, strides or suboffsets).
 *
 * @packageDocumentation
 */

/**
 * A new, plain array of `list`'s numbers. Written as a loop because the
 * lists views share are frozen, and V8 copies a frozen array with
 * `slice()` several times slower (as a dictionary of elements).
 *
 * @param list - the numbers
 * @example
 * ```ts
 * copyNumbers(Object.freeze([2, 3])); // returns [2, 3]
 * ```
 */
export function copyNumbers(list: readonly number[]): number[] {
  const length = list.length;
  // Sized up front: an array grown by push keeps spare room (V8 gives it 17 slots at the first).
  const copy = new Array<number>(length);
  for (let i = 0; i < length; i++) copy[i] = list[i]!;
  return copy;
}
