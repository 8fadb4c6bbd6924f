/**
 * Turns a strided layout into a PIL-style one: the first dimension becomes
 * an array of pointers to the sub-arrays (`init_suboffsets` in CPython's
 * `Modules/_testbuffer.c`). A pointer is stored as the contract says, a
 * little-endian 8-byte byte offset into the same memory.
 *
 * @packageDocumentation
 */

/** A strided layout over a memory block, in bytes. */
export interface StridedLayout {
  readonly memory: Uint8Array;
  readonly byteOffset: number;
  readonly shape: readonly number[];
  readonly byteStrides: readonly number[];
}

/** The same items, reached through a table of pointers. */
export interface PilLayout extends StridedLayout {
  readonly suboffsets: readonly number[];
}

const POINTER_SIZE = 8;

/**
 * Builds the PIL-style twin of a layout with at least one dimension: a new
 * memory block with the pointer table in front (padded to 8 bytes) and the
 * old block after it.
 *
 * @example
 * ```ts
 * const pil = toPilLayout({ memory, byteOffset: 0, shape: [2, 3], byteStrides: [3, 1] });
 * pil.byteStrides; // returns [8, 1]
 * pil.suboffsets;  // returns [0, -1]
 * ```
 */
export function toPilLayout(layout: StridedLayout): PilLayout {
  const { shape, byteStrides } = layout;
  if (shape.length === 0) throw new RangeError("a PIL layout needs at least one dimension");
  const tableBytes = Math.ceil(((shape[0] as number) * POINTER_SIZE) / 8) * 8;
  const memory = new Uint8Array(tableBytes + layout.memory.length);
  memory.set(layout.memory, tableBytes);
  // Lowest start of the whole array, and the offset that each pointed-to
  // sub-array needs so its own negative strides stay inside it.
  let lowest = 0;
  let suboffset0 = 0;
  if (!shape.some((d) => d === 0)) {
    shape.forEach((dim, n) => {
      const stride = byteStrides[n] as number;
      if (stride <= 0) {
        const reach = (dim - 1) * stride;
        lowest += reach;
        if (n >= 1) suboffset0 -= reach;
      }
    });
  }
  const first = tableBytes + layout.byteOffset + lowest;
  const step = Math.abs(byteStrides[0] as number);
  const view = new DataView(memory.buffer);
  for (let n = 0; n < (shape[0] as number); n++) {
    view.setBigUint64(n * POINTER_SIZE, BigInt(first + n * step), true);
  }
  const suboffsets = shape.map((_, n) => (n === 0 ? suboffset0 : -1));
  const newStrides = [...byteStrides];
  let byteOffset = 0;
  if ((byteStrides[0] as number) >= 0) {
    newStrides[0] = POINTER_SIZE;
  } else {
    newStrides[0] = -POINTER_SIZE;
    if ((shape[0] as number) > 0) byteOffset = ((shape[0] as number) - 1) * POINTER_SIZE;
  }
  return { memory, byteOffset, shape: [...shape], byteStrides: newStrides, suboffsets };
}
