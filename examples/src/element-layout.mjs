// An export seen in elements instead of bytes: what every TypedArray-based
// array library wants (scijs ndarray, @stdlib/ndarray, Pyodide's PyBuffer).
// BufferInfo counts bytes (PEP 3118); those libraries count elements of one
// TypedArray over the whole memory. The conversion is exact only where every
// byte stride and the byte offset are whole elements; otherwise it fails
// with ValueError instead of reading misaligned items (NumPy accepts such
// buffers only because its strides are in bytes).
import { BufferFlags, ValueError, getBuffer } from "@mv/core";
import { typedArrayForFormat } from "./typed-array-for-format.mjs";

/**
 * Exports `exporter` (RECORDS_RO: strides and format, no suboffsets) and
 * describes it in elements of one TypedArray over its whole memory.
 * The export is kept for as long as the returned arrays live, as NumPy's
 * `base` keeps one; call `releaseBuffer(layout.info)` to give it back.
 *
 * @param {unknown} exporter - any buffer exporter (TypedArray, MemoryView, memoryview, …)
 * @returns {{ data: ArrayBufferView, shape: number[], elemStrides: number[], elemOffset: number, readonly: boolean, info: import("@mv/core").BufferInfo }}
 * @throws {ValueError} when a byte stride or the offset is not a whole number of elements
 */
export function elementLayout(exporter) {
  const info = getBuffer(exporter, BufferFlags.RECORDS_RO);
  const ArrayType = typedArrayForFormat(info.format);
  const itemsize = ArrayType.BYTES_PER_ELEMENT;
  if (info.itemsize !== itemsize) {
    throw new ValueError(`format '${info.format}' has itemsize ${info.itemsize}, not ${itemsize}`);
  }
  const shape = [...(info.shape ?? [])];
  const byteStrides = info.strides ?? [];
  const elemStrides = byteStrides.map((byteStride, dim) => {
    if (byteStride % itemsize !== 0) {
      throw new ValueError(
        `dimension ${dim}: a byte stride of ${byteStride} is not a whole number of ${itemsize}-byte elements`,
      );
    }
    return byteStride / itemsize;
  });
  if (info.offset % itemsize !== 0) {
    throw new ValueError(`byte offset ${info.offset} is not a whole number of ${itemsize}-byte elements`);
  }
  const data = new ArrayType(info.buf, 0, Math.floor(info.buf.byteLength / itemsize));
  return { data, shape, elemStrides, elemOffset: info.offset / itemsize, readonly: info.readonly, info };
}
