/**
 * The independent implementation's `bytes` and `bytearray`: byte strings
 * exporting through the registry symbols as `PyBuffer_FillInfo` does, and
 * a bytearray that refuses to resize while exported.
 *
 * @packageDocumentation
 */

import { BufferError, allocate } from "./errors.js";
import { hashBytes } from "./hash-bytes.js";

const GET = Symbol.for("mv.getbuffer");
const RELEASE = Symbol.for("mv.releasebuffer");

function toBytes(source: unknown): Uint8Array {
  if (source === undefined) return new Uint8Array(0);
  if (typeof source === "number") return allocate(source);
  if (source instanceof Uint8Array) return source.slice();
  if (Array.isArray(source)) return Uint8Array.from(source);
  throw new TypeError("cannot convert to bytes");
}

/** The BufferInfo these exporters hand out. */
export interface ExportedInfo {
  obj: object;
  buf: ArrayBuffer;
  offset: number;
  len: number;
  readonly: boolean;
  itemsize: number;
  format: string | null;
  ndim: number;
  shape: number[] | null;
  strides: number[] | null;
  suboffsets: null;
}

export abstract class ByteString {
  protected data: Uint8Array;
  protected exports = 0;
  constructor(source?: unknown) {
    this.data = toBytes(source);
  }
  protected abstract readonly writable: boolean;
  get length(): number {
    return this.data.length;
  }
  /** A copy of the bytes (what a `c` item takes from a bytes object). */
  toUint8Array(): Uint8Array {
    return this.data.slice();
  }
  [GET](flags: number): ExportedInfo {
    if (flags & 0x1 && !this.writable) throw new BufferError("Object is not writable.");
    this.exports++;
    const n = this.data.length;
    return {
      obj: this,
      buf: this.data.buffer as ArrayBuffer,
      offset: this.data.byteOffset,
      len: n,
      readonly: !this.writable,
      itemsize: 1,
      format: flags & 0x4 ? "B" : null,
      ndim: 1,
      shape: flags & 0x8 ? [n] : null,
      strides: (flags & 0x18) === 0x18 ? [1] : null,
      suboffsets: null,
    };
  }
  [RELEASE](): void {
    this.exports--;
  }
}

/** Read-only bytes. */
export class bytes extends ByteString {
  protected readonly writable = false;
  hash(): number {
    return hashBytes(this.data);
  }
}

/** Writable, resizable bytes. */
export class bytearray extends ByteString {
  protected readonly writable = true;
  append(value: number): void {
    if (this.exports > 0) throw new BufferError("Existing exports of data: object cannot be re-sized");
    const next = new Uint8Array(this.data.length + 1);
    next.set(this.data);
    next[this.data.length] = value;
    this.data = next;
  }
}
