/**
 * The oracle for views: reads a structure's items straight from the bytes of
 * its memory with the suite's own format model, following suboffsets the
 * way `PyBuffer_GetPointer` does. Every view case compares an implementation
 * with this model, never with another implementation.
 *
 * @packageDocumentation
 */

import { readItem, writeItem, type ModelLayout } from "./format-model.js";
import type { SliceIndices } from "./slice-indices.js";

/** A view as the model sees it; lengths in bytes. */
export interface ModelView {
  /** The whole exported memory (`buf`). */
  readonly memory: Uint8Array;
  /** Byte offset of item [0,…,0] (or of the first pointer, for PIL layouts). */
  readonly byteOffset: number;
  readonly shape: readonly number[];
  readonly byteStrides: readonly number[];
  readonly suboffsets: readonly number[] | null;
  readonly layout: ModelLayout;
}

/**
 * Reads a stored pointer: a native-endian (little-endian here) 8-byte
 * unsigned byte offset into the same memory, as the contract defines.
 *
 * @example
 * ```ts
 * readPointer(new Uint8Array([8, 0, 0, 0, 0, 0, 0, 0]), 0); // returns 8
 * ```
 */
export function readPointer(memory: Uint8Array, at: number): number {
  let value = 0;
  for (let k = 7; k >= 0; k--) value = value * 256 + (memory[at + k] as number);
  return value;
}

/**
 * Byte position of the item at `indices` (one index per dimension).
 *
 * @example
 * ```ts
 * itemBytePosition(view, [1, 2]); // returns byteOffset + strides[0] + 2 * strides[1]
 * ```
 */
export function itemBytePosition(view: ModelView, indices: readonly number[]): number {
  let position = view.byteOffset;
  for (let dim = 0; dim < indices.length; dim++) {
    position += (indices[dim] as number) * (view.byteStrides[dim] as number);
    const sub = view.suboffsets?.[dim] ?? -1;
    if (sub >= 0) position = readPointer(view.memory, position) + sub;
  }
  return position;
}

/**
 * The view's items as nested arrays (memoryview's `tolist`).
 *
 * @example
 * ```ts
 * modelToList(view); // returns [[1, 2, 3], [4, 5, 6]] for a 2×3 view of "B"
 * ```
 */
export function modelToList(view: ModelView): unknown {
  const walk = (dim: number, prefix: number[]): unknown => {
    if (dim === view.shape.length) return readItem(view.memory, itemBytePosition(view, prefix), view.layout);
    const out: unknown[] = [];
    for (let i = 0; i < (view.shape[dim] as number); i++) out.push(walk(dim + 1, [...prefix, i]));
    return out;
  };
  return walk(0, []);
}

/**
 * Every index tuple of a shape, in C order (or Fortran order).
 *
 * @example
 * ```ts
 * [...allIndices([2, 2], "F")]; // returns [[0, 0], [1, 0], [0, 1], [1, 1]]
 * ```
 */
export function* allIndices(shape: readonly number[], order: "C" | "F" = "C"): Generator<number[]> {
  if (shape.some((d) => d === 0)) return;
  const ndim = shape.length;
  const index = new Array<number>(ndim).fill(0);
  for (;;) {
    yield [...index];
    let dim = order === "C" ? ndim - 1 : 0;
    for (;;) {
      if (dim < 0 || dim >= ndim) return;
      index[dim] = (index[dim] as number) + 1;
      if ((index[dim] as number) < (shape[dim] as number)) break;
      index[dim] = 0;
      dim += order === "C" ? -1 : 1;
    }
  }
}

/**
 * The view's bytes in C or Fortran order (memoryview's `tobytes`), with
 * CPython's reading of `"A"`: the memory as it lies when the view is
 * contiguous in either order, C order otherwise.
 *
 * @example
 * ```ts
 * modelToBytes(view, "F"); // returns the items column by column
 * ```
 */
export function modelToBytes(view: ModelView, order: "C" | "F" | "A", isC: boolean, isF: boolean): Uint8Array {
  const itemsize = view.layout.itemsize;
  const count = view.shape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(count * itemsize);
  const walkOrder = order === "F" || (order === "A" && !isC && isF) ? "F" : "C";
  let at = 0;
  for (const index of allIndices(view.shape, walkOrder)) {
    const position = itemBytePosition(view, index);
    out.set(view.memory.subarray(position, position + itemsize), at);
    at += itemsize;
  }
  return out;
}

/**
 * The sub-view (or, for the last dimension, item position) selected by an
 * integer index in the first dimension, NumPy's `a[i]`.
 *
 * @example
 * ```ts
 * modelIndex(view, 1).shape; // returns view.shape.slice(1)
 * ```
 */
export function modelIndex(view: ModelView, index: number): ModelView {
  let position = view.byteOffset + index * (view.byteStrides[0] as number);
  const sub = view.suboffsets?.[0] ?? -1;
  if (sub >= 0) position = readPointer(view.memory, position) + sub;
  // Left with only negative suboffsets, the sub-view has no indirection
  // at all: it reads as a plain strided view (NumPy's sub-array).
  const rest = view.suboffsets ? view.suboffsets.slice(1) : null;
  return {
    memory: view.memory,
    byteOffset: position,
    shape: view.shape.slice(1),
    byteStrides: view.byteStrides.slice(1),
    suboffsets: rest?.some((s) => s >= 0) ? rest : null,
    layout: view.layout,
  };
}

/**
 * The view sliced in dimension `dim` (`init_slice` in memoryobject.c): the
 * start moves the base, or, past a dimension with suboffsets, the last
 * suboffset before it.
 *
 * @example
 * ```ts
 * modelSlice(view, 0, sliceIndices(null, null, -1, view.shape[0])).byteStrides[0]; // returns -view.byteStrides[0]
 * ```
 */
export function modelSlice(view: ModelView, dim: number, slice: SliceIndices): ModelView {
  const shape = [...view.shape];
  const byteStrides = [...view.byteStrides];
  const suboffsets = view.suboffsets ? [...view.suboffsets] : null;
  const move = (byteStrides[dim] as number) * slice.start;
  let byteOffset = view.byteOffset;
  let n = dim - 1;
  while (suboffsets && n >= 0 && (suboffsets[n] as number) < 0) n--;
  if (!suboffsets || dim === 0 || n < 0) byteOffset += move;
  else suboffsets[n] = (suboffsets[n] as number) + move;
  shape[dim] = slice.length;
  byteStrides[dim] = (byteStrides[dim] as number) * slice.step || 0; // never -0
  return { memory: view.memory, byteOffset, shape, byteStrides, suboffsets, layout: view.layout };
}

/**
 * Writes one item at `indices`.
 *
 * @example
 * ```ts
 * modelWriteItem(view, [0], 7); // the first item of a 1-D view becomes 7
 * ```
 */
export function modelWriteItem(view: ModelView, indices: readonly number[], value: unknown): void {
  writeItem(view.memory, itemBytePosition(view, indices), view.layout, value);
}
