/**
 * Every kind of buffer the codec reads and writes (toByteWindow), memoised
 * windows, resizable and detached buffers, and the Struct object's API.
 */
import { describe, expect, test } from "vitest";
import { Struct, calcsize, clearCache, iterUnpack, pack, packInto, unpack, unpackFrom } from "../../src/index.js";
import { ByteWindowMemo, toByteWindow } from "../../src/struct/byte-source.js";

const DATA = [1, 2, 3, 4, 5, 6, 7, 8];

describe("buffer kinds", () => {
  const kinds: [string, () => unknown][] = [
    ["ArrayBuffer", () => new Uint8Array(DATA).buffer],
    [
      "SharedArrayBuffer",
      () => {
        const sab = new SharedArrayBuffer(8);
        new Uint8Array(sab).set(DATA);
        return sab;
      },
    ],
    ["Uint8Array", () => new Uint8Array(DATA)],
    ["Uint8ClampedArray", () => new Uint8ClampedArray(DATA)],
    ["Int16Array", () => new Int16Array(new Uint8Array(DATA).buffer)],
    ["Float64Array", () => new Float64Array(new Uint8Array(DATA).buffer)],
    ["BigUint64Array", () => new BigUint64Array(new Uint8Array(DATA).buffer)],
    ["DataView", () => new DataView(new Uint8Array(DATA).buffer)],
    ["Node Buffer", () => Buffer.from(DATA)],
    ["a view at an offset", () => new Uint8Array([9, 9, 9, ...DATA, 9]).subarray(3, 11)],
    ["a DataView at an offset", () => new DataView(new Uint8Array([9, ...DATA, 9]).buffer, 1, 8)],
  ];
  test.each(kinds)("%s", (_name, make) => {
    expect(unpack("<8B", make())).toEqual(DATA);
    expect(unpackFrom(">H", make(), 2)).toEqual([0x0304]);
    expect(unpackFrom("<H", make(), -2)).toEqual([0x0807]);
    expect([...iterUnpack("<I", make())]).toEqual([[0x04030201], [0x08070605]]);
    const target = make();
    packInto(">H", target, 6, 0xabcd);
    expect(unpack("<8B", target)).toEqual([1, 2, 3, 4, 5, 6, 0xab, 0xcd]);
    expect(toByteWindow(target, false).byteLength).toBe(8);
  });

  test("a Node Buffer from the shared pool is read at its own offset", () => {
    const buffer = Buffer.from("hello");
    expect(buffer.byteOffset).toBeGreaterThanOrEqual(0);
    expect(unpack("5s", buffer)).toEqual([new Uint8Array([104, 101, 108, 108, 111])]);
  });

  test("an ArrayBuffer of another realm is a buffer; an object tagged like one is not", async () => {
    const { runInNewContext } = await import("node:vm");
    const foreign = runInNewContext("new Uint8Array([1, 2, 3, 4]).buffer") as ArrayBuffer;
    expect(foreign instanceof ArrayBuffer).toBe(false);
    expect(unpack("<2H", foreign)).toEqual([0x0201, 0x0403]);
    const fake = { [Symbol.toStringTag]: "ArrayBuffer", byteLength: 4 };
    expect(() => unpack("<2H", fake)).toThrow(new TypeError("a bytes-like object is required, not 'object'"));
    expect(() => packInto("<H", fake, 0, 1)).toThrow(new TypeError("argument must be read-write bytes-like object, not object"));
  });

  test("unpacked bytes are fresh copies, never views of the buffer", () => {
    const bytes = new Uint8Array([65, 66, 67, 3, 88, 89, 90]);
    const [c, s, p] = unpack("c2s4p", bytes) as [Uint8Array, Uint8Array, Uint8Array];
    expect([c, s, p]).toEqual([new Uint8Array([65]), new Uint8Array([66, 67]), new Uint8Array([88, 89, 90])]);
    for (const v of [c, s, p]) {
      expect(v.buffer).not.toBe(bytes.buffer);
      expect(v.byteOffset).toBe(0);
    }
  });
});

describe("resizable, growable and detached buffers", () => {
  test("a resizable ArrayBuffer is read at its current length every time", () => {
    const ab = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(4, {
      maxByteLength: 16,
    });
    const s = new Struct("<I");
    const u = new Uint8Array(ab); // length-tracking
    expect(s.unpackFrom(u, 0)).toEqual([0]);
    expect(() => s.unpackFrom(u, 4)).toThrow("actual buffer size is 4");
    (ab as unknown as { resize(n: number): void }).resize(8);
    s.packInto(u, 4, 7);
    expect(s.unpackFrom(u, 4)).toEqual([7]);
    (ab as unknown as { resize(n: number): void }).resize(2);
    expect(() => s.unpackFrom(u, 0)).toThrow("actual buffer size is 2");
    expect(() => s.unpack(ab)).toThrow("unpack requires a buffer of 4 bytes");
  });

  test("a growable SharedArrayBuffer", () => {
    const sab = new (SharedArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => SharedArrayBuffer)(2, {
      maxByteLength: 8,
    });
    expect(() => unpackFrom("<I", sab)).toThrow("actual buffer size is 2");
    (sab as unknown as { grow(n: number): void }).grow(8);
    packInto("<I", sab, 4, 5);
    expect(unpackFrom("<I", sab, 4)).toEqual([5]);
  });

  test("a detached buffer has no bytes, even after being read", () => {
    const s = new Struct("B");
    const u = new Uint8Array([1, 2]);
    expect(s.unpackFrom(u, 1)).toEqual([2]);
    structuredClone(u.buffer, { transfer: [u.buffer] });
    expect(() => s.unpackFrom(u, 1)).toThrow("actual buffer size is 0");
    const ab = new ArrayBuffer(4);
    const dv = new DataView(ab);
    expect(unpack("<I", dv)).toEqual([0]);
    structuredClone(ab, { transfer: [ab] });
    expect(() => unpack("<I", dv)).toThrow("unpack requires a buffer of 4 bytes");
    expect(() => unpack("<I", ab)).toThrow("unpack requires a buffer of 4 bytes");
    expect(() => iterUnpack("<I", ab)).not.toThrow();
    expect([...iterUnpack("<I", ab)]).toEqual([]);
  });

  test("an iterator over a buffer detached mid-way stops with ValueError", () => {
    const u = new Uint8Array(8);
    const it = iterUnpack("<I", u);
    expect(it.next().value).toEqual([0]);
    expect(it.lengthHint()).toBe(1);
    structuredClone(u.buffer, { transfer: [u.buffer] });
    expect(() => it.next()).toThrow(expect.objectContaining({ name: "ValueError" }));
    expect(it.next().done).toBe(true);
  });

  test("the memo is per Struct and follows the argument", () => {
    const memo = new ByteWindowMemo();
    const a = new Uint8Array(4);
    memo.update(a, false);
    expect(memo.source).toBe(a);
    expect(memo.reusable).toBe(true);
    memo.update(new Uint8Array(0), false);
    expect(memo.reusable).toBe(false);
    expect(() => memo.update(5, true)).toThrow("argument must be read-write bytes-like object, not int");
    expect(memo.source).toBeUndefined();
  });
});

describe("Struct", () => {
  test("format, size and repr", () => {
    const s = new Struct("<iid");
    expect(s.format).toBe("<iid");
    expect(s.size).toBe(16);
    expect(String(s)).toBe("Struct('<iid')");
    expect(String(new Struct("\t2h"))).toBe("Struct('\\t2h')");
    expect(new Struct(new Uint8Array([0x3e, 0x68])).format).toBe(">h");
    expect(new Struct(new Uint8Array([0x3e, 0x68])).unpack(new Uint8Array([1, 2]))).toEqual([258]);
  });

  test("module functions and Struct agree, and the cache is bounded", () => {
    clearCache();
    for (let n = 0; n < 250; n++) {
      const format = `<${n}x2h`;
      expect(calcsize(format)).toBe(n + 4);
      expect(pack(format, 1, -1)).toEqual(new Struct(format).pack(1, -1));
    }
    expect(unpack("<2h", new Uint8Array([1, 0, 255, 255]))).toEqual([1, -1]);
  });

  test("pack results are plain Uint8Arrays of their own", () => {
    const a = pack("<i", 1);
    const b = pack("<i", 2);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(4);
    expect(new Int32Array(a.buffer)[0]).toBe(1);
    const big = pack("100d", ...new Array(100).fill(1.5));
    expect(big.length).toBe(800);
    expect(new Float64Array(big.buffer)[99]).toBe(1.5);
  });

  test("padding is zero and alignment is native", () => {
    expect(pack("@bi", 1, 2)).toEqual(new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]));
    expect(pack("=bi", 1, 2)).toEqual(new Uint8Array([1, 2, 0, 0, 0]));
    expect(pack("@b3xq", -1, 1n).length).toBe(16);
    expect(pack("@?e", true, 1)).toEqual(new Uint8Array([1, 0, 0, 0x3c]));
    expect(unpack("@?d", new Uint8Array(16).fill(1))).toEqual([true, 7.748604185489348e-304]);
  });

  test("? packs Python's truth value", () => {
    const truthy = [true, 1, -1, Number.NaN, 0.5, 2n, "a", "0", new Uint8Array(1), [0], {}, new Map([[1, 1]])];
    const falsy = [false, 0, -0, 0n, "", null, undefined, new Uint8Array(0), [], new Map(), new Set()];
    expect(pack(`${truthy.length}?`, ...truthy)).toEqual(new Uint8Array(truthy.length).fill(1));
    expect(pack(`${falsy.length}?`, ...falsy)).toEqual(new Uint8Array(falsy.length));
  });

  test("p counts at most 255 and at most count - 1", () => {
    const data = new Uint8Array(300).fill(7);
    const packed = pack("300p", data);
    expect(packed[0]).toBe(255);
    expect(packed.subarray(1).every((b) => b === 7)).toBe(true);
    expect((unpack("300p", packed)[0] as Uint8Array).length).toBe(255);
    expect(pack("3p", new Uint8Array([1, 2, 3, 4]))).toEqual(new Uint8Array([2, 1, 2]));
    expect(pack("0p", new Uint8Array([1]))).toEqual(new Uint8Array(0));
    expect(unpack("0p", new Uint8Array(0))).toEqual([new Uint8Array(0)]);
    expect(unpack("3p", new Uint8Array([200, 1, 2]))).toEqual([new Uint8Array([1, 2])]);
  });
});
