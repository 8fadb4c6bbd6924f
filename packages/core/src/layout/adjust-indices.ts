/**
 * `PySlice_AdjustIndices`: a slice's start and stop, already integers, clamped
 * to a sequence of `length` items, and the number of items it selects. Every
 * slice of every package ends here (memoryview's, `MemoryView.slice`, bytes,
 * bytearray, array and buffer).
 *
 * @packageDocumentation
 */

/**
 * Clamps `start` and `stop` to a sequence of `length` items for a step of
 * `step` (not 0: the caller refuses it while reading the slice, as
 * `PySlice_Unpack` does) and counts the items selected.
 *
 * @param length - the sequence's length
 * @param start - the start, a negative one counting from the end
 * @param stop - the stop, likewise
 * @param step - the step, not 0
 * @param out - receives `[start, stop, count]`
 * @returns `out`
 *
 * @example
 * ```ts
 * adjustIndices(10, -3, 100, 1, []); // returns [7, 10, 3]
 * ```
 * @example
 * ```ts
 * adjustIndices(10, 100, -100, -3, []); // returns [9, -1, 4]
 * ```
 */
export function adjustIndices(length: number, start: number, stop: number, step: number, out: number[]): number[] {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let count = 0;
  if (step < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    count = Math.floor((stop - start - 1) / step) + 1;
  }
  out[0] = start;
  out[1] = stop;
  out[2] = count;
  return out;
}
