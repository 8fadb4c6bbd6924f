/**
 * `bytes` beyond the recorded fixture: CPython 3.14's changes, the export,
 * construction from every kind of exporter, and bad input.
 */
import { describe, expect, it } from "vitest";
import { BufferFlags, GET_BUFFER, array, bytearray, bytes, getBuffer, releaseBuffer, resolveBuffer } from "./support/api.js";
import { expectThrows } from "./support/errors.js";
import { stridedExporter } from "./support/strided-exporter.js";

describe("bytes: CPython 3.14 behaviour (not in the 3.11 fixture)", () => {
  it("a lone last digit in fromhex (gh-127740)", () => {
    expectThrows(() => bytes.fromhex("0"), "ValueError", "fromhex() arg must contain an even number of hexadecimal digits");
    expectThrows(() => bytes.fromhex("01 2"), "ValueError", "fromhex() arg must contain an even number of hexadecimal digits");
    expectThrows(() => bytes.fromhex("01 2 "), "ValueError", "non-hexadecimal number found in fromhex() arg at position 4");
  });

  it("fromhex accepts bytes-like objects (gh-129349)", () => {
    expect(Array.from(bytes.fromhex(bytes([0x30, 0x41, 0x20, 0x66, 0x66])))).toEqual([0x0a, 0xff]);
    expect(Array.from(bytes.fromhex(new Uint8Array([0x61, 0x62])))).toEqual([0xab]);
    expectThrows(
      () => bytes.fromhex(new Uint8Array([0x61, 0xe9])),
      "ValueError",
      "non-hexadecimal number found in fromhex() arg at position 1",
    );
    expectThrows(() => bytes.fromhex(5), "TypeError", "fromhex() argument must be str or bytes-like, not int");
    expectThrows(() => bytes.fromhex(null), "TypeError", "fromhex() argument must be str or bytes-like, not NoneType");
  });
});

describe("bytes: the object", () => {
  it("is callable with or without new, and instanceof holds", () => {
    const a = bytes([1]);
    const b = new bytes([1]);
    expect(a instanceof bytes).toBe(true);
    expect(b instanceof bytes).toBe(true);
    expect(a.equals(b)).toBe(true);
    expect(bytearray([1]) instanceof bytes).toBe(false);
  });

  it("copies its source", () => {
    const source = new Uint8Array([1, 2]);
    const b = bytes(source);
    source[0] = 9;
    expect(b.get(0)).toBe(1);
  });

  it("iterates, slices and indexes", () => {
    const b = bytes([10, 20, 30, 40]);
    expect([...b]).toEqual([10, 20, 30, 40]);
    expect([...b.slice(1, 3)]).toEqual([20, 30]);
    expect([...b.slice(null, null, -1)]).toEqual([40, 30, 20, 10]);
    expect([...(b.get({ start: -2 }) as typeof b)]).toEqual([30, 40]);
    expect(b.get(-1)).toBe(40);
    expect(b.get(1n)).toBe(20);
    expect(b.length).toBe(4);
  });

  it("caches its hash, which is hashBytes of the content", () => {
    const b = bytes([1, 2, 3]);
    expect(b.hash()).toBe(b.hash());
    expect(b.hash()).toBe(bytes(new Uint8Array([1, 2, 3])).hash());
  });

  it("compares with a foreign object through its equals (reflected ==)", () => {
    const foreign = { equals: (other: unknown) => other instanceof bytes };
    expect(bytes([1]).equals(foreign)).toBe(true);
    expect(bytes([1]).equals({})).toBe(false);
    expect(bytes([1]).equals(null)).toBe(false);
  });
});

describe("bytes: the export", () => {
  it("answers each request as PyBuffer_FillInfo does", () => {
    const b = bytes([1, 2, 3]);
    const simple = getBuffer(b, BufferFlags.SIMPLE);
    expect([simple.readonly, simple.format, simple.shape, simple.strides, simple.len, simple.itemsize]).toEqual([
      true,
      null,
      null,
      null,
      3,
      1,
    ]);
    releaseBuffer(simple);
    const full = getBuffer(b, BufferFlags.FULL_RO);
    expect([full.format, full.shape, full.strides, full.ndim, full.suboffsets]).toEqual(["B", [3], [1], 1, null]);
    expect(Array.from(new Uint8Array(resolveBuffer(full), full.offset, full.len))).toEqual([1, 2, 3]);
    releaseBuffer(full);
  });

  it("refuses a writable request", () => {
    expectThrows(() => getBuffer(bytes([1]), BufferFlags.WRITABLE), "BufferError", "Object is not writable.");
    expectThrows(() => getBuffer(bytes([1]), BufferFlags.FULL), "BufferError", "Object is not writable.");
  });

  it("exports an empty bytes", () => {
    const info = getBuffer(bytes(), BufferFlags.FULL_RO);
    expect([info.len, info.shape]).toEqual([0, [0]]);
    releaseBuffer(info);
  });

  it("has the registry symbol, so any implementation finds it", () => {
    expect(typeof (bytes([1]) as unknown as Record<symbol, unknown>)[Symbol.for("mv.getbuffer")]).toBe("function");
    expect(GET_BUFFER).toBe(Symbol.for("mv.getbuffer"));
  });
});

describe("bytes: construction from exporters", () => {
  it("takes the bytes of ArrayBuffer, DataView and TypedArrays in memory order", () => {
    const u16 = new Uint16Array([0x0102]);
    const native = Array.from(new Uint8Array(u16.buffer));
    expect([...bytes(u16)]).toEqual(native);
    expect([...bytes(new Uint8Array([1, 2]).buffer)]).toEqual([1, 2]);
    expect([...bytes(new DataView(new Uint8Array([5, 6, 7]).buffer, 1))]).toEqual([6, 7]);
    expect([...bytes(array("h", [1]))]).toEqual(Array.from(new Uint8Array(new Int16Array([1]).buffer)));
  });

  it("gathers strided memory in C order and releases the export", () => {
    const exporter = stridedExporter([1, 2, 3, 4, 5, 6], [2, 2], [-3, 2], 3);
    expect([...bytes(exporter)]).toEqual([4, 6, 1, 3]);
    expect(exporter.live).toBe(0);
  });
});

describe("bytes: bad input", () => {
  it.each([
    [Symbol("s"), "TypeError", "cannot convert 'symbol' object to bytes"],
    [{}, "TypeError", "cannot convert 'object' object to bytes"],
    [NaN, "TypeError", "cannot convert 'float' object to bytes"],
    [Infinity, "TypeError", "cannot convert 'float' object to bytes"],
    [-1n, "ValueError", "negative count"],
    [[1, 2n ** 64n], "ValueError", "bytes must be in range(0, 256)"],
    [[1, {}], "TypeError", "'object' object cannot be interpreted as an integer"],
  ])("bytes(%s)", (source, name, message) => {
    expectThrows(() => bytes(source), name, message);
  });

  it("rejects bad keys", () => {
    const b = bytes([1]);
    expectThrows(() => b.get("0" as never), "TypeError", "byte indices must be integers or slices, not str");
    expectThrows(() => b.get(2n ** 64n), "IndexError", "cannot fit 'int' into an index-sized integer");
    expectThrows(() => b.slice(0, 1, 0), "ValueError", "slice step cannot be zero");
    expectThrows(() => b.get({ start: 0.5 }), "TypeError", "slice indices must be integers or None or have an __index__ method");
  });
});
