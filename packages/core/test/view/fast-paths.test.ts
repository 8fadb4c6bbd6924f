/**
 * The fast paths of light views (iteration without a generator, equality
 * through TypedArrays, lazily made arrays over the memory, views made before
 * their fast path is taken) give what the general paths give, at their
 * edges: negative strides, unaligned offsets, other byte orders, NaN, empty
 * views, released and detached memory. Each fast answer is checked against
 * the item-by-item one (`toList`, the struct codec) or against CPython's.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryView } from "../../src/index.js";
import { resizableBuffer } from "../protocol/support/resizable.js";

function thrown(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    return [(error as Error).name, (error as Error).message];
  }
  throw new Error("expected an error");
}

const RELEASED: [string, string] = ["ValueError", "operation forbidden on released memoryview object"];

describe("iteration", () => {
  it("gives the items of 1-D views, forwards and backwards, with their values", () => {
    const v = MemoryView.from(Float64Array.of(1.5, NaN, -0, 4));
    expect([...v]).toEqual([1.5, NaN, -0, 4]);
    expect([...v.slice([null, null, -1])]).toEqual([4, -0, NaN, 1.5]);
    expect([...MemoryView.from(BigInt64Array.of(-1n, 2n))]).toEqual([-1n, 2n]);
    expect([...MemoryView.from(Uint8Array.of(0, 2)).cast("?")]).toEqual([false, true]);
    expect([...MemoryView.from(Uint8Array.of(1, 0, 0, 2)).cast(">h")]).toEqual([256, 2]);
    expect([...MemoryView.from(new Uint8Array(9)).slice([1]).cast("B").cast("<d")]).toEqual([0]);
  });

  it("gives sub-views of N-D views and nothing for empty ones", () => {
    const m = MemoryView.from(Uint8Array.of(0, 1, 2, 3, 4, 5)).reshape([3, 2]);
    expect([...m].map((row) => (row as MemoryView).toList())).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect([...MemoryView.from(new Float64Array(4)).slice([2, 2])]).toEqual([]);
  });

  it("checks the view at the first next(), as a generator does, and closes after an error", () => {
    const zeroD = MemoryView.from(new Uint8Array(1)).cast("B", []);
    const it0 = zeroD[Symbol.iterator]();
    expect(thrown(() => it0.next())).toEqual(["TypeError", "invalid indexing of 0-dim memory"]);
    expect(it0.next()).toEqual({ value: undefined, done: true });

    const v = MemoryView.from(Uint8Array.of(1, 2, 3));
    const early = v[Symbol.iterator]();
    const copy = MemoryView.from(v);
    copy.release();
    expect(thrown(() => copy[Symbol.iterator]().next())).toEqual(RELEASED);
    expect(early.next()).toEqual({ value: 1, done: false });
    v.release();
    expect(thrown(() => early.next())).toEqual(RELEASED);
    expect(early.next()).toEqual({ value: undefined, done: true });
  });

  it("throws on detached memory mid-way, and return() closes it", () => {
    const ab = new ArrayBuffer(16);
    const v = MemoryView.from(new Float64Array(ab));
    const it1 = v[Symbol.iterator]();
    expect(it1.next().done).toBe(false);
    structuredClone(ab, { transfer: [ab] });
    expect(thrown(() => it1.next())[0]).toBe("ValueError");

    const it2 = MemoryView.from(Uint8Array.of(5, 6))[Symbol.iterator]();
    expect(it2.return!(7)).toEqual({ value: 7, done: true });
    expect(it2.next()).toEqual({ value: undefined, done: true });
    const it3 = MemoryView.from(Uint8Array.of(5, 6))[Symbol.iterator]();
    expect(it3[Symbol.iterator as unknown as "next"]).toBeTypeOf("function");
  });
});

describe("equals through TypedArrays", () => {
  it("'d': NaN is unequal to itself, 0 equals -0, any layout", () => {
    const a = MemoryView.from(Float64Array.of(1, NaN));
    expect(a.equals(a)).toBe(false);
    expect(MemoryView.from(Float64Array.of(0)).equals(MemoryView.from(Float64Array.of(-0)))).toBe(true);
    const back = MemoryView.from(Float64Array.of(3, 2, 1)).slice([null, null, -1]);
    expect(back.equals(Float64Array.of(1, 2, 3))).toBe(true);
    expect(back.equals(Float64Array.of(1, 2, 4))).toBe(false);
  });

  it("integers compare as bits when both are contiguous, as values when strided", () => {
    const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 7) & 0xff);
    const a = MemoryView.from(bytes);
    const b = MemoryView.from(bytes.slice());
    expect(a.equals(b)).toBe(true);
    // unaligned starts take the byte loop
    expect(a.slice([1]).equals(b.slice([1]))).toBe(true);
    const c = bytes.slice();
    c[4098]! ^= 1;
    expect(a.equals(c)).toBe(false);
    const m = MemoryView.from(Int16Array.from({ length: 12 }, (_, i) => i - 6)).reshape([3, 4]);
    expect(
      m.transpose().equals(MemoryView.from(Int16Array.from([-6, -2, 2, -5, -1, 3, -4, 0, 4, -3, 1, 5])).reshape([4, 3])),
    ).toBe(true);
  });

  it("'?' compares truth, other byte orders and empty views still answer", () => {
    const t1 = MemoryView.from(Uint8Array.of(1, 0)).cast("?");
    const t2 = MemoryView.from(Uint8Array.of(2, 0)).cast("?");
    expect(t1.equals(t2)).toBe(true);
    const big = MemoryView.from(Uint8Array.of(0, 1, 0, 2)).cast(">h");
    expect(big.equals(MemoryView.from(Uint8Array.of(0, 1, 0, 2)).cast(">h"))).toBe(true);
    expect(big.equals(Int16Array.of(1, 2))).toBe(true);
    expect(MemoryView.from(new Float64Array(0)).equals(new Float64Array(0))).toBe(true);
    expect(MemoryView.from(new Float64Array(4)).reshape([2, 2]).slice([1, 1]).equals(new Float64Array(0))).toBe(false);
  });

  it("a released side equals only itself; detached memory throws", () => {
    const a = MemoryView.from(Uint8Array.of(1));
    const b = MemoryView.from(Uint8Array.of(1));
    b.release();
    expect([a.equals(b), b.equals(b)]).toEqual([false, true]);
    const ab = new ArrayBuffer(8);
    const d = MemoryView.from(new Float64Array(ab));
    structuredClone(ab, { transfer: [ab] });
    expect(thrown(() => d.equals(new Float64Array(1)))[0]).toBe("ValueError");
  });

  it("agrees with the item-by-item comparison on random layouts", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("d", "f", "i", "B", "q", "h"),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0),
        fc.boolean(),
        (format, length, step, nan) => {
          const base = MemoryView.from(new Uint8Array(8 * 64)).cast(format);
          const n = base.length;
          for (let i = 0; i < n; i++) {
            const value =
              format === "q" ? BigInt(i % 7) : format === "d" || format === "f" ? (nan && i === 3 ? NaN : i % 5) : i % 5;
            base.set(i, value);
          }
          const a = base.slice([0, length * Math.abs(step), Math.abs(step)]);
          const b = base.slice([null, null, step]).slice([0, a.length]);
          const items = (x: MemoryView) => x.toList() as unknown[];
          const expected =
            a.length === b.length &&
            items(a).every((x, i) => (typeof x === "number" ? x === (items(b)[i] as number) : x === items(b)[i]));
          expect(a.equals(b)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("light views", () => {
  it("a view made from an exporter shares its frozen shape and strides, and derived views their export", () => {
    const a = new Float64Array(4);
    const v = MemoryView.from(a);
    expect(Object.isFrozen(v.layout.shape)).toBe(true);
    expect(v.shape).toEqual([4]);
    const w = v.slice([1, 3]);
    expect(w.buffer).toBe(a.buffer);
    w.set(0, 2.5);
    expect(a[1]).toBe(2.5);
  });

  it("the arrays over the memory are made on first use, and never over detached memory", () => {
    const ab = new ArrayBuffer(16);
    const v = MemoryView.from(ab);
    structuredClone(ab, { transfer: [ab] });
    expect(thrown(() => v.get(0))[0]).toBe("ValueError");
    expect(thrown(() => v.toBytes())[0]).toBe("ValueError");
    const rab = resizableBuffer(8, 16);
    const r = MemoryView.from(rab);
    rab.resize(4);
    expect(thrown(() => r.set(0, 1))[0]).toBe("ValueError");
    rab.resize(8);
    r.set(7, 9);
    expect(new Uint8Array(rab)[7]).toBe(9);
  });

  it("set and get on the fast path: unaligned and non-native views fall back, read-only and released refuse", () => {
    const bytes = new Uint8Array(17);
    const odd = MemoryView.from(bytes).slice([1]).cast("d");
    odd.set(1, 1.5);
    expect(odd.get(1)).toBe(1.5);
    const big = MemoryView.from(bytes).slice([0, 16]).cast(">h");
    big.set(0, 258);
    expect([bytes[0], bytes[1], big.get(0)]).toEqual([1, 2, 258]);
    expect(thrown(() => MemoryView.from(new Float64Array(2)).toReadonly().set(0, 1))).toEqual([
      "TypeError",
      "cannot modify read-only memory",
    ]);
    const v = MemoryView.from(new Float64Array(2));
    v.get(0);
    v.release();
    expect(thrown(() => v.get(0))).toEqual(RELEASED);
    expect(thrown(() => v.set(0, 1))).toEqual(RELEASED);
    const data = new Float64Array(6);
    const m = MemoryView.from(data).reshape([2, 3]).slice(null, [null, null, -1]);
    m.set(1, 0, 7);
    expect([m.get(1, 0), m.get(-1, -3), m.get(1, 2), data[5]]).toEqual([7, 7, 0, 7]);
  });
});
