/**
 * `buffer` beyond the 2.7 transcription: the JavaScript argument mapping,
 * fake addresses, the old-protocol helpers' views, and the buffer as an
 * exporter.
 */
import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  array,
  asCharBuffer,
  asReadBuffer,
  asWriteBuffer,
  buffer,
  bytearray,
  bytes,
  checkReadBuffer,
  getBuffer,
  releaseBuffer,
  resolveBuffer,
} from "./support/api.js";
import { expectThrows } from "./support/errors.js";
import { stridedExporter } from "./support/strided-exporter.js";

describe('buffer: arguments (2.7\'s PyArg_ParseTuple "O|nn")', () => {
  it.each([
    [[bytes([1]), 1.5], "TypeError", "integer argument expected, got float"],
    [[bytes([1]), "1"], "TypeError", "an integer is required"],
    [[bytes([1]), null], "TypeError", "an integer is required"],
    [[bytes([1]), 0, 2n ** 63n], "OverflowError", "Python int too large to convert to C long"], // LP64: "n" is "l", PyLong_AsLong
    [[], "TypeError", "buffer() takes at least 1 argument (0 given)"],
    [["abc"], "TypeError", "buffer object expected"],
    [[[1, 2]], "TypeError", "buffer object expected"],
  ] as const)("buffer case %#: %s", (args, name, message) => {
    expectThrows(() => (buffer as (...a: unknown[]) => unknown)(...args), name, message);
  });

  it("takes bigint offsets and sizes", () => {
    expect(Array.from(buffer(bytes([1, 2, 3]), 1n, 1n).tobytes())).toEqual([2]);
  });

  it("is callable with or without new", () => {
    expect(new buffer(bytes([1])) instanceof buffer).toBe(true);
    expect(buffer(bytes([1])) instanceof buffer).toBe(true);
    expect(buffer.new(1) instanceof buffer).toBe(true);
  });
});

describe("buffer: bases of every kind", () => {
  it("reads TypedArrays, ArrayBuffers and arrays", () => {
    expect(Array.from(buffer(new Uint8Array([1, 2, 3]), 1).tobytes())).toEqual([2, 3]);
    expect(buffer(new ArrayBuffer(4)).length).toBe(4);
    expect(buffer(array("h", [1, 2])).length).toBe(4);
  });

  it("refuses a strided base on access: more than one segment", () => {
    const b = buffer(stridedExporter([1, 2, 3], [2], [2]));
    expectThrows(() => b.length, "TypeError", "single-segment buffer object expected");
  });

  it("writes through a read-write buffer to a TypedArray", () => {
    const data = new Uint8Array(3);
    buffer.fromReadWriteObject(data, 1).set({ start: 0 }, new Uint8Array([7, 8]));
    expect(Array.from(data)).toEqual([0, 7, 8]);
  });
});

describe("buffer: repr addresses", () => {
  it("are stable per object and shared by buffers of one base", () => {
    const base = bytes([1, 2, 3]);
    const a = buffer(base);
    const b = buffer(buffer(base, 1), 1);
    const address = /for (0x[0-9a-f]+)/;
    expect(address.exec(String(a))![1]).toBe(address.exec(String(b))![1]);
    expect(String(a)).toBe(String(a));
    expect(String(b)).toMatch(/size -1, offset 2 at 0x/);
  });

  it("put PyBuffer_New's memory right after the object", () => {
    const text = String(buffer.new(2));
    const [, ptr, self] = /ptr (0x[0-9a-f]+), size 2 at (0x[0-9a-f]+)/.exec(text)!;
    expect(BigInt(ptr!) - BigInt(self!)).toBe(64n);
  });
});

describe("buffer: the old protocol helpers", () => {
  it("return views of the memory, not copies", () => {
    const data = bytearray([1, 2]);
    const view = asWriteBuffer(data);
    view[0] = 5;
    expect(data.get(0)).toBe(5);
    expect(Array.from(asReadBuffer(data))).toEqual([5, 2]);
    expect(Array.from(asCharBuffer(new Uint8Array([104])))).toEqual([104]);
  });

  it("release the export at once, so the object can resize afterwards", () => {
    const data = bytearray([1]);
    asReadBuffer(data);
    data.append(2);
    expect(data.length).toBe(2);
  });

  it("call strided memory more than one segment", () => {
    const strided = stridedExporter([1, 2, 3], [2], [2]);
    expectThrows(() => asReadBuffer(strided), "TypeError", "expected a single-segment buffer object");
    expectThrows(() => asWriteBuffer(strided), "TypeError", "expected a single-segment buffer object");
    expect(checkReadBuffer(strided)).toBe(false);
    expect(strided.live).toBe(0);
  });

  it("have no char buffer for non-byte items", () => {
    expectThrows(() => asCharBuffer(new Float64Array(1)), "TypeError", "expected a string or other character buffer object");
    expectThrows(() => asCharBuffer(buffer(new Float64Array(1))), "TypeError", "char buffer type not available");
    expectThrows(
      () => asWriteBuffer(new Uint8Array(0).buffer.slice(0)) && asWriteBuffer(5),
      "TypeError",
      "expected a writeable buffer object",
    );
  });

  it("go through a buffer's own slots", () => {
    const rw = buffer.fromReadWriteObject(bytearray([1, 2, 3]), 1);
    asWriteBuffer(rw)[0] = 9;
    expect(Array.from(rw.tobytes())).toEqual([9, 3]);
    expect(checkReadBuffer(rw)).toBe(true);
  });
});

describe("buffer: as an exporter", () => {
  it("exports its current window, read-only or writable", () => {
    const data = bytearray([1, 2, 3, 4]);
    const ro = buffer(data, 1, 2);
    const info = getBuffer(ro, BufferFlags.FULL_RO);
    expect([info.readonly, info.len, info.format, info.shape]).toEqual([true, 2, "B", [2]]);
    expect(Array.from(new Uint8Array(resolveBuffer(info), info.offset, info.len))).toEqual([2, 3]);
    releaseBuffer(info);
    const rw = getBuffer(buffer.fromReadWriteObject(data, 2), BufferFlags.FULL);
    new Uint8Array(resolveBuffer(rw), rw.offset, rw.len)[0] = 7;
    releaseBuffer(rw);
    expect([...data]).toEqual([1, 2, 7, 4]);
  });

  it("exports PyBuffer_New memory", () => {
    const b = buffer.new(2);
    const info = getBuffer(b, BufferFlags.WRITABLE);
    new Uint8Array(resolveBuffer(info), info.offset, info.len)[1] = 3;
    releaseBuffer(info);
    expect(Array.from(b.tobytes())).toEqual([0, 3]);
  });

  it("iterates byte by byte, re-reading the base", () => {
    expect([...buffer(bytes([1, 2]))].map((x) => Array.from(x))).toEqual([[1], [2]]);
  });

  it("compares only with buffers", () => {
    expectThrows(
      () => buffer(bytes([1])).compare(bytes([1]) as never),
      "TypeError",
      "buffer.compare() argument must be a buffer, not bytes",
    );
    expect(buffer(bytes([1])).equals(bytes([1]))).toBe(false);
    expect(buffer(bytes([1])).equals(buffer(bytearray([1])))).toBe(true);
  });

  it("refuses a non-integer repeat count", () => {
    expectThrows(() => buffer(bytes([1])).repeat(1.5), "TypeError", "can't multiply sequence by non-int of type 'float'");
  });
});

describe("buffer: 2.7's operand checks (Objects/bufferobject.c)", () => {
  it("an empty buffer still refuses a concat operand that is not one segment (buffer_concat checks it first)", () => {
    expectThrows(
      () => buffer(bytes([])).concat(stridedExporter([1, 2, 3, 4], [2], [2])),
      "TypeError",
      "single-segment buffer object expected",
    );
  });

  it("a writable buffer over a read-only one fails as an operand (its bf_getsegcount is get_buf(ANY_BUFFER))", () => {
    // buffer_concat and buffer_ass_subscript replace the count's error with their own.
    const rwOverStr = buffer.fromReadWriteObject(buffer(bytes([1])));
    expectThrows(() => buffer(bytes([2])).concat(rwOverStr), "TypeError", "single-segment buffer object expected");
    expectThrows(() => buffer.new(1).set(0, rwOverStr), "TypeError", "single-segment buffer object expected");
  });

  it("the abstract.c helpers count a buffer's segments first (get_buf(ANY_BUFFER)), replacing its error", () => {
    const rwOverStr = buffer.fromReadWriteObject(buffer(bytes([1])));
    const overStrided = buffer(stridedExporter([1, 2, 3, 4], [2], [2]));
    for (const b of [rwOverStr, overStrided]) {
      expectThrows(() => asReadBuffer(b), "TypeError", "expected a single-segment buffer object");
      expectThrows(() => asWriteBuffer(b), "TypeError", "expected a single-segment buffer object");
      expectThrows(() => asCharBuffer(b), "TypeError", "expected a single-segment buffer object");
      expect(checkReadBuffer(b)).toBe(false);
    }
    expectThrows(() => asWriteBuffer(buffer(bytearray([1]))), "TypeError", "buffer is read-only");
  });
});
