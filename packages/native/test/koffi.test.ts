// Real FFI: libc's memset, memcpy and qsort, called through koffi on the
// memory of contiguous and strided views by address. Each change must show
// through the view.
import { MemoryView } from "@mv/core";
import { expect, it } from "vitest";
import { addressOf, elementAddress, extentOf, fromAddress } from "../src/index.js";
import { memcpy, memset, qsortInt32 } from "./support/libc.js";
import { describeNative } from "./support/native-suite.js";
import { stridedExporter } from "./support/strided-exporter.js";

/** The int32 items of a 1-D strided layout, read through the typed array. */
function readInt32(data: Int32Array, offsetItems: number, count: number, strideItems: number): number[] {
  return Array.from({ length: count }, (_, i) => data[offsetItems + i * strideItems]!);
}

describeNative("libc through koffi, on contiguous views", () => {
  it("memset fills a whole array and only the subarray it is given", () => {
    const bytes = new Uint8Array(1000);
    memset(addressOf(bytes), 0x11, bytes.byteLength);
    expect(bytes.every((b) => b === 0x11)).toBe(true);
    const middle = bytes.subarray(100, 200);
    memset(addressOf(middle), 0xee, middle.byteLength);
    expect([bytes[99], bytes[100], bytes[199], bytes[200]]).toEqual([0x11, 0xee, 0xee, 0x11]);
  });

  it("memcpy copies between two arrays", () => {
    const source = Float64Array.from({ length: 16 }, (_, i) => i * 1.5);
    const target = new Float64Array(16);
    memcpy(addressOf(target.subarray(4)), addressOf(source), 8 * 8);
    expect([...target.subarray(0, 13)]).toEqual([0, 0, 0, 0, 0, 1.5, 3, 4.5, 6, 7.5, 9, 10.5, 0]);
  });

  it("qsort sorts an Int32Array in place", () => {
    const numbers = Int32Array.from([42, -7, 13, 0, 99, -100, 5, 5, 21]);
    qsortInt32(addressOf(numbers), numbers.length, 4);
    expect([...numbers]).toEqual([-100, -7, 0, 5, 5, 13, 21, 42, 99]);
  });

  it("memset on memory made with fromAddress shows in the original", () => {
    const original = new Uint16Array(8);
    const alias = fromAddress(addressOf(original), original.byteLength);
    memset(addressOf(alias), 0xff, 4);
    expect([...original.subarray(0, 3)]).toEqual([0xffff, 0xffff, 0]);
  });
});

describeNative("libc through koffi, on strided views", () => {
  it("memset on each element of a stride-3 view touches only those", () => {
    const data = new Int32Array(12);
    const everyThird = stridedExporter({ buf: data.buffer, offset: 4, itemsize: 4, format: "i", shape: [4], strides: [12] });
    for (let i = 0; i < 4; i++) memset(elementAddress(everyThird, [i]), 0x01, 4);
    expect(readInt32(data, 1, 4, 3)).toEqual(new Array(4).fill(0x01010101));
    expect(data.filter((value) => value === 0).length).toBe(8);
  });

  it("memcpy element by element between a strided and a reversed view", () => {
    const source = Int32Array.from({ length: 10 }, (_, i) => 100 + i);
    const target = new Int32Array(5);
    const evens = stridedExporter({ buf: source.buffer, offset: 0, itemsize: 4, format: "i", shape: [5], strides: [8] });
    const reversed = stridedExporter({ buf: target.buffer, offset: 16, itemsize: 4, format: "i", shape: [5], strides: [-4] });
    for (let i = 0; i < 5; i++) memcpy(elementAddress(reversed, [i]), elementAddress(evens, [i]), 4);
    // Item i of the reversed view holds item i of the evens: 100, 102, ...
    expect(readInt32(target, 4, 5, -1)).toEqual([100, 102, 104, 106, 108]);
    expect([...target]).toEqual([108, 106, 104, 102, 100]);
  });

  it("qsort over a stride-2 view: records of stride bytes, keyed by the view's items", () => {
    // Pairs (key, payload): the view is the keys. qsort from the view's
    // lowest address with a record size equal to the stride sorts the keys
    // and carries each payload along.
    const pairs = Int32Array.from([30, 3, 10, 1, 40, 4, 20, 2]);
    const keys = stridedExporter({ buf: pairs.buffer, offset: 0, itemsize: 4, format: "i", shape: [4], strides: [8] });
    const { start } = extentOf(keys);
    qsortInt32(start, 4, 8);
    expect(readInt32(pairs, 0, 4, 2)).toEqual([10, 20, 30, 40]);
    expect(readInt32(pairs, 1, 4, 2)).toEqual([1, 2, 3, 4]);
  });

  it("qsort from the lowest address of a negative-stride view: the view reads descending", () => {
    const data = Int32Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    const reversed = stridedExporter({ buf: data.buffer, offset: 28, itemsize: 4, format: "i", shape: [8], strides: [-4] });
    const extent = extentOf(reversed);
    expect(extent.start).toBe(addressOf(data));
    expect(addressOf(reversed)).toBe(extent.end - 4n);
    qsortInt32(extent.start, 8, 4);
    expect(readInt32(data, 7, 8, -1)).toEqual([9, 6, 5, 4, 3, 2, 1, 1]);
  });

  it("qsort each row of a 2-D view through elementAddress(view, [row, 0])", () => {
    // A 3×4 block inside a 3×6 matrix (row stride 24 bytes): rows are
    // contiguous, the block as a whole is not.
    const matrix = Int32Array.from([9, 8, 7, 6, -1, -1, 5, 3, 4, 2, -1, -1, 0, 1, 3, 2, -1, -1]);
    const block = stridedExporter({ buf: matrix.buffer, offset: 0, itemsize: 4, format: "i", shape: [3, 4], strides: [24, 4] });
    for (let row = 0; row < 3; row++) qsortInt32(elementAddress(block, [row, 0]), 4, 4);
    expect([...matrix]).toEqual([6, 7, 8, 9, -1, -1, 2, 3, 4, 5, -1, -1, 0, 1, 2, 3, -1, -1]);
    expect(extentOf(block).byteLength).toBe(2 * 24 + 16);
  });
});

describeNative("libc through koffi, on MemoryView views", () => {
  it("memset on every element of a stepped slice shows through the view", () => {
    const view = MemoryView.from(new Uint8Array(10)).slice([1, null, 3]); // items 1, 4, 7
    for (let i = 0; i < view.length; i++) memset(elementAddress(view, [i]), 0x7f, 1);
    expect(view.toList()).toEqual([0x7f, 0x7f, 0x7f]);
    expect([...(view.obj as Uint8Array)]).toEqual([0, 0x7f, 0, 0, 0x7f, 0, 0, 0x7f, 0, 0]);
  });

  it("memcpy a row into a column of a 2-D view", () => {
    const matrix = MemoryView.from(new Int32Array(16)).reshape([4, 4]);
    const source = MemoryView.from(Int32Array.of(1, 2, 3, 4));
    const column = matrix.sliceDim(1, 2, 3).index(1, 0); // column 2, as a 1-D view with stride 16
    for (let i = 0; i < 4; i++) memcpy(elementAddress(column, [i]), elementAddress(source, [i]), 4);
    expect(column.toList()).toEqual([1, 2, 3, 4]);
    expect(matrix.toList()).toEqual([
      [0, 0, 1, 0],
      [0, 0, 2, 0],
      [0, 0, 3, 0],
      [0, 0, 4, 0],
    ]);
  });

  it("qsort under a reversed view: the view reads descending", () => {
    const view = MemoryView.from(Int32Array.of(5, 3, 8, 1, 9, 2)).slice([null, null, -1]);
    const { start, byteLength } = extentOf(view);
    qsortInt32(start, byteLength / 4, 4);
    expect(view.toList()).toEqual([9, 8, 5, 3, 2, 1]);
  });
});
