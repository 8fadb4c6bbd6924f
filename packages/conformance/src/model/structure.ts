/**
 * Array structures in full generality, as PEP 3118 allows them: any shape
 * (zeros included), any strides (zero and negative included), any offset, in
 * a memory block of a given length. The model of `verify_structure` and
 * `rand_structure` in CPython's `Lib/test/test_buffer.py`.
 *
 * @packageDocumentation
 */

import type { Prng } from "./prng.js";

/** A structure over a memory block; every length is in bytes. */
export interface Structure {
  readonly memlen: number;
  readonly itemsize: number;
  readonly shape: readonly number[];
  readonly byteStrides: readonly number[];
  readonly byteOffset: number;
}

/**
 * The inclusive range of byte positions of item starts a structure reaches,
 * or `null` when it has no items.
 *
 * @example
 * ```ts
 * itemStartRange([3], [-2], 4); // returns { min: 0, max: 4 }
 * ```
 */
export function itemStartRange(
  shape: readonly number[],
  byteStrides: readonly number[],
  byteOffset: number,
): { min: number; max: number } | null {
  if (shape.some((d) => d === 0)) return null;
  let min = byteOffset;
  let max = byteOffset;
  shape.forEach((dim, i) => {
    const reach = (dim - 1) * (byteStrides[i] as number);
    if (reach < 0) min += reach;
    else max += reach;
  });
  return { min, max };
}

/**
 * Whether every item of the structure lies inside its memory block, with
 * offset and strides multiples of the itemsize (`verify_structure`).
 *
 * @example
 * ```ts
 * isValidStructure({ memlen: 6, itemsize: 2, shape: [3], byteStrides: [2], byteOffset: 0 }); // returns true
 * isValidStructure({ memlen: 6, itemsize: 2, shape: [3], byteStrides: [2], byteOffset: 2 }); // returns false
 * ```
 */
export function isValidStructure(t: Structure): boolean {
  if (t.byteOffset % t.itemsize !== 0) return false;
  if (t.byteOffset < 0 || t.byteOffset + t.itemsize > t.memlen) return false;
  if (t.byteStrides.some((s) => s % t.itemsize !== 0)) return false;
  const range = itemStartRange(t.shape, t.byteStrides, t.byteOffset);
  if (!range) return true;
  return range.min >= 0 && range.max + t.itemsize <= t.memlen;
}

/** Limits for {@link randomStructure}. */
export interface RandomStructureLimits {
  readonly maxDim: number;
  readonly maxShape: number;
  readonly maxItems?: number;
}

/**
 * A random structure of items of `itemsize` bytes: valid (fits its memory)
 * or, when `valid` is false, one that reaches outside it.
 *
 * @example
 * ```ts
 * const t = randomStructure(createPrng(1), 4, true, { maxDim: 3, maxShape: 5 });
 * isValidStructure(t); // returns true
 * ```
 */
export function randomStructure(rng: Prng, itemsize: number, valid: boolean, limits: RandomStructureLimits): Structure {
  const ndim = rng.int(0, limits.maxDim);
  if (ndim === 0) {
    if (valid) return { memlen: itemsize, itemsize, shape: [], byteStrides: [], byteOffset: 0 };
    const memlen = rng.int(1, 8) * itemsize;
    return { memlen, itemsize, shape: [], byteStrides: [], byteOffset: rng.chance(0.5) ? -itemsize : memlen };
  }
  const minShape = valid && rng.chance(0.06) ? 0 : rng.chance(0.1) ? 1 : 2;
  const shape: number[] = [];
  let items = 1;
  for (let i = 0; i < ndim; i++) {
    const cap = limits.maxItems ? Math.max(minShape, Math.floor(limits.maxItems / items)) : limits.maxShape;
    const dim = rng.int(minShape, Math.max(minShape, Math.min(limits.maxShape, cap)));
    shape.push(dim);
    items *= Math.max(dim, 1);
  }
  const allowZero = rng.chance(0.05);
  const elemStrides = new Array<number>(ndim).fill(0);
  let span = 3;
  for (let i = ndim - 1; i >= 0; i--) {
    let s = rng.int(-span, span);
    if (s === 0 && !allowZero) s = rng.chance(0.5) ? 1 : -1;
    elemStrides[i] = s;
    span *= Math.max(shape[i] as number, 1);
    span = Math.min(span, 64);
  }
  const byteStrides = elemStrides.map((s) => s * itemsize);
  const range = itemStartRange(shape, byteStrides, 0) ?? { min: 0, max: 0 };
  const byteOffset = -range.min;
  const memlen = byteOffset + range.max + itemsize;
  if (valid) return { memlen, itemsize, shape, byteStrides, byteOffset };
  // Invalid: cut the memory block short, or push the offset past its start.
  const cut = rng.int(1, Math.max(1, Math.floor(memlen / itemsize))) * itemsize;
  if (shape.some((d) => d === 0) || rng.chance(0.5)) {
    return {
      memlen,
      itemsize,
      shape: shape.map((d) => Math.max(d, 1) + 1),
      byteStrides: byteStrides.map((s) => s || itemsize),
      byteOffset: byteOffset + memlen,
    };
  }
  return { memlen: Math.max(itemsize, memlen - cut), itemsize, shape, byteStrides, byteOffset };
}

/**
 * A random structure that does not fit its memory block (drawn until
 * {@link isValidStructure} says no).
 *
 * @example
 * ```ts
 * isValidStructure(randomInvalidStructure(createPrng(3), 2, { maxDim: 2, maxShape: 4 })); // returns false
 * ```
 */
export function randomInvalidStructure(rng: Prng, itemsize: number, limits: RandomStructureLimits): Structure {
  for (;;) {
    const t = randomStructure(rng, itemsize, false, limits);
    if (!isValidStructure(t)) return t;
  }
}
