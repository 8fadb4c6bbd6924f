/**
 * A test exporter of any layout over given bytes, like the `ndarray` of
 * CPython's `_testbuffer`: it answers only requests that accept strides.
 */
import { BufferError, BufferFlags, GET_BUFFER, RELEASE_BUFFER, type BufferInfo } from "@mv/core";

/** Exports `data` with `shape` and byte `strides` starting at `offset`. */
export function stridedExporter(
  data: number[],
  shape: number[],
  strides: number[],
  offset = 0,
  readonly = false,
): { live: number; [GET_BUFFER](flags: number): BufferInfo; [RELEASE_BUFFER](info: BufferInfo): void } {
  const buf = new Uint8Array(data).buffer;
  const itemCount = shape.reduce((a, b) => a * b, 1);
  return {
    live: 0,
    [GET_BUFFER](flags: number): BufferInfo {
      if ((flags & BufferFlags.STRIDES) !== BufferFlags.STRIDES) {
        throw new BufferError("stridedExporter: strides required");
      }
      if (readonly && (flags & BufferFlags.WRITABLE) !== 0) throw new BufferError("Object is not writable.");
      this.live++;
      return {
        obj: this,
        buf,
        offset,
        len: itemCount,
        readonly,
        itemsize: 1,
        format: (flags & BufferFlags.FORMAT) === BufferFlags.FORMAT ? "B" : null,
        ndim: shape.length,
        shape,
        strides,
        suboffsets: null,
      };
    },
    [RELEASE_BUFFER](): void {
      this.live--;
    },
  };
}
