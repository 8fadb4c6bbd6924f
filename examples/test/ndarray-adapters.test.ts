import { createRequire } from "node:module";
import ndarray from "ndarray";
import { MemoryView } from "@mv/core";
import { memoryview, slice } from "@mv/builtins";
import { describe, expect, it } from "vitest";
import { ndarrayExporter, toNdarray } from "../src/scijs-ndarray.mjs";
import { stdlibNdarrayExporter, toStdlibNdarray } from "../src/stdlib-ndarray.mjs";

const stdlibNdarray = createRequire(import.meta.url)("@stdlib/ndarray/ctor");
const grid = () => MemoryView.from(Float64Array.from({ length: 12 }, (_, i) => i)).reshape([3, 4]);

describe("scijs ndarray", () => {
  it("views a transposed, reversed MemoryView with element strides, sharing memory", () => {
    const source = grid();
    const array = toNdarray(source.transpose().slice([null, null, -1]));
    expect([array.shape, array.stride, array.offset]).toEqual([[4, 3], [-1, 4], 3]);
    expect(array.get(0, 0)).toBe(3);
    expect(array.get(3, 2)).toBe(8);
    array.set(1, 1, -1);
    expect(source.get(1, 2)).toBe(-1);
  });

  it("views a memoryview slice of a typed array", () => {
    const data = Int16Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const array = toNdarray(memoryview(data).get(slice(6, 0, -2)));
    expect([array.shape, array.stride, array.offset, array.data.buffer === data.buffer]).toEqual([[3], [-2], 6, true]);
    expect([array.get(0), array.get(1), array.get(2)]).toEqual([6, 4, 2]);
  });

  it("exports an ndarray to MemoryView and memoryview with byte strides, no copy", () => {
    const data = new Float32Array(12);
    const array = ndarray(data, [3, 4]).transpose(1, 0).step(-1, 2);
    const view = MemoryView.from(ndarrayExporter(array));
    expect([view.shape, view.strides, view.format]).toEqual([[4, 2], [-4, 32], "f"]);
    view.set(0, 1, 2.5);
    expect(array.get(0, 1)).toBe(2.5);
    expect(memoryview(ndarrayExporter(array)).tolist()).toEqual(view.toList());
  });

  it("refuses byte strides that are not whole elements, and formats with no TypedArray", () => {
    const odd = MemoryView.from(new Int16Array(8)).derive({ format: "h", shape: [5], byteStrides: [3] });
    expect(() => toNdarray(odd)).toThrow(expect.objectContaining({
      name: "ValueError",
      message: "dimension 0: a byte stride of 3 is not a whole number of 2-byte elements",
    }));
    const misaligned = MemoryView.from(new Uint8Array(9)).slice([1]).cast("h");
    expect(() => toNdarray(misaligned)).toThrow(expect.objectContaining({
      name: "ValueError",
      message: "byte offset 1 is not a whole number of 2-byte elements",
    }));
    expect(() => toNdarray(MemoryView.from(new Uint8Array(8)).cast(">h"))).toThrow(
      expect.objectContaining({ name: "ValueError", message: "no TypedArray holds items of format '>h'" }),
    );
  });

  it("answers contiguity requests as NumPy does", async () => {
    const { BufferFlags, getBuffer } = await import("@mv/core");
    const exporter = ndarrayExporter(ndarray(new Int32Array(6), [2, 3]).transpose(1, 0));
    expect(getBuffer(exporter, BufferFlags.F_CONTIGUOUS).shape).toEqual([3, 2]);
    expect(() => getBuffer(exporter, BufferFlags.C_CONTIGUOUS)).toThrow(
      expect.objectContaining({ name: "BufferError", message: "ndarray is not C-contiguous" }),
    );
  });
});

describe("@stdlib/ndarray", () => {
  it("views every other int16 of a memoryview", () => {
    const samples = Int16Array.from({ length: 8 }, (_, i) => i * 10);
    const x = toStdlibNdarray(memoryview(samples).get(slice(null, null, 2)));
    expect([x.dtype, x.shape, x.strides, x.offset]).toEqual(["int16", [4], [2], 0]);
    expect(x.get(3)).toBe(60);
    x.set(0, -1);
    expect(samples[0]).toBe(-1);
  });

  it("keeps a read-only export read-only", () => {
    const x = toStdlibNdarray(MemoryView.from(new Float64Array(4)).toReadonly());
    expect(x.flags.READONLY).toBe(true);
    expect(() => x.set(0, 1)).toThrow();
  });

  it("exports a stdlib ndarray with negative strides and an offset", () => {
    const data = Float64Array.from({ length: 6 }, (_, i) => i);
    const x = new stdlibNdarray("float64", data, [2, 3], [-3, -1], 5, "row-major");
    const view = MemoryView.from(stdlibNdarrayExporter(x));
    expect([view.strides, view.toList()]).toEqual([[-24, -8], [[5, 4, 3], [2, 1, 0]]]);
  });

  it("refuses what stdlib has no dtype for, and odd strides", () => {
    expect(() => toStdlibNdarray(new BigInt64Array(2))).toThrow(
      expect.objectContaining({ name: "ValueError", message: "@stdlib/ndarray has no dtype for BigInt64Array" }),
    );
    const odd = MemoryView.from(new Int16Array(8)).derive({ format: "h", shape: [5], byteStrides: [3] });
    expect(() => toStdlibNdarray(odd)).toThrow(expect.objectContaining({ name: "ValueError" }));
  });
});
