/**
 * `data[start:stop:step]` for raw bytes, as `bytes_subscript` copies them.
 *
 * @packageDocumentation
 */
import { sliceIndices, type SliceLike } from "../python/slice-indices.js";

/**
 * The bytes of `source` that a slice picks, as a new array (the step may be
 * negative).
 *
 * @example
 * ```ts
 * Array.from(sliceBytes(new Uint8Array([1, 2, 3, 4]), { start: 1, stop: 3 })); // returns [2, 3]
 * Array.from(sliceBytes(new Uint8Array([1, 2, 3, 4]), { step: -2 })); // returns [4, 2]
 * ```
 */
export function sliceBytes(source: Uint8Array, slice: SliceLike): Uint8Array {
  const { start, step, length } = sliceIndices(source.length, slice);
  if (step === 1) return source.slice(start, start + length);
  const out = new Uint8Array(length);
  for (let i = 0, cur = start; i < length; i++, cur += step) out[i] = source[cur]!;
  return out;
}
