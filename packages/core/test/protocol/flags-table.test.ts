/**
 * Every request against every exporter: for each combination of the flag
 * bits (READ and WRITE alone excepted), the answer must obey PEP 3118's
 * table, or the request must fail with BufferError exactly when the
 * exporter cannot meet it.
 */

import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { BufferFlags, getBuffer, releaseBuffer, type BufferInfo } from "../../src/index.js";
import { resizableBuffer, growableSharedBuffer } from "./support/resizable.js";
import { modelIsC, modelIsF, modelLen, NdExporter, pilLayout, RawExporter, type Layout } from "./support/nd-exporter.js";

const BITS = [0x1, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200];
const ALL_FLAGS: number[] = [];
for (let mask = 0; mask < 1 << BITS.length; mask++) {
  const flags = BITS.reduce((acc, bit, i) => ((mask >> i) & 1 ? acc | bit : acc), 0);
  if (flags !== BufferFlags.READ && flags !== BufferFlags.WRITE) ALL_FLAGS.push(flags);
}

const has = (flags: number, bits: number): boolean => (flags & bits) === bits;

interface OneDim {
  name: string;
  make: () => object;
  buf: (x: object) => ArrayBuffer | SharedArrayBuffer;
  offset: number;
  items: number;
  itemsize: number;
  format: string;
}

const ab = (n: number): ArrayBuffer => new ArrayBuffer(n);
// biome-ignore format: a table, one row per line
const builtins: OneDim[] = [
  { name: "ArrayBuffer", make: () => ab(12), buf: (x) => x as ArrayBuffer, offset: 0, items: 12, itemsize: 1, format: "B" },
  { name: "empty ArrayBuffer", make: () => ab(0), buf: (x) => x as ArrayBuffer, offset: 0, items: 0, itemsize: 1, format: "B" },
  { name: "SharedArrayBuffer", make: () => new SharedArrayBuffer(5), buf: (x) => x as SharedArrayBuffer, offset: 0, items: 5, itemsize: 1, format: "B" },
  {
    name: "resizable ArrayBuffer",
    make: () => resizableBuffer(7, 64),
    buf: (x) => x as ArrayBuffer,
    offset: 0,
    items: 7,
    itemsize: 1,
    format: "B",
  },
  {
    name: "growable SharedArrayBuffer",
    make: () => growableSharedBuffer(3, 64),
    buf: (x) => x as SharedArrayBuffer,
    offset: 0,
    items: 3,
    itemsize: 1,
    format: "B",
  },
  { name: "Int8Array", make: () => new Int8Array(ab(16), 1, 4), buf: (x) => (x as Int8Array).buffer, offset: 1, items: 4, itemsize: 1, format: "b" },
  { name: "Uint8Array", make: () => new Uint8Array(ab(16), 2, 4), buf: (x) => (x as Uint8Array).buffer, offset: 2, items: 4, itemsize: 1, format: "B" },
  { name: "Uint8ClampedArray", make: () => new Uint8ClampedArray(3), buf: (x) => (x as Uint8ClampedArray).buffer, offset: 0, items: 3, itemsize: 1, format: "B" },
  { name: "Int16Array", make: () => new Int16Array(ab(16), 2, 3), buf: (x) => (x as Int16Array).buffer, offset: 2, items: 3, itemsize: 2, format: "h" },
  { name: "Uint16Array", make: () => new Uint16Array(3), buf: (x) => (x as Uint16Array).buffer, offset: 0, items: 3, itemsize: 2, format: "H" },
  { name: "Int32Array", make: () => new Int32Array(ab(32), 8, 2), buf: (x) => (x as Int32Array).buffer, offset: 8, items: 2, itemsize: 4, format: "i" },
  { name: "Uint32Array", make: () => new Uint32Array(2), buf: (x) => (x as Uint32Array).buffer, offset: 0, items: 2, itemsize: 4, format: "I" },
  { name: "Float32Array", make: () => new Float32Array(2), buf: (x) => (x as Float32Array).buffer, offset: 0, items: 2, itemsize: 4, format: "f" },
  { name: "Float64Array", make: () => new Float64Array(ab(40), 8, 3), buf: (x) => (x as Float64Array).buffer, offset: 8, items: 3, itemsize: 8, format: "d" },
  { name: "BigInt64Array", make: () => new BigInt64Array(2), buf: (x) => (x as BigInt64Array).buffer, offset: 0, items: 2, itemsize: 8, format: "q" },
  { name: "BigUint64Array", make: () => new BigUint64Array(2), buf: (x) => (x as BigUint64Array).buffer, offset: 0, items: 2, itemsize: 8, format: "Q" },
  {
    name: "length-tracking Int16Array",
    make: () => new Int16Array(resizableBuffer(10, 20), 2),
    buf: (x) => (x as Int16Array).buffer,
    offset: 2,
    items: 4,
    itemsize: 2,
    format: "h",
  },
  { name: "DataView", make: () => new DataView(ab(9), 4), buf: (x) => (x as DataView).buffer, offset: 4, items: 5, itemsize: 1, format: "B" },
  {
    name: "Buffer",
    make: () => Buffer.from([1, 2, 3]),
    buf: (x) => (x as Buffer).buffer,
    offset: -1,
    items: 3,
    itemsize: 1,
    format: "B",
  },
  {
    name: "WebAssembly.Memory",
    make: () => new WebAssembly.Memory({ initial: 1 }),
    buf: (x) => (x as WebAssembly.Memory).buffer,
    offset: 0,
    items: 65536,
    itemsize: 1,
    format: "B",
  },
];
if (typeof (globalThis as { Float16Array?: unknown }).Float16Array === "function") {
  const F16 = (globalThis as unknown as { Float16Array: new (n: number) => { buffer: ArrayBuffer } }).Float16Array;
  builtins.push({
    name: "Float16Array",
    make: () => new F16(3),
    buf: (x) => (x as { buffer: ArrayBuffer }).buffer,
    offset: 0,
    items: 3,
    itemsize: 2,
    format: "e",
  });
}

function plain(info: BufferInfo): Record<string, unknown> {
  const { obj, buf, offset, len, readonly, itemsize, format, ndim, shape, strides, suboffsets } = info;
  return { obj, buf, offset, len, readonly, itemsize, format, ndim, shape, strides, suboffsets };
}

describe("every request against every built-in exporter", () => {
  it.each(builtins.map((b) => [b.name, b] as const))("%s", (_name, spec) => {
    for (const flags of ALL_FLAGS) {
      const x = spec.make();
      const info = getBuffer(x, flags);
      expect(plain(info), `flags 0x${flags.toString(16)}`).toEqual({
        obj: x,
        buf: spec.buf(x),
        offset: spec.offset < 0 ? (x as Uint8Array).byteOffset : spec.offset,
        len: spec.items * spec.itemsize,
        readonly: false,
        itemsize: spec.itemsize,
        format: has(flags, BufferFlags.FORMAT) ? spec.format : null,
        ndim: 1,
        shape: has(flags, BufferFlags.ND) ? [spec.items] : null,
        strides: has(flags, BufferFlags.STRIDES) ? [spec.itemsize] : null,
        suboffsets: null,
      });
      releaseBuffer(info);
    }
  });
});

function i32(shape: number[], strides: number[], offset: number, bytes: number, extra: Partial<Layout> = {}): Layout {
  return { buf: new ArrayBuffer(bytes), offset, itemsize: 4, format: "i", shape, strides, suboffsets: null, ...extra };
}

// biome-ignore format: a table, one row per line
const layouts: [string, Layout][] = [
  ["C-contiguous 2x3", i32([2, 3], [12, 4], 0, 24)],
  ["Fortran-contiguous 2x3", i32([2, 3], [4, 8], 0, 24)],
  ["strided (every other column)", i32([2, 3], [24, 8], 0, 48)],
  ["negative strides", i32([2, 3], [-12, -4], 20, 24)],
  ["zero stride (broadcast)", i32([4, 3], [0, 4], 0, 12)],
  ["0-dimensional scalar", i32([], [], 4, 8)],
  ["empty 0x3", i32([0, 3], [12, 4], 0, 0)],
  ["1x1 with odd strides", i32([1, 1], [100, -7], 0, 4)],
  ["read-only C 3", i32([3], [4], 0, 12, { readonly: true })],
  ["PIL image 3x4", pilLayout(3, 4, 2)],
];

describe("every request against a memory_getbuf exporter, for every layout", () => {
  it.each(layouts)("%s", (_name, layout) => {
    for (const flags of ALL_FLAGS) {
      const exporter = new NdExporter(layout);
      const isC = modelIsC(layout);
      const isF = modelIsF(layout);
      const refused =
        (has(flags, BufferFlags.WRITABLE) && layout.readonly === true) ||
        (has(flags, BufferFlags.C_CONTIGUOUS) && !isC) ||
        (has(flags, BufferFlags.F_CONTIGUOUS) && !isF) ||
        (has(flags, BufferFlags.ANY_CONTIGUOUS) && !isC && !isF) ||
        (!has(flags, BufferFlags.INDIRECT) && layout.suboffsets !== null) ||
        (!has(flags, BufferFlags.STRIDES) && !isC) ||
        (!has(flags, BufferFlags.ND) && has(flags, BufferFlags.FORMAT));
      const label = `flags 0x${flags.toString(16)}`;
      if (refused) {
        expect(() => getBuffer(exporter, flags), label).toThrow(expect.objectContaining({ name: "BufferError" }));
        expect(exporter.live, label).toBe(0);
        continue;
      }
      const info = getBuffer(exporter, flags);
      const nd = has(flags, BufferFlags.ND);
      expect(plain(info), label).toEqual({
        obj: exporter,
        buf: layout.buf,
        offset: layout.offset,
        len: modelLen(layout),
        readonly: layout.readonly ?? false,
        itemsize: layout.itemsize,
        format: has(flags, BufferFlags.FORMAT) ? layout.format : null,
        ndim: nd ? layout.shape.length : 1,
        shape: nd ? layout.shape : null,
        strides: has(flags, BufferFlags.STRIDES) ? layout.strides : null,
        suboffsets: has(flags, BufferFlags.INDIRECT) ? layout.suboffsets : null,
      });
      expect(exporter.live, label).toBe(1);
      releaseBuffer(info);
      expect(exporter.live, label).toBe(0);
    }
  });
});

/**
 * An exporter that ignores the request and always answers with everything.
 * getBuffer must refuse exactly the answers that break the request.
 */
describe("getBuffer enforces the request on a careless exporter", () => {
  it.each(layouts)("%s", (_name, layout) => {
    for (const flags of ALL_FLAGS) {
      const exporter = new RawExporter(() => ({
        obj: null,
        buf: layout.buf,
        offset: layout.offset,
        len: modelLen(layout),
        readonly: layout.readonly ?? false,
        itemsize: layout.itemsize,
        format: layout.format,
        ndim: layout.shape.length,
        shape: layout.shape,
        strides: layout.strides,
        suboffsets: layout.suboffsets,
      }));
      const isC = modelIsC(layout);
      const isF = modelIsF(layout);
      const ndim = layout.shape.length;
      const broken =
        (has(flags, BufferFlags.WRITABLE) && layout.readonly === true) ||
        !has(flags, BufferFlags.FORMAT) || // it always sends a format
        !has(flags, BufferFlags.ND) || // it always sends a shape
        !has(flags, BufferFlags.STRIDES) || // and strides
        (!has(flags, BufferFlags.INDIRECT) && layout.suboffsets !== null) ||
        (has(flags, BufferFlags.C_CONTIGUOUS) && !isC) ||
        (has(flags, BufferFlags.F_CONTIGUOUS) && !isF) ||
        (has(flags, BufferFlags.ANY_CONTIGUOUS) && !isC && !isF);
      const label = `flags 0x${flags.toString(16)} ndim ${ndim}`;
      if (broken) {
        expect(() => getBuffer(exporter, flags), label).toThrow(
          expect.objectContaining({
            name: "BufferError",
            message: expect.stringMatching(/^BufferInfo does not meet the request: /),
          }),
        );
      } else {
        releaseBuffer(getBuffer(exporter, flags));
      }
      expect(exporter.live, label).toBe(0);
    }
  });
});
