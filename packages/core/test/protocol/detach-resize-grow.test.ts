/**
 * Memory that goes away or moves: detach (transfer by structuredClone or
 * postMessage), resizable buffers that shrink, WebAssembly memory that
 * grows. Every later access must throw ValueError, never read stale or
 * out-of-bounds bytes; a grown wasm memory must keep working.
 */

import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import {
  BufferFlags,
  copyData,
  DETACHED_MESSAGE,
  fillInfo,
  getBuffer,
  GET_BUFFER,
  getPointer,
  isDetachedBuffer,
  releaseBuffer,
  resolveBuffer,
  toContiguous,
  writePointer,
} from "../../src/index.js";
import { expectError } from "./support/errors.js";
import { resizableBuffer } from "./support/resizable.js";
import { NdExporter, pilLayout } from "./support/nd-exporter.js";

function detachByClone(buf: ArrayBuffer): void {
  structuredClone(buf, { transfer: [buf] });
}

function detachByPostMessage(buf: ArrayBuffer): void {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(buf, [buf]);
  port1.close();
  port2.close();
}

describe.each([
  ["structuredClone", detachByClone],
  ["postMessage", detachByPostMessage],
])("detach by %s", (_how, detach) => {
  it("an ArrayBuffer export refuses access afterwards", () => {
    const ab = new ArrayBuffer(8);
    const info = getBuffer(ab);
    expect(resolveBuffer(info)).toBe(ab);
    detach(ab);
    expect(isDetachedBuffer(ab)).toBe(true);
    expectError(() => resolveBuffer(info), "ValueError", DETACHED_MESSAGE);
    expectError(() => toContiguous(info), "ValueError", DETACHED_MESSAGE);
    releaseBuffer(info);
  });

  it("a TypedArray export refuses access afterwards", () => {
    const array = new Float64Array([1, 2, 3]);
    const info = getBuffer(array);
    detach(array.buffer);
    expectError(() => resolveBuffer(info), "ValueError", DETACHED_MESSAGE);
  });

  it("an empty export of a detached buffer refuses access too", () => {
    const ab = new ArrayBuffer(0);
    const info = getBuffer(ab);
    detach(ab);
    expectError(() => resolveBuffer(info), "ValueError", DETACHED_MESSAGE);
  });

  it("exporting detached memory fails with ValueError", () => {
    const ab = new ArrayBuffer(8);
    const array = new Uint16Array(ab, 2, 2);
    const dv = new DataView(ab);
    detach(ab);
    expectError(() => getBuffer(ab), "ValueError", DETACHED_MESSAGE);
    expectError(() => getBuffer(array), "ValueError", DETACHED_MESSAGE);
    expectError(() => getBuffer(dv), "ValueError", DETACHED_MESSAGE);
    expectError(() => copyData(new Uint8Array(8), ab), "ValueError", DETACHED_MESSAGE);
  });

  it("a user exporter whose buf is detached is refused, and released", () => {
    const layout = pilLayout(2, 2, 1);
    const exporter = new NdExporter(layout);
    const info = getBuffer(exporter);
    detach(layout.buf as ArrayBuffer);
    expectError(() => getPointer(info, [0, 0]), "ValueError", DETACHED_MESSAGE);
    expectError(() => getBuffer(exporter), "ValueError", DETACHED_MESSAGE);
    expect(exporter.live).toBe(1);
    releaseBuffer(info);
    expect(exporter.live).toBe(0);
  });

  it("a zero-length buffer that is not detached is fine", () => {
    const ab = new ArrayBuffer(0);
    expect(isDetachedBuffer(ab)).toBe(false);
    expect(resolveBuffer(getBuffer(ab))).toBe(ab);
  });
});

describe("resizable ArrayBuffer", () => {
  it("shrinking below an export's extent makes access throw; growing back heals it", () => {
    const rab = resizableBuffer(16, 32);
    const view = new Uint8Array(rab, 8, 8);
    view.fill(7);
    const info = getBuffer(view);
    rab.resize(12);
    expectError(() => resolveBuffer(info), "ValueError", /resized to 12 bytes, below the 16 bytes the export reaches/);
    expectError(() => toContiguous(info), "ValueError", /resized to 12 bytes/);
    rab.resize(16);
    // The bytes past the shrink point were zeroed by the resize: never stale.
    expect(Array.from(toContiguous(info))).toEqual([7, 7, 7, 7, 0, 0, 0, 0]);
  });

  it("shrinking to 0 is a shrink, not a detach", () => {
    const rab = resizableBuffer(4, 8);
    const info = getBuffer(rab);
    rab.resize(0);
    expect(isDetachedBuffer(rab)).toBe(false);
    expectError(() => resolveBuffer(info), "ValueError", /resized to 0 bytes, below the 4 bytes/);
  });

  it("a fixed TypedArray pushed out of bounds cannot be exported", () => {
    const rab = resizableBuffer(8, 8);
    const fixed = new Uint8Array(rab, 4, 4);
    rab.resize(6);
    expect(fixed.length).toBe(0);
    expectError(() => getBuffer(fixed), "ValueError", /out of bounds of its resized buffer/);
    const dv = new DataView(rab, 2, 4);
    rab.resize(4);
    expectError(() => getBuffer(dv), "ValueError", /out of bounds/);
  });

  it("a length-tracking TypedArray exports what is there now", () => {
    const rab = resizableBuffer(8, 8);
    const tracking = new Uint8Array(rab, 4);
    rab.resize(4);
    const info = getBuffer(tracking);
    expect([info.offset, info.len]).toEqual([4, 0]);
    rab.resize(2);
    expectError(() => getBuffer(tracking), "ValueError", /out of bounds/);
  });

  it("suboffset exports check their pointers against the current length", () => {
    const rab = resizableBuffer(24, 24);
    writePointer(rab, 0, 16);
    writePointer(rab, 8, 20);
    const exporter = new NdExporter({
      buf: rab,
      offset: 0,
      itemsize: 1,
      format: "B",
      shape: [2, 2],
      strides: [8, 1],
      suboffsets: [0, -1],
    });
    const info = getBuffer(exporter);
    expect(getPointer(info, [1, 1])).toBe(21);
    rab.resize(20);
    expectError(() => getPointer(info, [0, 0]), "ValueError", /resized to 20 bytes/);
  });
});

describe("WebAssembly.Memory grow()", () => {
  it("an export of the memory survives grow(): it re-resolves memory.buffer", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const info = getBuffer(memory, BufferFlags.WRITABLE);
    new Uint8Array(resolveBuffer(info))[100] = 42;
    const before = memory.buffer;
    memory.grow(2);
    expect(isDetachedBuffer(before)).toBe(true);
    const after = resolveBuffer(info);
    expect(after).toBe(memory.buffer);
    expect(new Uint8Array(after)[100]).toBe(42);
    new Uint8Array(after)[101] = 43;
    expect(toContiguous(info)[101]).toBe(43);
    expect(info.len).toBe(65536);
  });

  it("an export of a view on the old memory.buffer is detached by grow()", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const info = getBuffer(new Uint8Array(memory.buffer, 0, 16));
    memory.grow(1);
    expectError(() => resolveBuffer(info), "ValueError", DETACHED_MESSAGE);
  });

  it("a user exporter re-exporting wasm memory through a buf accessor survives grow()", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const base = getBuffer(memory);
    const exporter = {
      [GET_BUFFER](flags: number): object {
        const info = fillInfo(this, new ArrayBuffer(16), 0, 16, false, flags);
        // A view of base: every read of buf resolves base afresh.
        return Object.defineProperty({ ...info }, "buf", { get: () => resolveBuffer(base), enumerable: true });
      },
    };
    const info = getBuffer(exporter);
    memory.grow(1);
    expect(resolveBuffer(info)).toBe(memory.buffer);
    releaseBuffer(base);
    expectError(() => resolveBuffer(info), "ValueError", "operation forbidden on a released buffer");
  });
});
