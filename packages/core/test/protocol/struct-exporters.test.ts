/**
 * The struct codec accepts any exporter, as CPython's `y*` and `w*`
 * converters accept any object with the buffer interface: it asks for a
 * C-contiguous buffer (writable for packInto), holds it while it reads or
 * writes, and releases it once before returning, whatever happens; an
 * iterUnpack iterator holds it until it is exhausted or closed.
 */

import { describe, expect, it } from "vitest";
import { iterUnpack, packInto, Struct, unpack, unpackFrom, type BufferInfo } from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { NdExporter, type Layout } from "./support/nd-exporter.js";
import { RELEASE_BUFFER as RELEASE_BUFFER_KEY } from "../../src/index.js";

function bytesExporter(values: number[], extra: Partial<Layout> = {}): NdExporter {
  const buf = new Uint8Array(values).buffer;
  return new NdExporter({
    buf,
    offset: 0,
    itemsize: 1,
    format: "B",
    shape: [values.length],
    strides: [1],
    suboffsets: null,
    ...extra,
  });
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

/**
 * An exporter whose RELEASE_BUFFER wrecks its memory, the way an exporter
 * that reuses or frees its memory on release would: `onRelease` runs inside
 * the release, after a snapshot of the bytes is taken.
 */
class WreckingExporter extends NdExporter {
  /** The exporter's bytes as they were when each release ran. */
  atRelease: number[][] = [];
  constructor(
    values: number[],
    readonly onRelease: (exporter: WreckingExporter) => void,
  ) {
    super({
      buf: new Uint8Array(values).buffer,
      offset: 0,
      itemsize: 1,
      format: "B",
      shape: [values.length],
      strides: [1],
      suboffsets: null,
    });
  }
  override [RELEASE_BUFFER_KEY](info: BufferInfo): void {
    this.atRelease.push(Array.from(new Uint8Array(this.layout.buf)));
    super[RELEASE_BUFFER_KEY](info);
    this.onRelease(this);
  }
}

const zero = (e: WreckingExporter): void => {
  new Uint8Array(e.layout.buf).fill(0);
};
const detach = (e: WreckingExporter): void => {
  const buf = e.layout.buf as ArrayBuffer;
  e.layout.buf = structuredClone(buf, { transfer: [buf] });
  expect(buf.byteLength).toBe(0);
};
const refill =
  (values: number[]) =>
  (e: WreckingExporter): void => {
    if (e.layout.buf.byteLength === 0) e.layout.buf = new Uint8Array(values).buffer;
    else new Uint8Array(e.layout.buf).set(values);
  };

describe("the export is held while the codec uses it", () => {
  it("unpack and unpackFrom read the bytes before the release zeroes them", () => {
    // a read after the release would see zeros
    const values = [1, 0, 2, 0, 3, 0];
    const calls: [(e: WreckingExporter) => unknown, unknown][] = [
      [(e) => unpack("<hhh", e), [1, 2, 3]],
      [(e) => new Struct("<hhh").unpack(e), [1, 2, 3]],
      [(e) => unpackFrom("<h", e, 2), [2]],
      [(e) => new Struct("<h").unpackFrom(e, -2), [3]],
    ];
    for (const [call, expected] of calls) {
      const e = new WreckingExporter(values, zero);
      expect(call(e)).toEqual(expected);
      expect(Array.from(new Uint8Array(e.layout.buf))).toEqual([0, 0, 0, 0, 0, 0]);
      expect(e.exports).toBe(1);
      expect(e.live).toBe(0);
    }
  });

  it("unpack reads the bytes before the release detaches them", () => {
    const values = [7, 0, 0, 0, 9, 0, 0, 0];
    const e = new WreckingExporter(values, (x) => {
      detach(x);
      refill(values)(x);
    });
    expect(unpack("<ii", e)).toEqual([7, 9]);
    expect(unpackFrom("<i", e, 4)).toEqual([9]);
    expect(new Struct("<i").unpackFrom(e)).toEqual([7]);
    expect(new Struct("<ii").unpack(e)).toEqual([7, 9]);
    expect(e.releases.length).toBe(4);
    expect(e.live).toBe(0);
  });

  it("packInto's write lands before the release", () => {
    const e = new WreckingExporter([0, 0, 0, 0], zero);
    packInto("<HH", e, 0, 0x0102, 0x0304);
    expect(e.atRelease).toEqual([[2, 1, 4, 3]]);
    new Struct("<B").packInto(e, -1, 9);
    expect(e.atRelease[1]).toEqual([0, 0, 0, 9]);
    expect(e.live).toBe(0);
  });

  it("a release that detaches does not break a later call", () => {
    const values = [5, 6];
    const e = new WreckingExporter(values, (x) => {
      detach(x);
      refill(values)(x);
    });
    const s = new Struct("BB");
    for (let i = 0; i < 3; i++) expect(s.unpack(e)).toEqual([5, 6]);
    expect(e.live).toBe(0);
    expect(e.releases.length).toBe(3);
  });
});

describe("exactly one release per call, even when the codec throws", () => {
  function once(e: NdExporter, fn: () => unknown, name: string, message?: string | RegExp): void {
    const before = e.releases.length;
    const exportsBefore = e.exports;
    expectError(fn, name, message);
    expect(e.exports - exportsBefore).toBe(1);
    expect(e.releases.length - before).toBe(1);
    expect(e.live).toBe(0);
  }

  it("unpack, unpackFrom and packInto failing after the export was acquired", () => {
    const e = bytesExporter([1, 2, 3]);
    const s = new Struct("<i");
    once(e, () => unpack("<i", e), "StructError", "unpack requires a buffer of 4 bytes");
    once(e, () => s.unpack(e), "StructError", "unpack requires a buffer of 4 bytes");
    once(e, () => unpackFrom("<h", e, 2), "StructError", /unpack_from requires a buffer of at least 4 bytes/);
    once(e, () => s.unpackFrom(e, -4), "StructError", "offset -4 out of range for 3-byte buffer");
    once(e, () => unpackFrom("<B", e, 1.5), "TypeError", "'float' object cannot be interpreted as an integer");
    once(e, () => packInto("<i", e, 0, 1), "StructError", /pack_into requires a buffer of at least 4 bytes/);
    once(e, () => packInto("<B", e, 0, 300), "StructError");
    once(e, () => new Struct("<BB").packInto(e, 0, 1, "x"), "StructError");
    once(e, () => packInto("<B", e, 2n ** 70n, 1), "IndexError");
    once(e, () => iterUnpack("<h", e), "StructError", "iterative unpacking requires a buffer of a multiple of 2 bytes");
  });

  it("a failed pack leaves what it wrote so far, as CPython does, and releases once", () => {
    const e = new WreckingExporter([9, 9, 9], () => {});
    once(e, () => packInto("<BB", e, 1, 7, 300), "StructError");
    expect(e.atRelease).toEqual([[9, 7, 0]]);
  });

  it("a refused request is not released, since nothing was exported", () => {
    const e = bytesExporter([1, 2], { readonly: true });
    expectError(() => packInto("<H", e, 0, 1), "TypeError", "argument must be read-write bytes-like object, not NdExporter");
    expect(e.exports).toBe(0);
    expect(e.releases.length).toBe(0);
  });
});

describe("iterUnpack holds the export until the iterator ends", () => {
  it("is released by the step that finds the iterator exhausted", () => {
    const e = new WreckingExporter([1, 2, 3], zero);
    const it = iterUnpack("B", e);
    expect(e.live).toBe(1);
    expect(it.next()).toEqual({ done: false, value: [1] });
    expect(it.next()).toEqual({ done: false, value: [2] });
    expect(it.next()).toEqual({ done: false, value: [3] });
    expect(e.live).toBe(1);
    expect(it.next()).toEqual({ done: true, value: undefined });
    expect(e.live).toBe(0);
    expect(it.next().done).toBe(true);
    expect(e.releases.length).toBe(1);
    expect(e.atRelease).toEqual([[1, 2, 3]]);
  });

  it("reads every struct before the release, with a spread or Struct.iterUnpack", () => {
    const e = new WreckingExporter([1, 0, 2, 0], zero);
    expect([...new Struct("<H").iterUnpack(e)]).toEqual([[1], [2]]);
    expect(e.live).toBe(0);
    expect(e.releases.length).toBe(1);
  });

  it("an empty exporter is released on the first step", () => {
    const e = bytesExporter([]);
    const it = iterUnpack("<h", e);
    expect(e.live).toBe(1);
    expect(it.next().done).toBe(true);
    expect(e.live).toBe(0);
  });

  it("is released when for…of is left by break, and the iterator is closed", () => {
    const e = bytesExporter([1, 2, 3, 4]);
    const it = iterUnpack("B", e);
    const seen: unknown[] = [];
    for (const v of it) {
      seen.push(v);
      if (seen.length === 2) {
        expect(e.live).toBe(1);
        break;
      }
    }
    expect(seen).toEqual([[1], [2]]);
    expect(e.live).toBe(0);
    expect(e.releases.length).toBe(1);
    expect(it.next().done).toBe(true);
    expect(it.return()).toEqual({ done: true, value: undefined });
    expect(e.releases.length).toBe(1);
  });

  it("is released when the loop body throws", () => {
    const e = bytesExporter([1, 2, 3]);
    const boom = new Error("boom");
    expect(() => {
      for (const [v] of iterUnpack("B", e)) {
        if (v === 2) throw boom;
      }
    }).toThrow(boom);
    expect(e.live).toBe(0);
    expect(e.releases.length).toBe(1);
  });

  it("is released when the memory is detached during iteration, and the step throws ValueError", () => {
    const e = bytesExporter([1, 2, 3]);
    const it = iterUnpack("B", e);
    expect(it.next().value).toEqual([1]);
    const buf = e.layout.buf as ArrayBuffer;
    structuredClone(buf, { transfer: [buf] });
    expectError(() => it.next(), "ValueError", /detached/);
    expect(e.live).toBe(0);
    expect(it.next().done).toBe(true);
    expect(e.releases.length).toBe(1);
  });

  it("return() closes an iterator over a built-in buffer too", () => {
    const it = iterUnpack("B", new Uint8Array([1, 2, 3]));
    expect(it.next().value).toEqual([1]);
    expect(it.return()).toEqual({ done: true, value: undefined });
    expect(it.next().done).toBe(true);
  });
});
