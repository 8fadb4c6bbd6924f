/**
 * A naive model of Python's list slicing, written independently of
 * `src/python/slice-indices.ts` from the language reference's definition:
 * the indices a slice visits, and what slice assignment and deletion do to
 * a list.
 */

export interface Slice {
  start: number | null;
  stop: number | null;
  step: number | null;
}

/** The indices `list[start:stop:step]` visits, in order. */
export function sliceVisits(length: number, { start, stop, step }: Slice): number[] {
  const s = step ?? 1;
  const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);
  const out: number[] = [];
  if (s > 0) {
    const lo = start === null ? 0 : clamp(start < 0 ? start + length : start, 0, length);
    const hi = stop === null ? length : clamp(stop < 0 ? stop + length : stop, 0, length);
    for (let i = lo; i < hi; i += s) out.push(i);
  } else {
    const lo = start === null ? length - 1 : clamp(start < 0 ? start + length : start, -1, length - 1);
    const hi = stop === null ? -1 : clamp(stop < 0 ? stop + length : stop, -1, length - 1);
    for (let i = lo; i > hi; i += s) out.push(i);
  }
  return out;
}

/** `list[slice] = values` on a copy; throws a ValueError-named error as Python does. */
export function assignSlice<T>(list: readonly T[], slice: Slice, values: readonly T[]): T[] {
  const out = [...list];
  if ((slice.step ?? 1) === 1) {
    const visits = sliceVisits(list.length, slice);
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + list.length : v, 0), list.length);
    const lo = slice.start === null ? 0 : clamp(slice.start);
    const count = visits.length;
    out.splice(lo, count, ...values);
    return out;
  }
  const visits = sliceVisits(list.length, slice);
  if (values.length === 0) return deleteSlice(list, slice);
  if (visits.length !== values.length) {
    throw Object.assign(new Error("size mismatch"), { name: "ValueError" });
  }
  visits.forEach((index, k) => {
    out[index] = values[k]!;
  });
  return out;
}

/** `del list[slice]` on a copy. */
export function deleteSlice<T>(list: readonly T[], slice: Slice): T[] {
  const gone = new Set(sliceVisits(list.length, slice));
  return list.filter((_, i) => !gone.has(i));
}
