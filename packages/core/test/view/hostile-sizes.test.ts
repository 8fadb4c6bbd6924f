/**
 * Sizes the engine cannot allocate, and work not backed by bytes: each is
 * refused with Python's error (MemoryError, ValueError) at once, never the
 * engine's RangeError and never a hang. No timing: a hang would time the
 * test out.
 */
import { mbufOf } from "../../src/view/state/access.js";
import { describe, expect, test } from "vitest";
import { BufferError, MemoryError, ValueError } from "../../src/errors.js";
import { allocateBytes, asMemoryError } from "../../src/allocate.js";
import { pack } from "../../src/struct/index.js";
import { getBuffer, toContiguous } from "../../src/protocol/index.js";
import { MemoryView } from "../../src/view/index.js";

/** A view of `n` items over one byte: every item is the same byte. */
const zeroStride = (n: number): MemoryView =>
  MemoryView.from(new Uint8Array(8)).derive({ byteOffset: 0, shape: [n], byteStrides: [0] });

describe("MemoryError", () => {
  test("pack of a struct larger than an ArrayBuffer can be", () => {
    expect(() => pack("1000000000000x")).toThrow(MemoryError);
  });
  test("toBytes of a 2**33-item view", () => {
    expect(() => zeroStride(2 ** 33).toBytes()).toThrow(MemoryError);
    expect(() => zeroStride(2 ** 33).toBytes("F")).toThrow(MemoryError);
  });
  test("toContiguous of a caller's info too large to copy", () => {
    const info = { ...getBuffer(new Uint8Array(8)), len: 2 ** 33, shape: [2 ** 33], strides: [0], ndim: 1 };
    expect(() => toContiguous(info)).toThrow(MemoryError);
  });
  test("toList of a view whose list cannot exist (2**52 items from 8 bytes)", () => {
    expect(() => zeroStride(2 ** 52).toList()).toThrow(MemoryError);
    expect(() =>
      MemoryView.from(new Uint8Array(8))
        .derive({ byteOffset: 0, shape: [2 ** 17, 2 ** 17], byteStrides: [0, 0] })
        .toList(),
    ).toThrow(MemoryError);
  });
  test("allocateBytes and asMemoryError", () => {
    expect(allocateBytes(2)).toEqual(new Uint8Array(2));
    expect(() => allocateBytes(2 ** 53)).toThrow(MemoryError);
    expect(() => allocateBytes(Infinity)).toThrow(MemoryError);
    expect(() => allocateBytes(NaN)).toThrow(MemoryError);
    const other = new RangeError("Offset is outside the bounds of the DataView");
    expect(asMemoryError(other)).toBe(other);
    expect((asMemoryError(new RangeError("Array buffer allocation failed")) as Error).name).toBe("MemoryError");
  });
});

describe("zero-size sub-arrays build no values that hold no bytes", () => {
  test("T{(100000000)0s:a: B:b:} over one byte", () => {
    const view = MemoryView.from(new Uint8Array([7])).cast("T{(100000000)0s:a: B:b:}");
    expect(view.length).toBe(1);
    expect(() => view.get(0)).toThrow(ValueError);
    expect(() => view.toList()).toThrow(ValueError);
    expect(() => view.set(0, [[], 1])).toThrow(ValueError);
  });
  test("nested zero-size structs count every value", () => {
    const view = MemoryView.from(new Uint8Array([7])).cast("T{(60000)T{(60000)0s:x:}:a: B:b:}");
    expect(() => view.get(0)).toThrow(
      new ValueError("sub-array of 3600000000 zero-size elements: more than 65536 values that hold no bytes"),
    );
  });
  test("a small one still reads", () => {
    const view = MemoryView.from(new Uint8Array([7])).cast("T{(3)0s:a: B:b:}");
    expect(view.get(0)).toEqual([[new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)], 7]);
  });
});

describe("derive refuses a size past 2**53 - 1 bytes", () => {
  const base = MemoryView.from(new Uint8Array(8));
  test.each([[[2 ** 30, 2 ** 30]], [[2 ** 52, 2]], [[3 ** 20, 3 ** 20]]])("shape %j with zero strides", (shape) => {
    expect(() => base.derive({ byteOffset: 0, shape, byteStrides: shape.map(() => 0) })).toThrow(
      new BufferError("memoryview: the view's size in bytes passes 2**53 - 1"),
    );
  });
  test("an itemsize that takes it past", () => {
    expect(() => base.derive({ byteOffset: 0, shape: [2 ** 51], byteStrides: [0], format: "d" })).toThrow(BufferError);
    expect(base.derive({ byteOffset: 0, shape: [2 ** 52], byteStrides: [0] }).nbytes).toBe(2 ** 52);
  });
});

describe("reshape terminates on every input", () => {
  const base = MemoryView.from(new Uint8Array(8));
  const zero = (shape: number[]): MemoryView => base.derive({ byteOffset: 0, shape, byteStrides: shape.map(() => 0) });
  test("zero-stride views of up to 2**52 items, reshaped to shapes that do and do not fit", () => {
    const views = [zero([2 ** 26, 2 ** 26]), zero([3 ** 16, 3 ** 16]), zero([7, 2 ** 49]), zero([2 ** 52]), zero([5, 1, 3])];
    const shapes = [
      [-1],
      [2 ** 52],
      [2 ** 26, 2 ** 26],
      [2 ** 27, 2 ** 25],
      [3 ** 32],
      [3 ** 31, 3],
      [-1, 3],
      [2 ** 49, 7],
      [15],
      [3, 5],
      [1, 15, 1],
      [2 ** 53],
      [4, -1],
      [0, -1],
    ];
    for (const view of views) {
      for (const shape of shapes) {
        let outcome: string;
        try {
          const r = view.reshape(shape);
          let items = 1;
          for (const n of r.shape) items *= n;
          expect(items).toBe(view.shape.reduce((a, b) => a * b, 1));
          outcome = "ok";
        } catch (error) {
          outcome = (error as Error).name;
        }
        expect(["ok", "ValueError"]).toContain(outcome);
      }
    }
  });
  test("an exact reshape of 3**32 items", () => {
    expect(zero([3 ** 16, 3 ** 16]).reshape([3 ** 15, 3, 3 ** 16]).shape).toEqual([3 ** 15, 3, 3 ** 16]);
    expect(() => zero([3 ** 16, 3 ** 16]).reshape([3 ** 17, 3 ** 15 + 1])).toThrow(ValueError);
  });
});

describe("no unchecked entry points", () => {
  test("the MemoryView constructor refuses a caller's managed buffer and layout", () => {
    const small = MemoryView.from(new Uint8Array(4));
    const big = MemoryView.from(new Uint8Array(4096));
    const Ctor = MemoryView as unknown as new (mbuf: unknown, layout: unknown) => MemoryView;
    expect(() => new Ctor(mbufOf(small), big.layout)).toThrow(
      new TypeError("MemoryView cannot be constructed directly: use MemoryView.from(obj)"),
    );
    expect(() => new Ctor(mbufOf(small), small.layout)).toThrow(TypeError);
    // the views are untouched and still work
    expect(small.toBytes()).toEqual(new Uint8Array(4));
    big.release();
    small.release();
  });
});
