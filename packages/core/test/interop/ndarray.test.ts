// @mv/core/ndarray against the real libraries: scijs `ndarray` and
// `@stdlib/ndarray` (devDependencies). Zero-copy is shown by writes made on
// one side and read on the other.
import { createRequire } from "node:module";
import ndarray from "ndarray";
import { describe, expect, it } from "vitest";
import { BufferFlags, MemoryView, getBuffer, releaseBuffer } from "../../src/index.js";
import { fromNdarray, toNdarray, toStdlibNdarray } from "../../src/interop/ndarray.js";

// stdlib packages are CommonJS folders without an exports map.
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: stdlib ships no types for its folders
const StdlibNdarray = require("@stdlib/ndarray/ctor") as new (...args: any[]) => any;
const stdlibArray = require("@stdlib/ndarray/array");

const named = (name: string, message?: string) => expect.objectContaining(message === undefined ? { name } : { name, message });

describe("fromNdarray: scijs ndarray", () => {
  it("turns element strides and offset into bytes and shares the memory", () => {
    const data = Float32Array.from({ length: 12 }, (_, i) => i);
    const a = ndarray(data, [3, 4]).transpose(1, 0).step(-1, 2);
    const view = MemoryView.from(fromNdarray(a));
    expect([view.shape, view.strides, view.format, view.readonly]).toEqual([[4, 2], [-4, 32], "f", false]);
    expect(view.toList()).toEqual([
      [3, 11],
      [2, 10],
      [1, 9],
      [0, 8],
    ]);
    view.set(0, 1, 2.5);
    expect(a.get(0, 1)).toBe(2.5);
    a.set(3, 0, -7);
    expect(view.get(3, 0)).toBe(-7);
    expect(view.buffer).toBe(data.buffer);
  });

  it("counts the offset from the start of a data window inside a larger buffer", () => {
    const whole = Int16Array.from({ length: 10 }, (_, i) => i);
    const a = ndarray(whole.subarray(4), [3], [-2], 5);
    const info = getBuffer(fromNdarray(a), BufferFlags.FULL_RO);
    expect([info.offset, info.strides, info.len]).toEqual([(4 + 5) * 2, [-4], 6]);
    expect(MemoryView.from(fromNdarray(a)).toList()).toEqual([9, 7, 5]);
    releaseBuffer(info);
  });

  it("maps each dtype to its struct format", () => {
    const cases: [ArrayBufferView, string][] = [
      [new Int8Array(2), "b"],
      [new Uint8Array(2), "B"],
      [new Uint8ClampedArray(2), "B"],
      [new Int16Array(2), "h"],
      [new Uint16Array(2), "H"],
      [new Int32Array(2), "i"],
      [new Uint32Array(2), "I"],
      [new Float32Array(2), "f"],
      [new Float64Array(2), "d"],
      [new BigInt64Array(2), "q"],
      [new BigUint64Array(2), "Q"],
    ];
    for (const [data, format] of cases) {
      expect(MemoryView.from(fromNdarray(ndarray(data as never))).format, data.constructor.name).toBe(format);
    }
    expect(MemoryView.from(fromNdarray(ndarray(new BigInt64Array([-5n, 7n])))).toList()).toEqual([-5n, 7n]);
  });

  it("answers requests as NumPy does", () => {
    const exporter = fromNdarray(ndarray(new Int32Array(6), [2, 3]).transpose(1, 0));
    expect(getBuffer(exporter, BufferFlags.F_CONTIGUOUS).shape).toEqual([3, 2]);
    expect(() => getBuffer(exporter, BufferFlags.C_CONTIGUOUS)).toThrow(named("BufferError", "ndarray is not C-contiguous"));
    expect(() => getBuffer(exporter, BufferFlags.SIMPLE)).toThrow(named("BufferError", "ndarray is not C-contiguous"));
    const strided = fromNdarray(ndarray(new Int32Array(6)).step(2));
    expect(() => getBuffer(strided, BufferFlags.ANY_CONTIGUOUS)).toThrow(named("BufferError", "ndarray is not contiguous"));
    expect(() => getBuffer(strided, BufferFlags.F_CONTIGUOUS)).toThrow(named("BufferError", "ndarray is not Fortran contiguous"));
    const simple = getBuffer(fromNdarray(ndarray(new Int32Array(6))), BufferFlags.SIMPLE);
    expect([simple.format, simple.shape, simple.strides, simple.itemsize, simple.len]).toEqual([null, null, null, 4, 24]);
  });

  it("exports empty and zero-dimensional arrays", () => {
    const empty = MemoryView.from(fromNdarray(ndarray(new Float64Array(4), [2, 0])));
    expect([empty.shape, empty.nbytes, empty.toList()]).toEqual([[2, 0], 0, [[], []]]);
    const scalar = MemoryView.from(fromNdarray(ndarray(new Float64Array([1, 2, 3]), [], [], 2)));
    expect([scalar.ndim, scalar.get()]).toEqual([0, 3]);
  });

  it("refuses arrays with no memory, unknown dtypes and layouts outside their data", () => {
    expect(() => fromNdarray(ndarray([1, 2, 3]))).toThrow(
      named("ValueError", "fromNdarray: the dtype 'array' has no struct format"),
    );
    expect(() => fromNdarray({ data: [1, 2], shape: [2], stride: [1], offset: 0, dtype: "float64" })).toThrow(
      named("TypeError", "fromNdarray: a float64 ndarray over Array has no memory to export (it needs a typed array)"),
    );
    expect(() => fromNdarray(ndarray(new Float64Array(4), [3], [2], 0))).toThrow(
      named("BufferError", "fromNdarray: the array reaches bytes [0, 40) outside its data [0, 32)"),
    );
    const window = new Float64Array(8).subarray(2, 4);
    expect(() => fromNdarray(ndarray(window, [2], [-1], 0))).toThrow(named("BufferError"));
    expect(() => fromNdarray({ data: new Float64Array(2), shape: [2], stride: [1], offset: 0, dtype: "int16" })).toThrow(
      named("TypeError", "fromNdarray: int16 elements are 2 bytes, but data holds 8-byte elements"),
    );
    expect(() => fromNdarray({ data: new Int8Array(2), shape: [2], stride: [1, 1], offset: 0, dtype: "int8" })).toThrow(
      named("TypeError"),
    );
    expect(() => fromNdarray({ data: new Int8Array(2), shape: [2.5], stride: [1], offset: 0, dtype: "int8" })).toThrow(
      named("TypeError"),
    );
    expect(() => fromNdarray(null as never)).toThrow(named("TypeError"));
  });
});

describe("fromNdarray: @stdlib/ndarray", () => {
  it("keeps the read-only flag", () => {
    const x = new StdlibNdarray("float64", Float64Array.from([0, 1, 2, 3, 4, 5]), [2, 3], [-3, -1], 5, "row-major", {
      readonly: true,
    });
    const view = MemoryView.from(fromNdarray(x));
    expect([view.readonly, view.strides, view.toList()]).toEqual([
      true,
      [-24, -8],
      [
        [5, 4, 3],
        [2, 1, 0],
      ],
    ]);
    expect(() => view.set(0, 0, 1)).toThrow(named("TypeError"));
    expect(() => getBuffer(fromNdarray(x), BufferFlags.STRIDED)).toThrow(
      named("BufferError", "buffer source array is read-only"),
    );
  });

  it("shares writable memory both ways", () => {
    const x = stdlibArray(Int32Array.from([1, 2, 3, 4]), { shape: [2, 2] });
    const view = MemoryView.from(fromNdarray(x));
    view.set(1, 0, 30);
    expect(x.get(1, 0)).toBe(30);
    x.set(0, 1, 20);
    expect(view.get(0, 1)).toBe(20);
  });

  it("exports complex, bool and column-major arrays", () => {
    const c = stdlibArray({ dtype: "complex128", shape: [2] });
    c.data.set([1, -2], 1);
    const complex = MemoryView.from(fromNdarray(c));
    // NumPy's format for complex128; its values are whatever core reads "Zd" as.
    const same = MemoryView.from(Float64Array.of(0, 0, 1, -2))
      .cast("B")
      .derive({ format: "Zd", shape: [2] });
    expect([complex.format, complex.toList()]).toEqual(["Zd", same.toList()]);
    expect(same.toList()).toEqual([
      { real: 0, imag: 0 },
      { real: 1, imag: -2 },
    ]);
    expect(complex.buffer).toBe(c.data.buffer);
    const b = stdlibArray({ dtype: "bool", shape: [3] });
    b.set(1, true);
    const bools = MemoryView.from(fromNdarray(b));
    expect([bools.format, bools.toList()]).toEqual(["?", [false, true, false]]);
    const f = stdlibArray(Float32Array.from([1, 2, 3, 4, 5, 6]), { shape: [2, 3], order: "column-major" });
    const fv = MemoryView.from(fromNdarray(f));
    expect([fv.strides, fv.fContiguous, fv.toList()]).toEqual([
      [4, 8],
      true,
      [
        [1, 3, 5],
        [2, 4, 6],
      ],
    ]);
    expect(() => fromNdarray(stdlibArray([1, 2], { dtype: "generic" }))).toThrow(
      named("ValueError", "fromNdarray: the dtype 'generic' has no struct format"),
    );
  });
});

describe("toNdarray (scijs)", () => {
  const grid = () => MemoryView.from(Float64Array.from({ length: 12 }, (_, i) => i)).reshape([3, 4]);

  it("views a transposed, reversed MemoryView with element strides, sharing memory", () => {
    const source = grid();
    const a = toNdarray(source.transpose().slice([null, null, -1]), ndarray);
    expect([a.shape, a.stride, a.offset, a.dtype]).toEqual([[4, 3], [-1, 4], 3, "float64"]);
    expect([a.get(0, 0), a.get(3, 2)]).toEqual([3, 8]);
    a.set(1, 1, -1);
    expect(source.get(1, 2)).toBe(-1);
    source.set(0, 0, 99);
    expect(a.get(3, 0)).toBe(99);
  });

  it("takes any exporter: a TypedArray, a 0-d view, 8-byte integers, little-endian formats", () => {
    expect(toNdarray(Int16Array.of(4, 5), ndarray).get(1)).toBe(5);
    const scalar = toNdarray(MemoryView.from(Float64Array.of(1, 2)).slice([1]).reshape([]), ndarray);
    expect([scalar.shape, scalar.offset, scalar.get()]).toEqual([[], 1, 2]);
    expect(toNdarray(BigUint64Array.of(3n), ndarray).get(0)).toBe(3n);
    const le = toNdarray(MemoryView.from(new Uint8Array(8)).cast("<i"), ndarray);
    expect(le.dtype).toBe("int32");
  });

  it("refuses partial-element strides and offsets, other byte orders and formats with no dtype", () => {
    const odd = MemoryView.from(new Int16Array(8)).derive({ format: "h", shape: [5], byteStrides: [3] });
    expect(() => toNdarray(odd, ndarray)).toThrow(
      named("ValueError", "dimension 0: a byte stride of 3 is not a whole number of 2-byte elements"),
    );
    const misaligned = MemoryView.from(new Uint8Array(9)).slice([1]).cast("h");
    expect(() => toNdarray(misaligned, ndarray)).toThrow(
      named("ValueError", "byte offset 1 is not a whole number of 2-byte elements"),
    );
    expect(() => toNdarray(MemoryView.from(new Uint8Array(8)).cast(">h"), ndarray)).toThrow(
      named("ValueError", "no TypedArray holds items of format '>h' (not the host's byte order)"),
    );
    for (const format of ["?", "T{i:x:i:y:}", "2i", "Zd", "c", "4s"]) {
      const view = MemoryView.from(new Uint8Array(16))
        .cast("B", [1, 16])
        .cast("B")
        .derive({ format, shape: [1] });
      expect(() => toNdarray(view, ndarray), format).toThrow(named("ValueError"));
    }
    expect(() => toNdarray(new Uint8Array(2), undefined as never)).toThrow(named("TypeError"));
  });

  it("gives the export back when it refuses, so a resizable exporter is not pinned", () => {
    const rab = new (ArrayBuffer as new (length: number, options: { maxByteLength: number }) => ArrayBuffer)(8, {
      maxByteLength: 16,
    });
    const view = MemoryView.from(rab).cast(">h");
    expect(() => toNdarray(view, ndarray)).toThrow(named("ValueError"));
    expect(view.exports).toBe(0);
    view.release();
  });
});

describe("toStdlibNdarray", () => {
  it("views every other int16, sharing memory", () => {
    const samples = Int16Array.from({ length: 8 }, (_, i) => i * 10);
    const x = toStdlibNdarray(MemoryView.from(samples).slice([null, null, 2]), StdlibNdarray);
    expect([String(x.dtype), x.shape, x.strides, x.offset]).toEqual(["int16", [4], [2], 0]);
    expect(x.get(3)).toBe(60);
    x.set(0, -1);
    expect(samples[0]).toBe(-1);
  });

  it("keeps a read-only export read-only, and a Fortran layout column-major", () => {
    const x = toStdlibNdarray(MemoryView.from(new Float64Array(4)).toReadonly(), StdlibNdarray);
    expect(x.flags.READONLY).toBe(true);
    expect(() => x.set(0, 1)).toThrow();
    const f = toStdlibNdarray(
      MemoryView.from(Float32Array.from([1, 2, 3, 4, 5, 6]))
        .reshape([3, 2])
        .transpose(),
      StdlibNdarray,
    );
    expect([f.order, f.strides, f.get(1, 2)]).toEqual(["column-major", [1, 2], 6]);
  });

  it("round-trips through fromNdarray with negative strides and an offset", () => {
    const data = Float64Array.from({ length: 6 }, (_, i) => i);
    const x = new StdlibNdarray("float64", data, [2, 3], [-3, -1], 5, "row-major");
    const back = toStdlibNdarray(fromNdarray(x), StdlibNdarray);
    expect([back.strides, back.offset, back.get(0, 0), back.get(1, 2)]).toEqual([[-3, -1], 5, 5, 0]);
  });

  it("refuses what stdlib has no dtype for, and odd strides", () => {
    expect(() => toStdlibNdarray(new BigInt64Array(2), StdlibNdarray)).toThrow(
      named("ValueError", "@stdlib/ndarray has no dtype for format 'q'"),
    );
    const odd = MemoryView.from(new Int16Array(8)).derive({ format: "h", shape: [5], byteStrides: [3] });
    expect(() => toStdlibNdarray(odd, StdlibNdarray)).toThrow(named("ValueError"));
  });
});
