/**
 * Python's slice arithmetic (`PySlice_Unpack` + `PySlice_AdjustIndices` in
 * `Objects/sliceobject.c`), the model every slicing case is checked against.
 *
 * @packageDocumentation
 */

/** A resolved slice: start, stop, step and the number of selected items. */
export interface SliceIndices {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
}

/**
 * Resolves `slice(start, stop, step)` against a dimension of `dimLength`
 * items. `null` stands for Python's `None`. A zero step throws a plain
 * `RangeError` (the implementation under test must throw `ValueError`).
 *
 * @example
 * ```ts
 * sliceIndices(null, null, -1, 4); // returns { start: 3, stop: -1, step: -1, length: 4 }
 * sliceIndices(1, 100, 2, 5);      // returns { start: 1, stop: 5, step: 2, length: 2 }
 * ```
 */
export function sliceIndices(start: number | null, stop: number | null, step: number | null, dimLength: number): SliceIndices {
  const s = step ?? 1;
  if (s === 0) throw new RangeError("slice step cannot be zero");
  const clamp = (value: number | null, whenNone: number): number => {
    if (value === null) return whenNone;
    let v = value;
    if (v < 0) {
      v += dimLength;
      if (v < 0) v = s < 0 ? -1 : 0;
    } else if (v >= dimLength) {
      v = s < 0 ? dimLength - 1 : dimLength;
    }
    return v;
  };
  const first = clamp(start, s < 0 ? dimLength - 1 : 0);
  const last = clamp(stop, s < 0 ? -1 : dimLength);
  let length = 0;
  if (s < 0) {
    if (last < first) length = Math.floor((first - last - 1) / -s) + 1;
  } else if (first < last) {
    length = Math.floor((last - first - 1) / s) + 1;
  }
  return { start: first, stop: last, step: s, length };
}
