/**
 * CPython's helpers for exporters and consumers (Objects/abstract.c and
 * Objects/memoryobject.c), checked against list models in the style of
 * test_buffer.py.
 */

import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  copyBuffer,
  copyData,
  fillContiguousStrides,
  fillInfo,
  fromContiguous,
  getBuffer,
  getPointer,
  impliedByteStrides,
  impliedShape,
  isCContiguous,
  isContiguous,
  isFContiguous,
  releaseBuffer,
  sizeFromFormat,
  toContiguous,
  type BufferInfo,
} from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { NdExporter, pilLayout, type Layout } from "./support/nd-exporter.js";

function info(fields: Partial<BufferInfo> & Pick<BufferInfo, "buf">): BufferInfo {
  return {
    obj: null,
    offset: 0,
    len: 0,
    readonly: false,
    itemsize: 1,
    format: null,
    ndim: 1,
    shape: null,
    strides: null,
    suboffsets: null,
    ...fields,
  };
}

/** All index tuples of `shape`, in C order (the last index varies fastest). */
function indexTuples(shape: readonly number[], order: "C" | "F" = "C"): number[][] {
  if (shape.includes(0)) return [];
  const out: number[][] = [];
  const index = new Array<number>(shape.length).fill(0);
  for (;;) {
    out.push([...index]);
    let k = 0;
    for (; k < shape.length; k++) {
      const dim = order === "C" ? shape.length - 1 - k : k;
      if (index[dim]! < shape[dim]! - 1) {
        index[dim]!++;
        break;
      }
      index[dim] = 0;
    }
    if (k === shape.length) return out;
  }
}

/** The bytes of every item, gathered with getPointer in `order`. */
function modelGather(x: BufferInfo, order: "C" | "F"): number[] {
  const bytes = new Uint8Array(x.buf);
  const out: number[] = [];
  for (const index of indexTuples(impliedShape(x), order)) {
    const p = getPointer(x, index);
    for (let b = 0; b < x.itemsize; b++) out.push(bytes[p + b]!);
  }
  return out;
}

function filled(n: number): ArrayBuffer {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 7 + 3) & 0xff;
  return bytes.buffer;
}

const strided: BufferInfo[] = [
  info({ buf: filled(24), len: 24, itemsize: 4, format: "i", ndim: 2, shape: [2, 3], strides: [12, 4] }),
  info({ buf: filled(24), len: 24, itemsize: 4, format: "i", ndim: 2, shape: [2, 3], strides: [4, 8] }),
  info({ buf: filled(48), len: 24, itemsize: 4, format: "i", ndim: 2, shape: [2, 3], strides: [24, 8] }),
  info({ buf: filled(24), offset: 20, len: 24, itemsize: 4, format: "i", ndim: 2, shape: [2, 3], strides: [-12, -4] }),
  info({ buf: filled(12), len: 48, itemsize: 4, format: "i", ndim: 2, shape: [4, 3], strides: [0, 4] }),
  info({ buf: filled(60), len: 24, itemsize: 2, ndim: 3, shape: [2, 3, 2], strides: [30, -10, 4], offset: 20 }),
  info({ buf: filled(8), len: 4, offset: 4, itemsize: 4, ndim: 0, shape: [], strides: [] }),
  info({ buf: filled(4), len: 0, itemsize: 4, ndim: 2, shape: [0, 3], strides: [12, 4] }),
  (() => {
    const l = pilLayout(3, 4, 2);
    return info({
      buf: l.buf,
      len: 24,
      itemsize: 2,
      format: "H",
      ndim: 2,
      shape: l.shape,
      strides: l.strides,
      suboffsets: l.suboffsets,
    });
  })(),
];

describe("fillInfo (PyBuffer_FillInfo)", () => {
  it("fills what each request asks for", () => {
    const ab = new ArrayBuffer(10);
    const owner = {};
    expect({ ...fillInfo(owner, ab, 2, 6, false, BufferFlags.SIMPLE) }).toEqual({
      obj: owner,
      buf: ab,
      offset: 2,
      len: 6,
      readonly: false,
      itemsize: 1,
      format: null,
      ndim: 1,
      shape: null,
      strides: null,
      suboffsets: null,
    });
    const full = fillInfo(owner, ab, 2, 6, true, BufferFlags.FULL_RO);
    expect([full.format, full.shape, full.strides, full.suboffsets, full.readonly]).toEqual(["B", [6], [1], null, true]);
  });

  it("refuses WRITABLE on read-only memory with CPython's message", () => {
    expectError(
      () => fillInfo(null, new ArrayBuffer(1), 0, 1, true, BufferFlags.WRITABLE),
      "BufferError",
      "Object is not writable.",
    );
    expect(fillInfo(null, new ArrayBuffer(1), 0, 1, true, BufferFlags.SIMPLE).readonly).toBe(true);
  });

  it("refuses READ and WRITE, and bytes outside buf", () => {
    expectError(() => fillInfo(null, new ArrayBuffer(1), 0, 1, false, BufferFlags.READ), "ValueError");
    expectError(() => fillInfo(null, new ArrayBuffer(4), 2, 3, false, 0), "BufferError", /bytes \[2, 5\) are not inside buf/);
    expectError(() => fillInfo(null, new ArrayBuffer(4), -1, 1, false, 0), "BufferError");
    expectError(() => fillInfo(null, new Uint8Array(4) as never, 0, 1, false, 0), "BufferError", /must be an ArrayBuffer/);
  });

  it("releases to its obj, once, as PyBuffer_Release does with view->obj", () => {
    const released: unknown[] = [];
    const owner = { [Symbol.for("mv.releasebuffer")]: (x: unknown) => released.push(x) };
    const x = fillInfo(owner, new ArrayBuffer(2), 0, 2, false, BufferFlags.SIMPLE);
    releaseBuffer(x);
    releaseBuffer(x);
    expect(released).toEqual([x]);
  });

  it("a delegating exporter releases the inner export through its own release", () => {
    const inner = new NdExporter({
      buf: new ArrayBuffer(4),
      offset: 0,
      itemsize: 1,
      format: "B",
      shape: [4],
      strides: [1],
      suboffsets: null,
    });
    const outer = {
      [Symbol.for("mv.getbuffer")]: (flags: number) => getBuffer(inner, flags),
      [Symbol.for("mv.releasebuffer")]: (x: BufferInfo) => releaseBuffer(x),
    };
    const x = getBuffer(outer);
    expect(inner.live).toBe(1);
    releaseBuffer(x);
    expect(inner.live).toBe(0);
  });

  it("is what a simple exporter returns", () => {
    const ab = new ArrayBuffer(3);
    const exporter = { [Symbol.for("mv.getbuffer")]: (flags: number) => fillInfo(exporter, ab, 0, 3, false, flags) };
    const got = getBuffer(exporter, BufferFlags.CONTIG);
    expect([got.obj, got.shape, got.strides]).toEqual([exporter, [3], null]);
  });
});

describe("isContiguous (PyBuffer_IsContiguous)", () => {
  const base = { len: 24, itemsize: 4, suboffsets: null };
  it("follows _IsCContiguous and _IsFortranContiguous", () => {
    const cases: [Partial<BufferInfo>, boolean, boolean][] = [
      [{ ndim: 2, shape: [2, 3], strides: [12, 4] }, true, false],
      [{ ndim: 2, shape: [2, 3], strides: [4, 8] }, false, true],
      [{ ndim: 2, shape: [2, 3], strides: null }, true, false],
      [{ ndim: 2, shape: [1, 6], strides: null }, true, true],
      [{ ndim: 2, shape: [1, 6], strides: [999, 4] }, true, true],
      [{ ndim: 2, shape: [2, 3], strides: [24, 8] }, false, false],
      [{ ndim: 1, shape: [6], strides: [-4] }, false, false],
      [{ ndim: 1, shape: null, strides: null }, true, true],
      [{ ndim: 0, shape: [], strides: [], len: 4 }, true, true],
      [{ ndim: 2, shape: [0, 3], strides: [7, 7], len: 0 }, true, true],
    ];
    for (const [fields, c, f] of cases) {
      const x = { ...base, ...fields } as BufferInfo;
      expect([isCContiguous(x), isFContiguous(x), isContiguous(x, "C"), isContiguous(x, "F"), isContiguous(x, "A")]).toEqual([
        c,
        f,
        c,
        f,
        c || f,
      ]);
    }
  });

  it("suboffsets are never contiguous, even when all negative", () => {
    const x = { ...base, ndim: 1, shape: [6], strides: [4], suboffsets: [-1] } as unknown as BufferInfo;
    expect([isCContiguous(x), isFContiguous(x), isContiguous(x, "A")]).toEqual([false, false, false]);
  });

  it("an unknown order is not contiguous", () => {
    expect(isContiguous({ ...base, ndim: 1, shape: [6], strides: [4] } as unknown as BufferInfo, "c" as never)).toBe(false);
  });
});

describe("fillContiguousStrides and the implied layout", () => {
  it("gives C strides for 'C' and 'A', Fortran strides for 'F'", () => {
    expect(fillContiguousStrides([2, 3, 4], 8)).toEqual([96, 32, 8]);
    expect(fillContiguousStrides([2, 3, 4], 8, "A")).toEqual([96, 32, 8]);
    expect(fillContiguousStrides([2, 3, 4], 8, "F")).toEqual([8, 16, 48]);
    const out = [0, 0];
    expect(fillContiguousStrides([5, 0], 1, "C", out)).toBe(out);
    expect(out).toEqual([0, 1]);
  });

  it("fills in what null fields imply", () => {
    const simple = getBuffer(new Float32Array(5), BufferFlags.SIMPLE);
    expect([impliedShape(simple), impliedByteStrides(simple)]).toEqual([[5], [4]]);
    const scalar = info({ buf: new ArrayBuffer(8), len: 8, itemsize: 8, ndim: 0 });
    expect([impliedShape(scalar), impliedByteStrides(scalar)]).toEqual([[], []]);
  });
});

describe("getPointer (PyBuffer_GetPointer)", () => {
  it("matches the stride arithmetic, following suboffsets", () => {
    const l = pilLayout(3, 2, 4);
    const x = info({ buf: l.buf, len: 24, itemsize: 4, ndim: 2, shape: l.shape, strides: l.strides, suboffsets: l.suboffsets });
    // Row r is stored at table + (rows - 1 - r) * cols * itemsize.
    expect(getPointer(x, [0, 0])).toBe(24 + 2 * 8);
    expect(getPointer(x, [2, 1])).toBe(24 + 4);
    const neg = strided[3]!;
    expect(getPointer(neg, [0, 0])).toBe(20);
    expect(getPointer(neg, [1, 2])).toBe(0);
    expect(getPointer(strided[6]!, [])).toBe(4);
  });

  it("checks every index", () => {
    const x = strided[0]!;
    expectError(() => getPointer(x, [2, 0]), "IndexError", "index out of bounds on dimension 1");
    expectError(() => getPointer(x, [0, -1]), "IndexError", "index out of bounds on dimension 2");
    expectError(() => getPointer(x, [0]), "TypeError", "getPointer: expected 2 indices, got 1");
    expectError(() => getPointer(x, [0, 0.5]), "TypeError", /index 1 must be an integer/);
  });

  it("checks pointers read at access time (the memory may have changed)", () => {
    const l = pilLayout(2, 2, 1);
    const x = getBuffer(new NdExporter(l));
    new DataView(l.buf).setBigUint64(8, 1000n, true);
    expectError(() => getPointer(x, [1, 0]), "BufferError", /a suboffset pointer leads outside buf: item at byte 1000/);
    new DataView(l.buf).setBigUint64(0, 2n ** 63n, true);
    expectError(() => getPointer(x, [0, 1]), "BufferError", /item at byte Infinity/);
  });
});

describe("toContiguous and fromContiguous", () => {
  it.each(strided.map((x, i) => [i, x] as const))("layout %i round-trips in C, F and A order", (_i, x) => {
    for (const order of ["C", "F", "A"] as const) {
      const expected = isContiguous(x, order)
        ? Array.from(new Uint8Array(x.buf, x.offset, x.len))
        : modelGather(x, order === "F" ? "F" : "C");
      expect(Array.from(toContiguous(x, order)), order).toEqual(expected);
    }
    for (const order of ["C", "F"] as const) {
      const fresh = { ...x, buf: x.buf.slice(0) } as BufferInfo;
      const bytes = new Uint8Array(x.len).map((_, i) => 200 - i);
      fromContiguous(fresh, bytes, order);
      if (x.strides?.includes(0)) continue; // aliasing items: last write wins
      expect(Array.from(toContiguous(fresh, order)), order).toEqual(Array.from(bytes));
    }
  });

  it("toContiguous checks out.length like PyBuffer_ToContiguous checks len", () => {
    expectError(
      () => toContiguous(strided[0]!, "C", new Uint8Array(3)),
      "ValueError",
      "toContiguous: out.length 3 != info.len 24",
    );
    expectError(() => toContiguous(strided[0]!, "X" as never), "ValueError", "order must be 'C', 'F' or 'A'");
  });

  it("fromContiguous copies at most len bytes, whole items when gathering", () => {
    const ab = new ArrayBuffer(8);
    const x = info({ buf: ab, len: 8, itemsize: 2, ndim: 1, shape: [4], strides: [2] });
    fromContiguous(x, new Uint8Array(20).fill(9));
    expect(Array.from(new Uint8Array(ab))).toEqual([9, 9, 9, 9, 9, 9, 9, 9]);
    const ab2 = new ArrayBuffer(8);
    const y = info({ buf: ab2, len: 4, itemsize: 2, ndim: 1, shape: [2], strides: [4] });
    fromContiguous(y, new Uint8Array([1, 2, 3]));
    expect(Array.from(new Uint8Array(ab2))).toEqual([1, 2, 0, 0, 0, 0, 0, 0]);
    expectError(() => fromContiguous({ ...x, readonly: true }, new Uint8Array(1)), "BufferError", /read-only/);
  });

  it("reads memory aliased through another SharedArrayBuffer object before writing", () => {
    // A shared WebAssembly.Memory hands out a new SharedArrayBuffer at each
    // grow(), over the same block: `before` and `after` alias bytes 0..7.
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const before = memory.buffer;
    memory.grow(1);
    const after = memory.buffer;
    const bytes = new Uint8Array(after, 0, 8);
    const reversed = info({ buf: after, offset: 7, len: 8, ndim: 1, shape: [8], strides: [-1] });
    bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
    toContiguous(reversed, "C", new Uint8Array(before, 0, 8));
    expect(Array.from(bytes)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
    fromContiguous(reversed, new Uint8Array(before, 0, 8));
    expect(Array.from(bytes)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });
});

describe("copyBuffer and copyData (PyObject_CopyData)", () => {
  it("copies between any two layouts of the same shape", () => {
    const sources = strided.filter((x) => x.ndim === 2 && x.shape![0] === 2 && x.shape![1] === 3);
    for (const src of sources) {
      for (const dstTemplate of sources) {
        const dst = { ...dstTemplate, buf: new ArrayBuffer(dstTemplate.buf.byteLength), itemsize: src.itemsize } as BufferInfo;
        copyBuffer(dst, src);
        expect(Array.from(toContiguous(dst, "C"))).toEqual(Array.from(toContiguous(src, "C")));
      }
    }
  });

  it("is overlap-safe within one buffer", () => {
    const bytes = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const forward = info({ buf: bytes.buffer, offset: 0, len: 5, ndim: 1, shape: [5], strides: [2] });
    const reversed = info({ buf: bytes.buffer, offset: 9, len: 5, ndim: 1, shape: [5], strides: [-1] });
    copyBuffer(reversed, forward); // reads 0,2,4,6,8 into bytes 9,8,7,6,5
    expect(Array.from(bytes)).toEqual([0, 1, 2, 3, 4, 8, 6, 4, 2, 0]);
    const b2 = new Uint8Array([1, 2, 3, 4, 5, 6]);
    copyBuffer(
      info({ buf: b2.buffer, offset: 1, len: 5, ndim: 1, shape: [5], strides: [1] }),
      info({ buf: b2.buffer, offset: 0, len: 5, ndim: 1, shape: [5], strides: [1] }),
    );
    expect(Array.from(b2)).toEqual([1, 1, 2, 3, 4, 5]);
  });

  it("copies from and to suboffset memory", () => {
    const l: Layout = pilLayout(3, 4, 2);
    const src = getBuffer(new NdExporter(l));
    const c3x4 = (): NdExporter =>
      new NdExporter({
        buf: new ArrayBuffer(24),
        offset: 0,
        itemsize: 2,
        format: "H",
        shape: [3, 4],
        strides: [8, 2],
        suboffsets: null,
      });
    const dst = c3x4();
    copyData(dst, new NdExporter(l));
    expect(Array.from(new Uint8Array(dst.layout.buf))).toEqual(Array.from(toContiguous(src, "C")));
    const ones = c3x4();
    new Uint8Array(ones.layout.buf).fill(1);
    copyData(new NdExporter(l), ones);
    expect(Array.from(toContiguous(src)).every((b) => b === 1)).toBe(true);
  });

  it("refuses what CPython refuses, and what would break memory", () => {
    expectError(
      () => copyData(new Uint8Array(2), new Uint8Array(3)),
      "BufferError",
      "destination is too small to receive data from source",
    );
    expectError(() => copyData([], new Uint8Array(3)), "TypeError", "both destination and source must be bytes-like objects");
    expectError(() => copyBuffer({ ...strided[0]!, readonly: true }, strided[0]!), "BufferError", /read-only/);
    const wide = info({ buf: new ArrayBuffer(48), len: 24, itemsize: 4, ndim: 2, shape: [3, 2], strides: [16, 8] });
    expectError(() => copyBuffer(wide, strided[2]!), "BufferError", /same shape and itemsize/);
  });

  it("releases both exports however the copy ends", () => {
    const a = new NdExporter({
      buf: new ArrayBuffer(4),
      offset: 0,
      itemsize: 1,
      format: "B",
      shape: [4],
      strides: [1],
      suboffsets: null,
    });
    const ro = new NdExporter({
      buf: new ArrayBuffer(4),
      offset: 0,
      itemsize: 1,
      format: "B",
      shape: [4],
      strides: [1],
      suboffsets: null,
      readonly: true,
    });
    copyData(a, new Uint8Array(4));
    expectError(() => copyData(ro, a), "BufferError");
    expectError(() => copyData(a, new Uint8Array(8)), "BufferError");
    expect([a.live, ro.live]).toEqual([0, 0]);
    expect(a.exports).toBe(2); // the read-only destination refused before the source was asked
  });
});

describe("sizeFromFormat (PyBuffer_SizeFromFormat)", () => {
  it("is struct.calcsize", () => {
    expect(sizeFromFormat("B")).toBe(1);
    expect(sizeFromFormat("d")).toBe(8);
    expect(sizeFromFormat("<hi")).toBe(6);
    expect(sizeFromFormat("@hi")).toBe(8);
    expect(sizeFromFormat("3s")).toBe(3);
    expectError(() => sizeFromFormat("Z"), "StructError");
  });

  it("understands PEP 3118 formats", () => {
    expect(sizeFromFormat("T{<h:x:<i:y:}")).toBe(6);
    expect(sizeFromFormat("(2,3)h")).toBe(12);
  });
});

describe("a consumer pattern", () => {
  it("sums an exporter's doubles whatever its layout", () => {
    const values = new Float64Array([1, 2, 3, 4, 5, 6]);
    const transposed = new NdExporter({
      buf: values.buffer,
      offset: 0,
      itemsize: 8,
      format: "d",
      shape: [3, 2],
      strides: [8, 24],
      suboffsets: null,
    });
    const x = getBuffer(transposed, BufferFlags.FULL_RO);
    try {
      const doubles = new Float64Array(toContiguous(x, "C").buffer);
      expect(Array.from(doubles)).toEqual([1, 4, 2, 5, 3, 6]);
    } finally {
      releaseBuffer(x);
    }
    expect(transposed.live).toBe(0);
  });
});
