/**
 * A configurable exporter for tests, in the spirit of `_testbuffer.ndarray`:
 * any buffer, offset, shape, strides, suboffsets and format, answering each
 * request with the rules of CPython's `memory_getbuf` and counting its live
 * exports.
 */

import { BufferError, BufferFlags, GET_BUFFER, RELEASE_BUFFER, type BufferInfo } from "../../../src/index.js";

export interface Layout {
  buf: ArrayBuffer | SharedArrayBuffer;
  offset: number;
  itemsize: number;
  format: string | null;
  shape: number[];
  strides: number[];
  suboffsets: number[] | null;
  readonly?: boolean;
}

const has = (flags: number, bits: number): boolean => (flags & bits) === bits;

/** C-contiguity as test_buffer.py's model sees it (independent of src/). */
export function modelIsC(layout: Layout): boolean {
  if (layout.suboffsets !== null) return false;
  if (layout.shape.includes(0)) return true;
  let expected = layout.itemsize;
  for (let dim = layout.shape.length - 1; dim >= 0; dim--) {
    if (layout.shape[dim]! > 1 && layout.strides[dim] !== expected) return false;
    expected *= layout.shape[dim]!;
  }
  return true;
}

/** Fortran-contiguity, likewise. */
export function modelIsF(layout: Layout): boolean {
  if (layout.suboffsets !== null) return false;
  if (layout.shape.includes(0)) return true;
  let expected = layout.itemsize;
  for (let dim = 0; dim < layout.shape.length; dim++) {
    if (layout.shape[dim]! > 1 && layout.strides[dim] !== expected) return false;
    expected *= layout.shape[dim]!;
  }
  return true;
}

export function modelLen(layout: Layout): number {
  return layout.shape.reduce((a, b) => a * b, layout.itemsize);
}

/** An exporter following memory_getbuf. */
export class NdExporter {
  live = 0;
  exports = 0;
  releases: unknown[] = [];
  constructor(readonly layout: Layout) {}

  [GET_BUFFER](flags: number): BufferInfo {
    const { layout } = this;
    const isC = modelIsC(layout);
    const isF = modelIsF(layout);
    if (has(flags, BufferFlags.WRITABLE) && layout.readonly) throw new BufferError("underlying buffer is not writable");
    if (has(flags, BufferFlags.C_CONTIGUOUS) && !isC) throw new BufferError("underlying buffer is not C-contiguous");
    if (has(flags, BufferFlags.F_CONTIGUOUS) && !isF) throw new BufferError("underlying buffer is not Fortran contiguous");
    if (has(flags, BufferFlags.ANY_CONTIGUOUS) && !isC && !isF) throw new BufferError("underlying buffer is not contiguous");
    if (!has(flags, BufferFlags.INDIRECT) && layout.suboffsets !== null) {
      throw new BufferError("underlying buffer requires suboffsets");
    }
    const format = has(flags, BufferFlags.FORMAT) ? layout.format : null;
    let strides: number[] | null = layout.strides;
    if (!has(flags, BufferFlags.STRIDES)) {
      if (!isC) throw new BufferError("underlying buffer is not C-contiguous");
      strides = null;
    }
    let ndim = layout.shape.length;
    let shape: number[] | null = layout.shape;
    if (!has(flags, BufferFlags.ND)) {
      if (format !== null) throw new BufferError("cannot cast to unsigned bytes if the format flag is present");
      ndim = 1;
      shape = null;
    }
    this.live++;
    this.exports++;
    return {
      obj: this,
      buf: layout.buf,
      offset: layout.offset,
      len: modelLen(layout),
      readonly: layout.readonly ?? false,
      itemsize: layout.itemsize,
      format,
      ndim,
      shape,
      strides,
      suboffsets: has(flags, BufferFlags.INDIRECT) ? layout.suboffsets : null,
    };
  }

  [RELEASE_BUFFER](info: BufferInfo): void {
    this.live--;
    this.releases.push(info);
  }
}

/** An exporter that returns whatever it was given, and counts. */
export class RawExporter {
  live = 0;
  calls = 0;
  released: unknown[] = [];
  constructor(public answer: (flags: number) => unknown) {}
  [GET_BUFFER](flags: number): unknown {
    this.calls++;
    this.live++;
    return this.answer(flags);
  }
  [RELEASE_BUFFER](info: unknown): void {
    this.live--;
    this.released.push(info);
  }
}

/** A complete, valid BufferInfo-like object for `bytes` bytes, to be broken by tests. */
export function plainInfo(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const buf = (overrides.buf as ArrayBuffer | undefined) ?? new ArrayBuffer(16);
  return {
    obj: null,
    buf,
    offset: 0,
    len: 16,
    readonly: false,
    itemsize: 4,
    format: "i",
    ndim: 1,
    shape: [4],
    strides: [4],
    suboffsets: null,
    ...overrides,
  };
}

/** Builds a PIL-style image: `rows` rows of `cols` items, a pointer table first. */
export function pilLayout(rows: number, cols: number, itemsize: number): Layout {
  const tableBytes = rows * 8;
  const buf = new ArrayBuffer(tableBytes + rows * cols * itemsize);
  const view = new DataView(buf);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  for (let row = 0; row < rows; row++) {
    // Rows stored bottom-up, so the pointer order differs from memory order.
    const target = tableBytes + (rows - 1 - row) * cols * itemsize;
    view.setBigUint64(row * 8, BigInt(target), little);
  }
  const bytes = new Uint8Array(buf);
  for (let i = tableBytes; i < bytes.length; i++) bytes[i] = i & 0xff;
  return {
    buf,
    offset: 0,
    itemsize,
    format: itemsize === 1 ? "B" : itemsize === 2 ? "H" : "I",
    shape: [rows, cols],
    strides: [8, itemsize],
    suboffsets: [0, -1],
  };
}
