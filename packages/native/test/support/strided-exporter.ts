// A configurable exporter for the tests: any shape, strides and suboffsets
// over a given buffer, like the `ndarray` of CPython's `_testbuffer`.
import { GET_BUFFER } from "@mv/core";

export interface StridedLayout {
  buf: ArrayBuffer | SharedArrayBuffer;
  offset: number;
  itemsize: number;
  format?: string;
  shape: number[];
  strides: number[];
  suboffsets?: number[] | null;
  readonly?: boolean;
}

/** An object whose GET_BUFFER exports exactly `layout`. */
export function stridedExporter(layout: StridedLayout): object {
  const len = layout.shape.reduce((product, length) => product * length, 1) * layout.itemsize;
  return {
    [GET_BUFFER]: () => ({
      obj: null,
      buf: layout.buf,
      offset: layout.offset,
      len,
      readonly: layout.readonly ?? false,
      itemsize: layout.itemsize,
      format: layout.format ?? { 1: "B", 2: "h", 4: "i", 8: "q" }[layout.itemsize] ?? `${layout.itemsize}s`,
      ndim: layout.shape.length,
      shape: layout.shape,
      strides: layout.strides,
      suboffsets: layout.suboffsets ?? null,
    }),
  };
}
