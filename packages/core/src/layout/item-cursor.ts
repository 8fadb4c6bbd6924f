/**
 * A cursor over the items of an export in C or Fortran order, giving the
 * byte offset of each in turn: the walk behind `toContiguous`,
 * `fromContiguous` and `copyBuffer` (CPython's `_Py_add_one_to_index_C` /
 * `_F` with `PyBuffer_GetPointer`).
 *
 * Direct memory is walked incrementally, one addition per item. Memory with
 * suboffsets resolves each item from its indices, checking every pointer
 * slot and the item it leads to against `buf`, because the pointers live in
 * memory the consumer can write.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { impliedByteStrides, impliedShape } from "./implied-layout.js";
import { assertReachedItemInside, followPointerSlot } from "./pointer-slot.js";

/**
 * Walks the items of an export.
 *
 * @example
 * ```ts
 * const info = { offset: 0, len: 4, itemsize: 1, ndim: 2, shape: [2, 2], strides: [1, 2], suboffsets: null };
 * const cursor = new ItemCursor(info, "C", new ArrayBuffer(4));
 * [cursor.next(), cursor.next(), cursor.next(), cursor.next()]; // returns [0, 2, 1, 3]
 * ```
 */
export class ItemCursor {
  /** The number of items. */
  readonly itemCount: number;
  private readonly shape: readonly number[];
  private readonly byteStrides: readonly number[];
  private readonly suboffsets: readonly number[] | null;
  private readonly indices: number[];
  private readonly fortran: boolean;
  private readonly view: DataView;
  private readonly itemsize: number;
  private readonly rootByte: number;
  private currentByte: number;

  constructor(
    info: Pick<BufferInfo, "offset" | "len" | "itemsize" | "ndim" | "shape" | "strides" | "suboffsets">,
    order: "C" | "F",
    buf: ArrayBuffer | SharedArrayBuffer,
  ) {
    this.shape = impliedShape(info);
    this.byteStrides = impliedByteStrides(info);
    this.suboffsets = info.suboffsets?.some((s) => s >= 0) ? info.suboffsets : null;
    this.indices = new Array<number>(this.shape.length).fill(0);
    this.fortran = order === "F";
    this.view = new DataView(buf);
    this.itemsize = info.itemsize;
    this.rootByte = info.offset;
    this.currentByte = info.offset;
    this.itemCount = info.len / info.itemsize;
  }

  /** The byte offset of the current item; then moves to the next one. */
  next(): number {
    const byteOffset = this.suboffsets === null ? this.currentByte : this.resolve();
    this.advance();
    return byteOffset;
  }

  private advance(): void {
    const { shape, byteStrides, indices } = this;
    const ndim = shape.length;
    for (let k = 0; k < ndim; k++) {
      const dim = this.fortran ? k : ndim - 1 - k;
      if (indices[dim]! < shape[dim]! - 1) {
        indices[dim]!++;
        this.currentByte += byteStrides[dim]!;
        return;
      }
      this.currentByte -= byteStrides[dim]! * indices[dim]!;
      indices[dim] = 0;
    }
  }

  private resolve(): number {
    const { view, suboffsets } = this;
    const byteLength = view.byteLength;
    let positionByte = this.rootByte;
    for (let dim = 0; dim < this.shape.length; dim++) {
      positionByte += this.byteStrides[dim]! * this.indices[dim]!;
      const suboffset = suboffsets![dim]!;
      if (suboffset >= 0) positionByte = followPointerSlot(view, byteLength, positionByte, suboffset);
    }
    assertReachedItemInside(positionByte, this.itemsize, byteLength);
    return positionByte;
  }
}
