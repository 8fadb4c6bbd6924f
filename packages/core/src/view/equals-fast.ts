/**
 * The fast path of comparing two views of the same native format: both
 * read through their TypedArrays (native byte order, aligned), walked with
 * element offsets and strides, one loop per element type so that each
 * stays monomorphic. Integers compare as their bits (equal values, equal
 * bits), runs that are contiguous in both views four bytes at a time;
 * floats compare as values, so NaN is unequal to itself and 0 equals -0,
 * as `==` has it. Anything else (booleans, views without a fast path)
 * answers undefined and takes the item-by-item comparison.
 *
 * @packageDocumentation
 */

import type { MemoryView } from "./memory-view.js";
import type { AnyTypedArray } from "./native-access.js";
import { fastArrayOf, fastKindOf, layoutOf, mbufOf } from "./state/access.js";

/** One run of `n` elements: x[xi], x[xi + xs], … against y[yi], y[yi + ys], …. */
type RunEquals = (x: AnyTypedArray, xi: number, xs: number, y: AnyTypedArray, yi: number, ys: number, n: number) => boolean;

function runF64(x: AnyTypedArray, xi: number, xs: number, y: AnyTypedArray, yi: number, ys: number, n: number): boolean {
  const a = x as Float64Array;
  const b = y as Float64Array;
  for (let k = 0; k < n; k++, xi += xs, yi += ys) if (a[xi] !== b[yi]) return false;
  return true;
}

function runF32(x: AnyTypedArray, xi: number, xs: number, y: AnyTypedArray, yi: number, ys: number, n: number): boolean {
  const a = x as Float32Array;
  const b = y as Float32Array;
  for (let k = 0; k < n; k++, xi += xs, yi += ys) if (a[xi] !== b[yi]) return false;
  return true;
}

/** Any other element type: the arrays' values (integers, bigints, half floats) compared with `!==`. */
function runAny(x: AnyTypedArray, xi: number, xs: number, y: AnyTypedArray, yi: number, ys: number, n: number): boolean {
  for (let k = 0; k < n; k++, xi += xs, yi += ys) if (x[xi] !== y[yi]) return false;
  return true;
}

function wordsEqual(a: Int32Array, b: Int32Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

function bytesEqual(a: Uint8Array, b: Uint8Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Bytes [aByte, aByte + n) of one memory against [bByte, bByte + n) of another, as integers' bits. */
function bitsEqual(a: MemoryView, aByte: number, b: MemoryView, bByte: number, n: number): boolean {
  const bufA = mbufOf(a).buffer;
  const bufB = mbufOf(b).buffer;
  if (aByte % 4 === 0 && bByte % 4 === 0 && n % 4 === 0) {
    return wordsEqual(new Int32Array(bufA, aByte, n / 4), new Int32Array(bufB, bByte, n / 4), n / 4);
  }
  return bytesEqual(new Uint8Array(bufA, aByte, n), new Uint8Array(bufB, bByte, n), n);
}

function runFor(kind: number): RunEquals | null {
  switch (kind) {
    case 0: // ElemKind.F64
      return runF64;
    case 1: // ElemKind.F32
      return runF32;
    case 8: // ElemKind.BOOL: any non-zero byte is True, so bits do not decide
      return null;
    default:
      return runAny;
  }
}

function isContiguousRun(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  // C order with every stride what a packed array would have.
  let expected = itemsize;
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    if (shape[dim]! > 1 && strides[dim] !== expected) return false;
    expected *= shape[dim]!;
  }
  return true;
}

/**
 * Whether `a` and `b` (same shape, same single native format, both past
 * {@link prepareAccess}) hold equal items, read through their TypedArrays;
 * undefined when either has no fast path or the format needs the general
 * comparison.
 *
 * @example
 * ```ts
 * const a = MemoryView.from(new Float64Array([1, NaN]));
 * prepareAccess(a);
 * equalsFast(a, a); // returns false
 * ```
 * @example
 * ```ts
 * const a = MemoryView.from(Uint8Array.of(1, 2, 3));
 * const b = MemoryView.from(Uint8Array.of(3, 2, 1)).slice([null, null, -1]);
 * prepareAccess(a);
 * prepareAccess(b);
 * equalsFast(a, b); // returns true
 * ```
 */
export function equalsFast(a: MemoryView, b: MemoryView): boolean | undefined {
  const x = fastArrayOf(a);
  const y = fastArrayOf(b);
  if (x === null || y === null) return undefined;
  const kind = fastKindOf(a);
  if (kind !== fastKindOf(b)) return undefined;
  const run = runFor(kind);
  if (run === null) return undefined;
  const la = layoutOf(a);
  const lb = layoutOf(b);
  const shape = la.shape;
  const ndim = shape.length;
  let total = 1;
  for (let dim = 0; dim < ndim; dim++) total *= shape[dim]!;
  if (total === 0) return true;
  const size = x.BYTES_PER_ELEMENT;
  if (
    run === runAny &&
    kind !== 12 && // ElemKind.F16: a value comparison
    isContiguousRun(shape, la.byteStrides, la.itemsize) &&
    isContiguousRun(lb.shape, lb.byteStrides, lb.itemsize)
  ) {
    return bitsEqual(a, la.byteOffset, b, lb.byteOffset, total * size);
  }
  if (ndim === 0) return run(x, la.byteOffset / size, 0, y, lb.byteOffset / size, 0, 1);
  // Walk every dimension but the last with a counter per dimension; the
  // last is one run.
  const last = ndim - 1;
  const n = shape[last]!;
  const xs = la.byteStrides[last]! / size;
  const ys = lb.byteStrides[last]! / size;
  const counters = new Array<number>(last).fill(0);
  let xi = la.byteOffset / size;
  let yi = lb.byteOffset / size;
  for (;;) {
    if (!run(x, xi, xs, y, yi, ys, n)) return false;
    let dim = last - 1;
    while (dim >= 0) {
      xi += la.byteStrides[dim]! / size;
      yi += lb.byteStrides[dim]! / size;
      if (++counters[dim]! < shape[dim]!) break;
      xi -= (la.byteStrides[dim]! / size) * shape[dim]!;
      yi -= (lb.byteStrides[dim]! / size) * shape[dim]!;
      counters[dim] = 0;
      dim--;
    }
    if (dim < 0) return true;
  }
}
