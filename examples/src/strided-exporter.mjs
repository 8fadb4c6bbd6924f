// The other direction: an exporter (PEP 3118 provider) for any strided
// array that counts in elements of one TypedArray. Answers each request the
// way NumPy's array_getbuffer does: refuse writes to read-only data, refuse
// a contiguity the layout lacks, and leave out what was not asked for.
import { BufferError, BufferFlags, GET_BUFFER } from "@mv/core";
import { formatOfTypedArray } from "./typed-array-for-format.mjs";

/** Whether (shape, byteStrides) is row-major with no gaps. */
function isCContiguousLayout(shape, byteStrides, itemsize) {
  let expected = itemsize;
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    if (shape[dim] === 0) return true;
    if (shape[dim] !== 1 && byteStrides[dim] !== expected) return false;
    expected *= shape[dim];
  }
  return true;
}

/** Whether (shape, byteStrides) is column-major with no gaps. */
function isFContiguousLayout(shape, byteStrides, itemsize) {
  return isCContiguousLayout([...shape].reverse(), [...byteStrides].reverse(), itemsize);
}

const has = (flags, request) => (flags & request) === request;

/**
 * An exporter over `data` with element strides and offset: zero-copy, so
 * `MemoryView.from` and `memoryview` of it read and write `data` itself.
 *
 * @param {{ data: ArrayBufferView, shape: readonly number[], elemStrides: readonly number[], elemOffset: number, readonly?: boolean, owner?: object }} layout
 * @returns {{ [GET_BUFFER](flags: number): import("@mv/core").BufferInfo }}
 */
export function stridedExporter({ data, shape, elemStrides, elemOffset, readonly = false, owner }) {
  const format = formatOfTypedArray(data);
  const itemsize = data.BYTES_PER_ELEMENT;
  const byteStrides = elemStrides.map((elemStride) => elemStride * itemsize);
  const offset = data.byteOffset + elemOffset * itemsize;
  const len = shape.reduce((a, b) => a * b, 1) * itemsize;
  const exporter = {
    owner,
    [GET_BUFFER](flags) {
      if (has(flags, BufferFlags.WRITABLE) && readonly) throw new BufferError("Object is not writable.");
      const cContiguous = isCContiguousLayout(shape, byteStrides, itemsize);
      const fContiguous = isFContiguousLayout(shape, byteStrides, itemsize);
      if (has(flags, BufferFlags.C_CONTIGUOUS) && !cContiguous) throw new BufferError("ndarray is not C-contiguous");
      if (has(flags, BufferFlags.F_CONTIGUOUS) && !fContiguous) {
        throw new BufferError("ndarray is not Fortran contiguous");
      }
      if (has(flags, BufferFlags.ANY_CONTIGUOUS) && !cContiguous && !fContiguous) {
        throw new BufferError("ndarray is not contiguous");
      }
      if (!has(flags, BufferFlags.STRIDES) && !cContiguous) throw new BufferError("ndarray is not C-contiguous");
      return {
        obj: exporter,
        buf: data.buffer,
        offset,
        len,
        readonly,
        itemsize,
        format: has(flags, BufferFlags.FORMAT) ? format : null,
        ndim: shape.length,
        shape: has(flags, BufferFlags.ND) ? [...shape] : null,
        strides: has(flags, BufferFlags.STRIDES) ? byteStrides : null,
        suboffsets: null,
      };
    },
  };
  return exporter;
}
