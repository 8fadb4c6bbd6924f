/**
 * A configurable exporter for the view tests, like the `ndarray` of
 * CPython's `_testbuffer`: any buffer, offset, shape, strides, suboffsets
 * and format. It answers requests as PEP 3118 asks and counts its exports.
 */

import { BufferError, BufferFlags, type BufferInfo, GET_BUFFER, RELEASE_BUFFER } from "../../src/index.js";

export interface TestLayout {
  offset: number;
  shape: number[];
  strides: number[];
  suboffsets?: number[] | null;
  format: string;
  itemsize: number;
  readonly?: boolean;
}

function isCContiguous(shape: number[], strides: number[], itemsize: number): boolean {
  let expected = itemsize;
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    if (shape[dim] === 0) return true;
  }
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    if (shape[dim]! > 1 && strides[dim] !== expected) return false;
    expected *= shape[dim]!;
  }
  return true;
}

export class TestExporter {
  live = 0;
  released = 0;

  constructor(
    readonly memory: ArrayBuffer | SharedArrayBuffer,
    readonly layout: TestLayout,
  ) {}

  [GET_BUFFER](flags: number): BufferInfo {
    const { offset, shape, strides, format, itemsize } = this.layout;
    const suboffsets = this.layout.suboffsets ?? null;
    const readonly = this.layout.readonly ?? false;
    if (flags & BufferFlags.WRITABLE && readonly) throw new BufferError("ndarray: buffer is not writable");
    const wantsStrides = (flags & BufferFlags.STRIDES) === BufferFlags.STRIDES;
    const wantsShape = (flags & BufferFlags.ND) === BufferFlags.ND;
    const wantsIndirect = (flags & BufferFlags.INDIRECT) === BufferFlags.INDIRECT;
    if (suboffsets !== null && !wantsIndirect) throw new BufferError("ndarray: cannot export without INDIRECT");
    if (!wantsStrides && !isCContiguous(shape, strides, itemsize)) {
      throw new BufferError("ndarray: not C-contiguous");
    }
    let len = itemsize;
    for (const n of shape) len *= n;
    this.live++;
    return {
      obj: this,
      buf: this.memory,
      offset,
      len,
      readonly,
      itemsize,
      format: flags & BufferFlags.FORMAT ? format : null,
      ndim: wantsShape ? shape.length : 1,
      shape: wantsShape ? shape.slice() : null,
      strides: wantsStrides ? strides.slice() : null,
      suboffsets: wantsIndirect ? (suboffsets?.slice() ?? null) : null,
    };
  }

  [RELEASE_BUFFER](): void {
    this.live--;
    this.released++;
  }
}

export function fromHex(hex: string): ArrayBuffer {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes.buffer;
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
