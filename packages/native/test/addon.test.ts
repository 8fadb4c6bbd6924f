// The compiled addon, through the public API: real addresses of real memory.
import { BufferError, BufferFlags, GET_BUFFER, MemoryView, getBuffer, releaseBuffer } from "@mv/core";
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { expect, it } from "vitest";
import { addressOf, createNativeApi, alignmentOf, elementAddress, extentOf, fromAddress } from "../src/index.js";
import { addonCandidates, binding } from "../src/load.js";
import { describeNative } from "./support/native-suite.js";
import { stridedExporter } from "./support/strided-exporter.js";
import { TYPED_ARRAYS } from "./support/typed-array-kinds.js";
import { growableSharedArrayBuffer, resizableArrayBuffer } from "./support/resizable.js";
import { outcome, viewCase } from "./support/view-arbitrary.js";

/** A view of the same bytes at `address`, through fromAddress. */
function bytesAt(address: bigint, byteLength: number): Uint8Array {
  return new Uint8Array(fromAddress(address, byteLength));
}

function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}

async function collectGarbage(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describeNative("addressOf on real memory", () => {
  it.each(TYPED_ARRAYS.map((ctor) => [ctor.name, ctor] as const))(
    "addressOf(subview) − addressOf(base) is the byte offset (%s)",
    (_name, ctor) => {
      const whole = new ctor(32);
      for (const start of [0, 1, 7, 31]) {
        const sub = whole.subarray(start);
        expect(addressOf(sub) - addressOf(whole)).toBe(BigInt(start * ctor.BYTES_PER_ELEMENT));
      }
      expect(addressOf(whole)).toBe(addressOf(whole.buffer));
    },
  );

  it("is the address of the memory itself: writes there show in the array", () => {
    const numbers = new Int32Array([1, 2, 3, 4]);
    const alias = new Int32Array(fromAddress(elementAddress(numbers, [2]), 8));
    alias[0] = -30;
    alias[1] = -40;
    expect([...numbers]).toEqual([1, 2, -30, -40]);
  });

  it("handles DataView and Node's pooled Buffer", () => {
    const buffer = new ArrayBuffer(64);
    expect(addressOf(new DataView(buffer, 24)) - addressOf(buffer)).toBe(24n);
    const pooled = Buffer.from("pooled: shares an 8 KiB slab with others");
    expect(addressOf(pooled) - addressOf(pooled.buffer)).toBe(BigInt(pooled.byteOffset));
    expect(Buffer.from(bytesAt(addressOf(pooled), 6)).toString()).toBe("pooled");
  });

  it("handles SharedArrayBuffer, growable ones included", () => {
    const shared = growableSharedArrayBuffer(16, 4096);
    const before = addressOf(shared);
    expect(addressOf(new Int32Array(shared, 8)) - before).toBe(8n);
    new Uint8Array(shared)[3] = 77;
    expect(bytesAt(before, 4)[3]).toBe(77);
    shared.grow(4096);
    // A growable SharedArrayBuffer reserves its maximum up front: it never moves.
    expect(addressOf(shared)).toBe(before);
  });

  it("handles resizable ArrayBuffers, within the view", () => {
    const resizable = resizableArrayBuffer(16, 64);
    const before = addressOf(resizable);
    resizable.resize(64);
    expect(addressOf(resizable)).toBe(before);
    const tracking = new Uint16Array(resizable, 4);
    expect(addressOf(tracking) - before).toBe(4n);
  });

  it("handles WebAssembly.Memory", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    expect(addressOf(memory)).toBe(addressOf(memory.buffer));
    new Uint8Array(memory.buffer)[100] = 5;
    expect(bytesAt(addressOf(memory) + 100n, 1)[0]).toBe(5);
  });

  it("gives element [0] of a negative-stride view; extentOf gives its lowest byte", () => {
    const data = new Int32Array([0, 1, 2, 3, 4, 5, 6, 7]);
    const reversed = stridedExporter({ buf: data.buffer, offset: 28, itemsize: 4, shape: [8], strides: [-4] });
    expect(addressOf(reversed) - addressOf(data)).toBe(28n);
    expect(extentOf(reversed)).toEqual({ start: addressOf(data), end: addressOf(data) + 32n, byteLength: 32 });
    expect(new Int32Array(fromAddress(elementAddress(reversed, [1]), 4))[0]).toBe(6);
  });

  it("elementAddress on a 2-D strided view lands on the element", () => {
    const data = Float64Array.from({ length: 24 }, (_, i) => i);
    // Every other column of a 4×6 matrix: shape [4, 3], strides [48, 16].
    const columns = stridedExporter({ buf: data.buffer, offset: 0, itemsize: 8, format: "d", shape: [4, 3], strides: [48, 16] });
    const at = (i: number, j: number): number => new Float64Array(fromAddress(elementAddress(columns, [i, j]), 8))[0]!;
    expect(at(0, 0)).toBe(0);
    expect(at(1, 2)).toBe(10);
    expect(at(-1, -1)).toBe(22);
    expect(alignmentOf(columns)).toBe(Math.min(16, alignmentOf(addressOf(data))));
  });

  it("alignmentOf a zero-stride indirect export of 2**50 items visits its one pointer slot", () => {
    const buf = new ArrayBuffer(16);
    new BigUint64Array(buf)[0] = 8n; // the pointer: byte offset 8 of the same buffer
    const exporter = stridedExporter({
      buf,
      offset: 0,
      itemsize: 1,
      shape: [2 ** 25, 2 ** 25],
      strides: [0, 0],
      suboffsets: [0, -1],
    });
    expect(alignmentOf(exporter)).toBe(alignmentOf(addressOf(buf) + 8n));
  });

  it("fromAddress refuses a length past what an ArrayBuffer holds with ValueError", () => {
    for (const length of [2 ** 53 - 1, 2 ** 40]) {
      let caught: unknown;
      try {
        fromAddress(0x1000n, length);
      } catch (error) {
        caught = error;
      }
      expect((caught as Error).name).toBe("ValueError");
      expect((caught as Error).message).toMatch(/^fromAddress\(\): /);
    }
  });

  it("throws for detached buffers and out-of-range indices", () => {
    const typed = new Float32Array(8);
    detach(typed.buffer);
    expect(() => addressOf(typed)).toThrow(expect.objectContaining({ name: "ValueError" }));
    const buffer = new ArrayBuffer(8);
    detach(buffer);
    expect(() => addressOf(buffer)).toThrow(expect.objectContaining({ name: "ValueError" }));
    expect(() => extentOf(buffer)).toThrow(expect.objectContaining({ name: "ValueError" }));
    const live = new Uint16Array(4);
    expect(() => elementAddress(live, [4])).toThrow(
      expect.objectContaining({ name: "IndexError", message: "index out of bounds on dimension 1" }),
    );
    expect(() => elementAddress(live, [-5])).toThrow(expect.objectContaining({ name: "IndexError" }));
  });

  it("alignment of real buffers: ArrayBuffers are at least 8-aligned", () => {
    expect(alignmentOf(addressOf(new ArrayBuffer(1024)))).toBeGreaterThanOrEqual(8);
    expect(alignmentOf(new Float64Array(16))).toBeGreaterThanOrEqual(8);
    // Bytes: the second element is one byte further, so 1.
    expect(alignmentOf(new ArrayBuffer(1024))).toBe(1);
    const buffer = new ArrayBuffer(64);
    expect(alignmentOf(new Uint8Array(buffer, 3))).toBe(1);
  });
});

describeNative("fromAddress on real memory", () => {
  it("round trip: the wrapped buffer is the same memory, both ways", () => {
    const original = new Uint8Array(256).map((_, i) => i);
    const wrapped = new Uint8Array(fromAddress(addressOf(original), original.byteLength));
    expect(wrapped).toEqual(original);
    wrapped[10] = 200;
    original[11] = 201;
    expect([original[10], wrapped[11]]).toEqual([200, 201]);
    expect(addressOf(wrapped)).toBe(addressOf(original));
  });

  it("readonly: exported read-only through the protocol", () => {
    const original = new Uint8Array(16);
    const wrapped = fromAddress(addressOf(original), 16, { readonly: true });
    const info = getBuffer(wrapped);
    expect(info.readonly).toBe(true);
    releaseBuffer(info);
    expect(() => getBuffer(wrapped, BufferFlags.WRITABLE)).toThrow(BufferError);
    expect(typeof (wrapped as unknown as Record<symbol, unknown>)[GET_BUFFER]).toBe("function");
  });

  it("an empty region is fine", () => {
    expect(fromAddress(addressOf(new ArrayBuffer(8)), 0).byteLength).toBe(0);
  });

  it("calls the finalizer once the buffer is collected", async () => {
    expect(globalThis.gc, "tests run with --expose-gc (vitest.config.ts)").toBeTypeOf("function");
    const keepAlive = new Uint8Array(32);
    const calls: [bigint, number][] = [];
    const address = addressOf(keepAlive);
    (() => {
      fromAddress(address, 32, { finalize: (at, byteLength) => calls.push([at, byteLength]) });
    })();
    for (let attempt = 0; attempt < 20 && calls.length === 0; attempt++) await collectGarbage();
    expect(calls).toEqual([[address, 32]]);
    expect(keepAlive.byteLength).toBe(32);
  });
});

describeNative("the raw addon checks its arguments", () => {
  it("throws TypeError and RangeError, never crashes", () => {
    const addon = binding!;
    const typeErrors: (() => unknown)[] = [
      () => (addon.baseAddress as (...args: unknown[]) => unknown)(),
      () => addon.baseAddress(42 as never),
      () => addon.baseAddress(new SharedArrayBuffer(8) as never),
      () => addon.isDetached(new Uint8Array(2) as never),
      () => addon.wrapAddress(8 as never, 8),
      () => addon.wrapAddress(8n, "8" as never),
      () => addon.wrapAddress(8n, 8, 42 as never),
    ];
    for (const call of typeErrors) expect(call).toThrow(TypeError);
    const rangeErrors: (() => unknown)[] = [
      () => addon.wrapAddress(-1n, 8),
      () => addon.wrapAddress(1n << 64n, 8),
      () => addon.wrapAddress(8n, -1),
      () => addon.wrapAddress(8n, 0.5),
    ];
    for (const call of rangeErrors) expect(call).toThrow(RangeError);
  });
});

describeNative("addressOf's fast path against its slow twin (real addon)", () => {
  it("agree on every kind of view, buffer and state", () => {
    const slow = createNativeApi(binding, undefined, { directPath: false });
    fc.assert(
      fc.property(viewCase, (testCase) => {
        const view = testCase.make();
        expect(
          outcome(() => addressOf(view)),
          testCase.describe,
        ).toEqual(outcome(() => slow.addressOf(view)));
      }),
      { numRuns: 500 },
    );
  });
});

describeNative("MemoryView views", () => {
  it("addressOf a slice is the base plus the slice's byte offset, negative steps included", () => {
    const data = Int32Array.from({ length: 12 }, (_, i) => i);
    const view = MemoryView.from(data);
    expect(addressOf(view)).toBe(addressOf(data));
    expect(addressOf(view.slice([3])) - addressOf(data)).toBe(12n);
    const backwards = view.slice([null, null, -2]);
    expect(addressOf(backwards) - addressOf(data)).toBe(44n);
    expect(extentOf(backwards)).toEqual({ start: addressOf(data) + 4n, end: addressOf(data) + 48n, byteLength: 44 });
  });

  it("elementAddress on a reshaped, sliced, transposed view", () => {
    const data = Float64Array.from({ length: 24 }, (_, i) => i);
    const matrix = MemoryView.from(data).reshape([4, 6]);
    const block = matrix.slice([1, 3], [null, null, 2]).transpose(); // shape [3, 2]
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) {
        const at = elementAddress(block, [i, j]);
        expect(new Float64Array(fromAddress(at, 8))[0]).toBe(block.get(i, j));
      }
    }
    expect(() => elementAddress(block, [3, 0])).toThrow(
      expect.objectContaining({ name: "IndexError", message: "index out of bounds on dimension 1" }),
    );
  });

  it("a released view throws ValueError", () => {
    const view = MemoryView.from(new Uint8Array(8));
    view.release();
    expect(() => addressOf(view)).toThrow(expect.objectContaining({ name: "ValueError" }));
  });
});

describeNative("a finalizer that throws", () => {
  it("is reported as an uncaught exception, and the process goes on", () => {
    // In a child process: an uncaught exception would end vitest's worker.
    const script = `
      const addon = require(${JSON.stringify(addonCandidates()[0])});
      process.on("uncaughtException", (error) => console.log("uncaught:", error.message));
      const keep = new Uint8Array(8);
      (() => { addon.wrapAddress(addon.baseAddress(keep.buffer), 8, () => { throw new Error("boom"); }); })();
      (async () => {
        for (let i = 0; i < 10; i++) { gc(); await new Promise((resolve) => setTimeout(resolve, 10)); }
        console.log("still running");
      })();`;
    const result = spawnSync(process.execPath, ["--expose-gc", "-e", script], { encoding: "utf8" });
    expect(result.stdout).toBe("uncaught: boom\nstill running\n");
    expect(result.status).toBe(0);
  });
});
