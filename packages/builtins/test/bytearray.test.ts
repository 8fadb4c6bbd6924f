/**
 * `bytearray` beyond the recorded fixture: CPython 3.13/3.14 changes,
 * growth, the export, and bad input.
 */
import { describe, expect, it } from "vitest";
import { BufferFlags, bytearray, bytes, getBuffer, releaseBuffer, resolveBuffer } from "./support/api.js";
import { expectThrows } from "./support/errors.js";
import { loadFixture } from "./support/fixture-values.js";
import { stridedExporter } from "./support/strided-exporter.js";
import { ResizableBytes } from "../src/storage/resizable-bytes.js";
import { bytearrayGrowth } from "../src/bytearray/growth.js";

const RESIZE = "Existing exports of data: object cannot be re-sized";

describe("bytearray: CPython 3.13/3.14 behaviour (not in the 3.11 fixture)", () => {
  it("resize() (3.14) zero-fills, shrinks, and refuses negative sizes", () => {
    const b = bytearray([1, 2]);
    b.resize(4);
    expect([...b]).toEqual([1, 2, 0, 0]);
    b.resize(1);
    expect([...b]).toEqual([1]);
    b.resize(3);
    expect([...b]).toEqual([1, 0, 0]);
    expectThrows(() => b.resize(-1), "ValueError", "Can only resize to positive sizes, got -1");
    expectThrows(() => b.resize(1.5), "TypeError", "'float' object cannot be interpreted as an integer");
    expectThrows(() => b.resize(2n ** 63n), "OverflowError", "Python int too large to convert to C ssize_t");
  });

  it("resize() to the current size is allowed under an export; any other size is not", () => {
    const b = bytearray(3);
    const info = getBuffer(b);
    b.resize(3);
    expectThrows(() => b.resize(4), "BufferError", RESIZE);
    releaseBuffer(info);
    b.resize(4);
    expect(b.length).toBe(4);
  });

  it("extend() with a str names the problem (gh-115323, 3.13)", () => {
    expectThrows(() => bytearray().extend("ab"), "TypeError", "expected iterable of integers; got: 'str'");
    expectThrows(() => bytearray().extend([1, "a"]), "TypeError", "'str' object cannot be interpreted as an integer");
  });
});

describe("bytearray: growth", () => {
  const { cases } = loadFixture<{ cases: { alloc: [number, number][] } }>("bytearray");

  it("over-allocates as CPython does (bytearray.__alloc__)", () => {
    const store = new ResizableBytes(0, bytearrayGrowth, 0);
    for (const [size, alloc] of cases.alloc) {
      store.resize(size);
      expect(store.capacity, `size ${size}`).toBe(alloc);
    }
  });

  it("keeps its content across many appends and deletions", () => {
    const b = bytearray();
    const model: number[] = [];
    for (let i = 0; i < 1000; i++) {
      b.append(i & 255);
      model.push(i & 255);
      if (i % 7 === 0) {
        b.delete(0);
        model.shift();
      }
    }
    expect([...b]).toEqual(model);
  });
});

describe("bytearray: the export", () => {
  it("is writable, over the live memory, and counted", () => {
    const b = bytearray([1, 2, 3]);
    const info = getBuffer(b, BufferFlags.FULL);
    expect([info.readonly, info.format, info.shape, info.strides]).toEqual([false, "B", [3], [1]]);
    new Uint8Array(resolveBuffer(info), info.offset, info.len)[1] = 9;
    expect(b.get(1)).toBe(9);
    b.set(0, 7);
    expect(new Uint8Array(resolveBuffer(info), info.offset, info.len)[0]).toBe(7);
    expectThrows(() => b.append(1), "BufferError", RESIZE);
    releaseBuffer(info);
    b.append(1);
    expect([...b]).toEqual([7, 9, 3, 1]);
  });

  it("counts several exports, and a second release of one changes nothing", () => {
    const b = bytearray([1]);
    const first = getBuffer(b);
    const second = getBuffer(b);
    releaseBuffer(first);
    releaseBuffer(first);
    expectThrows(() => b.clear(), "BufferError", RESIZE);
    releaseBuffer(second);
    b.clear();
    expect(b.length).toBe(0);
  });

  it("ignores a release of an export it never made", () => {
    const b = bytearray([1]);
    const info = getBuffer(b);
    const release = (b as unknown as Record<symbol, (i: object) => void>)[Symbol.for("mv.releasebuffer")]!;
    release.call(b, { ...info });
    expectThrows(() => b.append(1), "BufferError", RESIZE);
    releaseBuffer(info);
    b.append(1);
  });

  it("copies the bytes of itself before extending (b.extend(b), b[0:0] = b)", () => {
    const b = bytearray([1, 2]);
    b.extend(b);
    expect([...b]).toEqual([1, 2, 1, 2]);
    b.set({ start: 0, stop: 0 }, b);
    expect([...b]).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
  });
});

describe("bytearray: equality and consumers", () => {
  it("equals any contiguous exporter by bytes, and not strided ones", () => {
    expect(bytearray([1, 0]).equals(new Uint16Array([1]))).toBe(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1);
    expect(bytearray([1, 2]).equals(bytes([1, 2]))).toBe(true);
    expect(bytearray([1, 2]).equals(stridedExporter([1, 2], [2], [1]))).toBe(false);
    expect(bytearray([]).equals([])).toBe(false);
  });

  it("extend() takes any exporter's bytes, and refuses strided ones with CPython's TypeError", () => {
    const b = bytearray();
    b.extend(new Uint8Array([5, 6]));
    expect([...b]).toEqual([5, 6]);
    // bytearray_setslice turns any refused PyBUF_SIMPLE request into this TypeError.
    expect(() => b.extend(stridedExporter([1, 2], [2], [-1], 1))).toThrow(
      expect.objectContaining({ name: "TypeError", message: "can't set bytearray slice from object" }),
    );
    expect([...b]).toEqual([5, 6]);
  });

  it("toString is the repr", () => {
    expect(String(bytearray([0x27]))).toBe('bytearray(b"\\\'")');
    expect(`${bytearray()}`).toBe("bytearray(b'')");
  });
});

describe("bytearray: bad input", () => {
  it.each([
    [() => bytearray([1]).set(0, 2n ** 64n), "ValueError", "byte must be in range(0, 256)"],
    [() => bytearray([1]).set(0, true), null, null],
    [() => bytearray([1]).set({ start: 0 }, new Uint8Array([1, 2])), null, null],
    [() => bytearray([1]).set({ start: 0 }, Symbol("x")), "TypeError", "cannot convert 'symbol' object to bytearray"],
    [() => bytearray([1]).insert(0, -1), "ValueError", "byte must be in range(0, 256)"],
    [() => bytearray([1]).pop(2n ** 63n), "OverflowError", "Python int too large to convert to C ssize_t"],
    [() => bytearray([1]).get(1.5 as never), "TypeError", "bytearray indices must be integers or slices, not float"],
    [() => bytearray([1]).delete(2), "IndexError", "bytearray index out of range"],
    [() => bytearray([1]).extend(Symbol("x")), "TypeError", "can't extend bytearray with symbol"],
  ] as const)("%#", (fn, name, message) => {
    if (name === null) expect(fn).not.toThrow();
    else expectThrows(fn, name, message!);
  });
});
