import { Buffer } from "node:buffer";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  builtinExporterKind,
  GET_BUFFER,
  getBuffer,
  isBufferExporter,
  isNodeBuffer,
  releaseBuffer,
  resolveBuffer,
  type BufferInfo,
} from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { resizableBuffer, growableSharedBuffer } from "./support/resizable.js";

const hasFloat16 = typeof (globalThis as { Float16Array?: unknown }).Float16Array === "function";

const TYPED: [string, string, number][] = [
  ["Int8Array", "b", 1],
  ["Uint8Array", "B", 1],
  ["Uint8ClampedArray", "B", 1],
  ["Int16Array", "h", 2],
  ["Uint16Array", "H", 2],
  ["Int32Array", "i", 4],
  ["Uint32Array", "I", 4],
  ["Float32Array", "f", 4],
  ["Float64Array", "d", 8],
  ["BigInt64Array", "q", 8],
  ["BigUint64Array", "Q", 8],
  ...(hasFloat16 ? ([["Float16Array", "e", 2]] as [string, string, number][]) : []),
];

function expectFull(info: BufferInfo, expected: Partial<BufferInfo>): void {
  expect({
    obj: info.obj,
    buf: info.buf,
    offset: info.offset,
    len: info.len,
    readonly: info.readonly,
    itemsize: info.itemsize,
    format: info.format,
    ndim: info.ndim,
    shape: info.shape,
    strides: info.strides,
    suboffsets: info.suboffsets,
  }).toEqual({ suboffsets: null, ndim: 1, readonly: false, ...expected });
  expect(Object.isFrozen(info)).toBe(true);
}

describe("built-in exporters", () => {
  it("ArrayBuffer: writable bytes", () => {
    const ab = new ArrayBuffer(10);
    const info = getBuffer(ab);
    expectFull(info, { obj: ab, buf: ab, offset: 0, len: 10, itemsize: 1, format: "B", shape: [10], strides: [1] });
    expect(builtinExporterKind(ab)).toBe("ArrayBuffer");
    releaseBuffer(info);
  });

  it("resizable ArrayBuffer: exported at its current length", () => {
    const rab = resizableBuffer(4, 16);
    rab.resize(12);
    expectFull(getBuffer(rab), { obj: rab, buf: rab, offset: 0, len: 12, itemsize: 1, format: "B", shape: [12], strides: [1] });
  });

  it("SharedArrayBuffer, growable too", () => {
    const sab = new SharedArrayBuffer(6);
    expectFull(getBuffer(sab), { obj: sab, buf: sab, offset: 0, len: 6, itemsize: 1, format: "B", shape: [6], strides: [1] });
    const growable = growableSharedBuffer(2, 8);
    growable.grow(5);
    const info = getBuffer(growable);
    expect(info.len).toBe(5);
    growable.grow(8);
    expect(resolveBuffer(info)).toBe(growable);
    expect(builtinExporterKind(growable)).toBe("SharedArrayBuffer");
  });

  it.each(TYPED)("%s has format %s and itemsize %d", (name, format, itemsize) => {
    const Ctor = (globalThis as unknown as Record<string, new (b: ArrayBuffer, o: number, n: number) => object>)[name]!;
    const ab = new ArrayBuffer(64);
    const array = new Ctor(ab, 16, 3);
    const info = getBuffer(array);
    expectFull(info, {
      obj: array,
      buf: ab,
      offset: 16,
      len: 3 * itemsize,
      itemsize,
      format,
      shape: [3],
      strides: [itemsize],
    });
    expect(builtinExporterKind(array)).toBe("TypedArray");
  });

  it("Float16Array is feature-detected", () => {
    if (!hasFloat16) {
      expect(TYPED.some(([name]) => name === "Float16Array")).toBe(false);
      return;
    }
    const F16 = (globalThis as unknown as { Float16Array: new (n: number) => object }).Float16Array;
    expect(getBuffer(new F16(2)).format).toBe("e");
  });

  it("length-tracking TypedArray on a resizable buffer follows the buffer", () => {
    const rab = resizableBuffer(8, 32);
    const tracking = new Int32Array(rab, 4);
    expect(getBuffer(tracking).shape).toEqual([1]);
    rab.resize(24);
    const info = getBuffer(tracking);
    expectFull(info, { obj: tracking, buf: rab, offset: 4, len: 20, itemsize: 4, format: "i", shape: [5], strides: [4] });
  });

  it("DataView: its window, as bytes", () => {
    const ab = new ArrayBuffer(16);
    const dv = new DataView(ab, 3, 7);
    expectFull(getBuffer(dv), { obj: dv, buf: ab, offset: 3, len: 7, itemsize: 1, format: "B", shape: [7], strides: [1] });
    expect(builtinExporterKind(dv)).toBe("DataView");
  });

  it("Node's Buffer: its own window of the pool, as bytes", () => {
    const b = Buffer.from("hello");
    expect(isNodeBuffer(b)).toBe(true);
    expect(isNodeBuffer(new Uint8Array(1))).toBe(false);
    expect(builtinExporterKind(b)).toBe("Buffer");
    const info = getBuffer(b);
    expectFull(info, {
      obj: b,
      buf: b.buffer,
      offset: b.byteOffset,
      len: 5,
      itemsize: 1,
      format: "B",
      shape: [5],
      strides: [1],
    });
    const bytes = new Uint8Array(resolveBuffer(info), info.offset, info.len);
    expect(new TextDecoder().decode(bytes)).toBe("hello");
  });

  it("a fake Buffer class is a plain Uint8Array", () => {
    class Buffer extends Uint8Array {
      static isBuffer(): boolean {
        return false;
      }
    }
    expect(isNodeBuffer(new Buffer(2))).toBe(false);
    expect(builtinExporterKind(new Buffer(2))).toBe("TypedArray");
  });

  it("WebAssembly.Memory: writable bytes whose buf follows grow()", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
    const info = getBuffer(memory, BufferFlags.FULL);
    expectFull(info, {
      obj: memory,
      buf: memory.buffer,
      offset: 0,
      len: 65536,
      itemsize: 1,
      format: "B",
      shape: [65536],
      strides: [1],
    });
    expect(builtinExporterKind(memory)).toBe("WebAssembly.Memory");
    memory.grow(1);
    expect(info.buf).toBe(memory.buffer);
  });

  it("shared WebAssembly.Memory exports a SharedArrayBuffer", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const info = getBuffer(memory);
    expect(info.buf).toBeInstanceOf(SharedArrayBuffer);
    memory.grow(1);
    expect(resolveBuffer(info).byteLength).toBe(2 * 65536);
  });

  it("objects of another realm are recognised by brand, not by prototype", () => {
    const context = vm.createContext({});
    const foreign = vm.runInContext(
      "({ ab: new ArrayBuffer(4), ta: new Float64Array(2), dv: new DataView(new ArrayBuffer(3)) })",
      context,
    ) as { ab: ArrayBuffer; ta: Float64Array; dv: DataView };
    expect(foreign.ab instanceof ArrayBuffer).toBe(false);
    expect(getBuffer(foreign.ab).len).toBe(4);
    expect(getBuffer(foreign.ta).format).toBe("d");
    expect(getBuffer(foreign.dv).len).toBe(3);
  });

  it("impostors are not exporters", () => {
    const fakeBuffer = Object.create(ArrayBuffer.prototype) as object;
    const tagged = { [Symbol.toStringTag]: "ArrayBuffer", byteLength: 8 };
    for (const x of [fakeBuffer, tagged, [1, 2], "bytes", 7, null, undefined, {}]) {
      expect(isBufferExporter(x)).toBe(false);
      expectError(() => getBuffer(x), "TypeError", /^a bytes-like object is required, not '/);
    }
    expectError(() => getBuffer(null), "TypeError", "a bytes-like object is required, not 'null'");
    expectError(() => getBuffer([1]), "TypeError", "a bytes-like object is required, not 'Array'");
  });

  it("a subclass overriding byteLength cannot lie", () => {
    class Liar extends Uint8Array {
      override get byteLength(): number {
        return 1 << 20;
      }
      override get byteOffset(): number {
        return 100;
      }
    }
    const info = getBuffer(new Liar(4));
    expect([info.offset, info.len]).toEqual([0, 4]);
  });

  it("a GET_BUFFER method wins over the built-in export", () => {
    const ab = new ArrayBuffer(8);
    class Special extends Uint8Array {
      [GET_BUFFER](flags: number): BufferInfo {
        return getBuffer(ab, flags);
      }
    }
    const info = getBuffer(new Special(2));
    expect(info.len).toBe(8);
  });
});
