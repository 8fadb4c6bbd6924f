/**
 * An exporter of any recorded layout: the bytes, offset, shape, strides and
 * format a fixture recorded from a NumPy array or a `_testbuffer.ndarray`,
 * served over a fresh ArrayBuffer (the JavaScript side of "the same bytes
 * and layout"). A PIL-style layout is built as `_testbuffer`'s `ND_PIL`
 * builds it: a table of row pointers in front of the data, the first
 * dimension's stride the pointer size (negative when the rows ran
 * backwards), each pointer at the lowest byte its row reaches and the first
 * suboffset the distance from there to the row's first item.
 */
import {
  BufferError,
  GET_BUFFER,
  POINTER_SIZE,
  RELEASE_BUFFER,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
  writePointer,
  type BufferInfo,
} from "@mv/core";

/** A layout as the fixture records it. */
export interface LayoutSpec {
  kind: string;
  memory: string;
  offset: number;
  shape: number[];
  strides: number[];
  format: string;
  itemsize: number;
  readonly: boolean;
  pil: boolean;
}

/** Bytes from hex. */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Lowercase hex of bytes. */
export function toHex(data: Uint8Array): string {
  let s = "";
  for (const b of data) s += b.toString(16).padStart(2, "0");
  return s;
}

function isCContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  if (shape.includes(0)) return true;
  let expected = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d]! > 1 && strides[d] !== expected) return false;
    expected *= shape[d]!;
  }
  return true;
}

/** The exporter of a recorded layout; counts its live exports. */
export class LayoutExporter {
  readonly memory: Uint8Array;
  readonly offset: number;
  readonly shape: number[];
  readonly strides: number[];
  readonly suboffsets: number[] | null;
  exports = 0;

  constructor(readonly spec: LayoutSpec) {
    const data = fromHex(spec.memory);
    if (!spec.pil) {
      this.memory = data;
      this.offset = spec.offset;
      this.shape = spec.shape;
      this.strides = spec.strides;
      this.suboffsets = null;
      return;
    }
    const rows = spec.shape[0]!;
    const table = rows * POINTER_SIZE;
    this.memory = new Uint8Array(table + data.length);
    this.memory.set(data, table);
    const backwards = spec.strides[0]! < 0;
    let suboffset = 0;
    for (let d = 1; d < spec.shape.length && rows > 0; d++) {
      if (spec.shape[d]! > 0) suboffset -= Math.min(0, (spec.shape[d]! - 1) * spec.strides[d]!);
    }
    for (let i = 0; i < rows; i++) {
      const slot = (backwards ? rows - 1 - i : i) * POINTER_SIZE;
      writePointer(this.memory.buffer, slot, table + spec.offset + i * spec.strides[0]! - suboffset);
    }
    this.offset = backwards && rows > 0 ? (rows - 1) * POINTER_SIZE : 0;
    this.shape = spec.shape;
    this.strides = [backwards ? -POINTER_SIZE : POINTER_SIZE, ...spec.strides.slice(1)];
    this.suboffsets = [suboffset, ...spec.strides.slice(1).map(() => -1)];
  }

  [GET_BUFFER](flags: number): BufferInfo {
    const spec = this.spec;
    if (requestsWritable(flags) && spec.readonly) throw new BufferError("object is not writable.");
    if (this.suboffsets !== null && !requestsIndirect(flags)) throw new BufferError("the layout needs suboffsets");
    if (!requestsStrides(flags) && !isCContiguous(this.shape, this.strides, spec.itemsize)) {
      throw new BufferError("the layout is not C-contiguous");
    }
    const shaped = requestsShape(flags);
    const len = this.shape.reduce((a, b) => a * b, spec.itemsize);
    this.exports++;
    return {
      obj: this,
      buf: this.memory.buffer,
      offset: this.offset,
      len,
      readonly: spec.readonly,
      itemsize: spec.itemsize,
      format: requestsFormat(flags) ? spec.format : null,
      ndim: shaped ? this.shape.length : 1,
      shape: shaped ? this.shape.slice() : null,
      strides: requestsStrides(flags) ? this.strides.slice() : null,
      suboffsets: requestsIndirect(flags) && this.suboffsets !== null ? this.suboffsets.slice() : null,
    };
  }

  [RELEASE_BUFFER](_info: BufferInfo): void {
    this.exports--;
  }
}
