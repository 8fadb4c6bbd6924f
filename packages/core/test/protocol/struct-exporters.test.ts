/**
 * The struct codec accepts any exporter, as CPython's `y*` and `w*`
 * converters accept any object with the buffer interface: it asks for a
 * C-contiguous buffer (writable for packInto), uses it, and releases it
 * before returning, whatever happens.
 */

import { describe, expect, it } from "vitest";
import { iterUnpack, packInto, Struct, unpack, unpackFrom } from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { NdExporter, type Layout } from "./support/nd-exporter.js";

function bytesExporter(values: number[], extra: Partial<Layout> = {}): NdExporter {
  const buf = new Uint8Array(values).buffer;
  return new NdExporter({ buf, offset: 0, itemsize: 1, format: "B", shape: [values.length], strides: [1], suboffsets: null, ...extra });
}

describe("struct functions accept any exporter", () => {
  it("unpack and unpackFrom read an exporter's bytes, and release them", () => {
    const exporter = bytesExporter([1, 0, 2, 0, 3, 0]);
    expect(unpack("<hhh", exporter)).toEqual([1, 2, 3]);
    expect(unpackFrom("<h", exporter, 4)).toEqual([3]);
    expect(new Struct("<h").unpackFrom(exporter, -2)).toEqual([3]);
    expect(exporter.exports).toBe(3);
    expect(exporter.live).toBe(0);
  });

  it("an exporter's offset is honoured", () => {
    const buf = new Uint8Array([9, 9, 7, 0]).buffer;
    const exporter = new NdExporter({ buf, offset: 2, itemsize: 1, format: "B", shape: [2], strides: [1], suboffsets: null });
    expect(unpack("<H", exporter)).toEqual([7]);
  });

  it("packInto writes into an exporter, and releases it", () => {
    const exporter = bytesExporter([0, 0, 0, 0]);
    packInto("<HH", exporter, 0, 0x0102, 0x0304);
    expect(Array.from(new Uint8Array(exporter.layout.buf))).toEqual([2, 1, 4, 3]);
    new Struct("<B").packInto(exporter, 3, 9);
    expect(new Uint8Array(exporter.layout.buf)[3]).toBe(9);
    expect(exporter.live).toBe(0);
  });

  it("iterUnpack reads an exporter and releases it when exhausted", () => {
    const exporter = bytesExporter([1, 2, 3]);
    const it = iterUnpack("B", exporter);
    expect([...it]).toEqual([[1], [2], [3]]);
    expect(exporter.live).toBe(0);
  });

  it("a struct error still releases the export", () => {
    const exporter = bytesExporter([1, 2, 3]);
    expectError(() => unpack("<i", exporter), "StructError", "unpack requires a buffer of 4 bytes");
    expectError(() => unpackFrom("<i", exporter, 1), "StructError", /unpack_from requires a buffer of at least 5 bytes/);
    expectError(() => packInto("<i", exporter, 0, 1), "StructError", /pack_into requires a buffer of at least 4 bytes/);
    expectError(() => packInto("<B", exporter, 0, 300), "StructError");
    expect(exporter.live).toBe(0);
  });

  it("a read-only exporter cannot be packed into", () => {
    const exporter = bytesExporter([0, 0], { readonly: true });
    expectError(() => packInto("<H", exporter, 0, 1), "TypeError", /read-write bytes-like object/);
    expect(unpack("<H", exporter)).toEqual([0]);
    expect(exporter.live).toBe(0);
  });

  it("a non-contiguous exporter is refused with its BufferError", () => {
    const buf = new Uint8Array([1, 0, 2, 0]).buffer;
    const strided = new NdExporter({ buf, offset: 0, itemsize: 1, format: "B", shape: [2], strides: [2], suboffsets: null });
    expectError(() => unpack("BB", strided), "BufferError", /not C-contiguous/);
    expect(strided.live).toBe(0);
  });

  it("an exporter that lies is refused, and released", () => {
    const liar = bytesExporter([1, 2]);
    liar.layout.shape = [200];
    expectError(() => unpack("B", liar), "BufferError", /reachable bytes/);
    expect(liar.live).toBe(0);
  });
});
