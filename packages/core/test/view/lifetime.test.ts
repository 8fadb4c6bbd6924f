/**
 * Lifetime: views share one export and release it once; a view is an
 * exporter that refuses release while exported; detached, shrunk and grown
 * memory behave as the contract says.
 */

import { describe, expect, it } from "vitest";
import { BufferFlags, GET_BUFFER, getBuffer, MemoryView, RELEASE_BUFFER, releaseBuffer } from "../../src/index.js";
import { TestExporter } from "./test-exporter.js";

function thrown(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    return [(error as Error).name, (error as Error).message];
  }
  throw new Error("expected an error");
}

function exporter(length = 16): TestExporter {
  return new TestExporter(new ArrayBuffer(length), { offset: 0, shape: [length], strides: [1], format: "B", itemsize: 1 });
}

function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}

describe("release", () => {
  it("releases the export once, when the last view of it goes", () => {
    const x = exporter();
    const root = MemoryView.from(x);
    const slice = root.slice([2, 10]);
    const cast = slice.cast("h");
    const copy = MemoryView.from(root);
    expect(x.live).toBe(1);
    root.release();
    root.release();
    expect(x.live).toBe(1);
    expect(cast.get(0)).toBe(0);
    slice.release();
    copy.release();
    expect(x.released).toBe(0);
    cast.release();
    expect([x.live, x.released]).toEqual([0, 1]);
  });

  it("Symbol.dispose releases, and `using` works", () => {
    const x = exporter();
    {
      const view = MemoryView.from(x);
      view[Symbol.dispose]();
      expect(view.released).toBe(true);
    }
    expect(x.released).toBe(1);
    expect(typeof MemoryView.prototype[Symbol.dispose]).toBe("function");
  });

  it("a view with live exports refuses release with BufferError", () => {
    const view = MemoryView.from(exporter());
    const a = getBuffer(view, BufferFlags.FULL_RO);
    const b = getBuffer(view, BufferFlags.SIMPLE);
    expect(view.exports).toBe(2);
    expect(thrown(() => view.release())).toEqual(["BufferError", "memoryview has 2 exported buffers"]);
    releaseBuffer(a);
    expect(thrown(() => view.release())).toEqual(["BufferError", "memoryview has 1 exported buffer"]);
    releaseBuffer(b);
    releaseBuffer(b);
    view.release();
    expect(view.released).toBe(true);
  });

  it("exports answer requests as memory_getbuf does", () => {
    const m = MemoryView.from(new Float64Array(12)).reshape([3, 4]);
    const info = getBuffer(m, BufferFlags.RECORDS_RO);
    expect([info.obj === m, info.format, info.itemsize, info.shape, info.strides, info.len]).toEqual([
      true,
      "d",
      8,
      [3, 4],
      [32, 8],
      96,
    ]);
    releaseBuffer(info);
    const t = m.transpose();
    expect(thrown(() => getBuffer(t, BufferFlags.C_CONTIGUOUS))).toEqual([
      "BufferError",
      "memoryview: underlying buffer is not C-contiguous",
    ]);
    expect(getBuffer(t, BufferFlags.F_CONTIGUOUS).strides).toEqual([8, 32]);
    expect(thrown(() => getBuffer(m.toReadonly(), BufferFlags.WRITABLE))).toEqual([
      "BufferError",
      "memoryview: underlying buffer is not writable",
    ]);
    expect(thrown(() => getBuffer(m.sliceDim(1, null, null, 2), BufferFlags.ND))[0]).toBe("BufferError");
    const simple = getBuffer(m, BufferFlags.SIMPLE);
    expect([simple.format, simple.shape, simple.ndim, simple.len]).toEqual([null, null, 1, 96]);
    // A view of a view shares the export; re-exported memory is viewable.
    const again = MemoryView.from(getBuffer(m, BufferFlags.FULL_RO).obj);
    expect(again.equals(m)).toBe(true);
    expect(thrown(() => MemoryView.from(m.toReadonly(), BufferFlags.WRITABLE))[0]).toBe("BufferError");
  });

  it("a released view has no export to give", () => {
    const view = MemoryView.from(exporter());
    view.release();
    expect(thrown(() => view[GET_BUFFER](BufferFlags.SIMPLE))).toEqual([
      "ValueError",
      "operation forbidden on released memoryview object",
    ]);
    expect(() => view[RELEASE_BUFFER]({} as never)).not.toThrow();
  });

  it("empty slices, whose offsets CPython leaves anywhere, still export", () => {
    const view = MemoryView.from(new Uint8Array(4)).slice([10, 20, -1]);
    expect(view.nbytes).toBe(0);
    const info = getBuffer(view);
    expect(info.len).toBe(0);
    releaseBuffer(info);
  });
});

describe("memory that goes away", () => {
  it("a detached ArrayBuffer makes every access throw ValueError, fast paths included", () => {
    const buffer = new ArrayBuffer(16);
    const f = MemoryView.from(new Float64Array(buffer));
    const b = MemoryView.from(buffer).cast("<i");
    f.get(0);
    f.set(0, 1.5);
    b.get(0);
    detach(buffer);
    for (const use of [
      () => f.get(0),
      () => f.set(1, 2),
      () => f.toBytes(),
      () => f.toList(),
      () => f.shape,
      () => b.get(0),
      () => b.set(0, 1),
      () => b.fill(0),
      () => b.slice([1]),
    ]) {
      const [name] = thrown(use);
      expect(name).toBe("ValueError");
    }
  });

  it("a resizable ArrayBuffer shrunk below the export throws ValueError; grown back, it works", () => {
    const buffer = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(16, {
      maxByteLength: 64,
    });
    const view = MemoryView.from(buffer).cast("d");
    view.set(1, 2.5);
    (buffer as unknown as { resize(n: number): void }).resize(12);
    expect(thrown(() => view.get(0))[0]).toBe("ValueError");
    expect(thrown(() => view.set(0, 1))[0]).toBe("ValueError");
    expect(thrown(() => view.toBytes())[0]).toBe("ValueError");
    (buffer as unknown as { resize(n: number): void }).resize(32);
    expect(view.get(0)).toBe(0);
    expect(view.shape).toEqual([2]);
  });

  it("a view of WebAssembly.Memory survives grow()", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const view = MemoryView.from(memory).cast("<I");
    const fast = MemoryView.from(memory).cast("I");
    view.set(3, 0xdeadbeef);
    expect(fast.get(3)).toBe(0xdeadbeef);
    memory.grow(1);
    expect(view.get(3)).toBe(0xdeadbeef);
    expect(fast.get(3)).toBe(0xdeadbeef);
    fast.set(4, 7);
    expect(new Uint32Array(memory.buffer)[4]).toBe(7);
    expect(view.buffer).toBe(memory.buffer);
    // The re-export follows the memory too.
    const info = getBuffer(fast);
    memory.grow(1);
    expect(info.buf).toBe(memory.buffer);
    releaseBuffer(info);
  });

  it("views of SharedArrayBuffers copy safely between two objects", () => {
    const shared = new SharedArrayBuffer(8);
    const a = MemoryView.from(shared);
    a.copyFrom(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    a.slice([1]).copyFrom(a.slice([null, 7]));
    expect(a.toList()).toEqual([1, 1, 2, 3, 4, 5, 6, 7]);
    const strided = a.slice([null, null, 2]);
    strided.copyFrom(a.slice([null, null, -2]));
    expect(a.toList()).toEqual([7, 1, 5, 3, 3, 5, 1, 7]);
  });
});

describe("iteration and conversions", () => {
  it("iterates items of 1-D views and sub-views of others", () => {
    const m = MemoryView.from(Uint8Array.of(1, 2, 3, 4, 5, 6)).reshape([3, 2]);
    expect([...m].map((row) => (row as MemoryView).toList())).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect([...m.transpose().index(0, 1)]).toEqual([2, 4, 6]);
  });

  it("toTypedArray: zero-copy where it can, a copy elsewhere", () => {
    const a = new Int16Array([1, 2, 3, 4]);
    const whole = MemoryView.from(a).toTypedArray();
    expect(whole).toBeInstanceOf(Int16Array);
    expect(whole.buffer).toBe(a.buffer);
    const stepped = MemoryView.from(a).slice([null, null, -2]).toTypedArray();
    expect(Array.from(stepped as Int16Array)).toEqual([4, 2]);
    expect(stepped.buffer).not.toBe(a.buffer);
    const ro = MemoryView.from(a).toReadonly().toTypedArray();
    expect(ro.buffer).not.toBe(a.buffer);
    expect(
      Array.from(
        MemoryView.from(Uint8Array.of(0, 0, 1, 0))
          .cast(">H")
          .toTypedArray() as Uint16Array,
      ),
    ).toEqual([0, 256]);
    expect(Array.from(MemoryView.from(new Uint8Array(16)).cast("q").toTypedArray() as BigInt64Array)).toEqual([0n, 0n]);
    expect(thrown(() => MemoryView.from(new Uint8Array(4)).cast("2h").toTypedArray())[0]).toBe("TypeError");
  });

  it("derive() gives builtins any layout inside the export", () => {
    const v = MemoryView.from(Uint8Array.from({ length: 16 }, (_, i) => i));
    const d = v.derive({ byteOffset: 15, shape: [2, 2], byteStrides: [-8, -1] });
    expect(d.toList()).toEqual([
      [15, 14],
      [7, 6],
    ]);
    expect(v.derive({ format: "<I", shape: [4] }).get(3)).toBe(0x0f0e0d0c);
    expect(v.derive({ readonly: true }).readonly).toBe(true);
  });

  it("toString", () => {
    expect(String(MemoryView.from(new Uint8Array(6)).reshape([2, 3]))).toBe("<MemoryView format='B' shape=[2, 3]>");
  });
});
