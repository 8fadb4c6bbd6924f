/**
 * Allocations the engine refuses are Python's MemoryError, and work that is
 * not backed by data is not done (Python 2's buffer repeat of nothing).
 */
import { describe, expect, test } from "vitest";
import { MemoryView } from "@mv/core";
import { MemoryError, buffer, bytearray, bytes, memoryview } from "../src/index.js";

const zeroStride = (n: number): MemoryView =>
  MemoryView.from(new Uint8Array(8)).derive({ byteOffset: 0, shape: [n], byteStrides: [0] });

describe("MemoryError", () => {
  test("bytes(2**40) and bytearray(2**40)", () => {
    expect(() => bytes(2 ** 40)).toThrow(MemoryError);
    expect(() => bytearray(2 ** 40)).toThrow(MemoryError);
  });
  test("tobytes and tolist of a 2**33-item view", () => {
    const m = memoryview(zeroStride(2 ** 33));
    expect(m.length).toBe(2 ** 33);
    expect(() => m.tobytes()).toThrow(MemoryError);
    expect(() => m.tolist()).toThrow(MemoryError);
    expect(() => memoryview(zeroStride(2 ** 52)).tolist()).toThrow(MemoryError);
  });
  test("buffer.repeat past what can be counted is 2.7's 'result too large'", () => {
    expect(() => buffer(bytes([1])).repeat(2 ** 53)).toThrow(new MemoryError("result too large"));
    expect(() => buffer(bytes([1, 2])).repeat(2 ** 40)).toThrow(MemoryError);
    expect(() => buffer.new(2 ** 40)).toThrow(MemoryError);
  });
});

describe("buffer.repeat", () => {
  test("of nothing is nothing, at once, whatever the count", () => {
    expect(buffer(bytes(0)).repeat(10 ** 15)).toEqual(new Uint8Array(0));
    expect(buffer(bytes([1, 2]), 2).repeat(2 ** 53)).toEqual(new Uint8Array(0));
  });
  test("copies by doubling and gives the same bytes", () => {
    for (const n of [0, 1, 2, 3, 5, 8, 13]) {
      const expected = Array.from({ length: 3 * n }, (_, i) => [4, 5, 6][i % 3]);
      expect(Array.from(buffer(bytes([4, 5, 6])).repeat(n))).toEqual(expected);
    }
  });
});
