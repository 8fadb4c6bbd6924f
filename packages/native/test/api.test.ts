// src/api.ts over a fake binding: all the arithmetic and every check, with no
// compiler needed. The real addon is tested in addon.test.ts.
import { BufferError, BufferFlags, IndexError, getBuffer, releaseBuffer, writePointer } from "@mv/core";
import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { addressAlignment } from "../src/alignment.js";
import { type AddressExtent, createNativeApi } from "../src/api.js";
import { NO_EXTERNAL_BUFFERS_CODE } from "../src/binding.js";
import { fakeBinding } from "./support/fake-binding.js";
import { stridedExporter } from "./support/strided-exporter.js";
import { TYPED_ARRAYS } from "./support/typed-array-kinds.js";
import { outcome, viewCase } from "./support/view-arbitrary.js";

function setup() {
  const binding = fakeBinding();
  return { binding, api: createNativeApi(binding) };
}

function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}

function expectError(call: () => unknown, name: string, message: string | RegExp): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected a throw").toBeInstanceOf(Error);
  expect((thrown as Error).name).toBe(name);
  if (typeof message === "string") expect((thrown as Error).message).toBe(message);
  else expect((thrown as Error).message).toMatch(message);
}

describe("addressOf", () => {
  it.each(TYPED_ARRAYS.map((ctor) => [ctor.name, ctor] as const))(
    "gives buffer base + byteOffset for a %s subarray",
    (_name, ctor) => {
      const { binding, api } = setup();
      const whole = new ctor(16);
      const sub = whole.subarray(5);
      expect(api.addressOf(sub) - api.addressOf(whole)).toBe(BigInt(5 * ctor.BYTES_PER_ELEMENT));
      expect(api.addressOf(whole)).toBe(binding.baseOf(whole.buffer));
    },
  );

  it("handles ArrayBuffer, DataView and Node's Buffer", () => {
    const { binding, api } = setup();
    const buffer = new ArrayBuffer(32);
    expect(api.addressOf(buffer)).toBe(binding.baseOf(buffer));
    expect(api.addressOf(new DataView(buffer, 12, 4))).toBe(binding.baseOf(buffer) + 12n);
    const pooled = Buffer.from("a small string lives in the pool");
    expect(api.addressOf(pooled)).toBe(binding.baseOf(pooled.buffer) + BigInt(pooled.byteOffset));
  });

  it("reaches a SharedArrayBuffer through a view over it", () => {
    const { binding, api } = setup();
    const shared = new SharedArrayBuffer(64);
    expect(api.addressOf(shared)).toBe(binding.baseOf(shared));
    expect(api.addressOf(new Int32Array(shared, 8))).toBe(binding.baseOf(shared) + 8n);
    // The same view is reused: the address is stable.
    expect(api.addressOf(shared)).toBe(api.addressOf(shared));
  });

  it("handles WebAssembly.Memory", () => {
    const { binding, api } = setup();
    const memory = new WebAssembly.Memory({ initial: 1 });
    expect(api.addressOf(memory)).toBe(binding.baseOf(memory.buffer));
  });

  it("gives element [0] of a negative-stride view, not its lowest byte", () => {
    const { binding, api } = setup();
    const buf = new ArrayBuffer(40);
    const reversed = stridedExporter({ buf, offset: 36, itemsize: 4, shape: [10], strides: [-4] });
    expect(api.addressOf(reversed)).toBe(binding.baseOf(buf) + 36n);
  });

  it("refuses what is not an exporter with TypeError", () => {
    const { api } = setup();
    expectError(() => api.addressOf([1, 2, 3]), "TypeError", /a bytes-like object is required/);
    expectError(() => api.addressOf(42), "TypeError", /a bytes-like object is required/);
  });

  it("refuses detached memory with ValueError", () => {
    const { api } = setup();
    const bytes = new Uint8Array(16);
    detach(bytes.buffer);
    expect(() => api.addressOf(bytes)).toThrow(expect.objectContaining({ name: "ValueError" }));
    const buffer = new ArrayBuffer(8);
    detach(buffer);
    expectError(() => api.addressOf(buffer), "ValueError", /detached/);
  });

  it("releases the export, also when it throws", () => {
    const { api } = setup();
    let releases = 0;
    const buf = new ArrayBuffer(8);
    const exporter = {
      ...stridedExporter({ buf, offset: 0, itemsize: 1, shape: [8], strides: [1] }),
      [Symbol.for("mv.releasebuffer")]: () => releases++,
    };
    api.addressOf(exporter);
    expect(() => api.elementAddress(exporter, [8])).toThrow(IndexError);
    expect(releases).toBe(2);
  });
});

describe("elementAddress", () => {
  const buf = new ArrayBuffer(96);
  const grid = stridedExporter({ buf, offset: 0, itemsize: 4, shape: [3, 8], strides: [32, 4] });

  it("follows strides, with negative and bigint indices", () => {
    const { binding, api } = setup();
    const base = binding.baseOf(buf);
    expect(api.elementAddress(grid, [0, 0])).toBe(base);
    expect(api.elementAddress(grid, [2, 5])).toBe(base + 84n);
    expect(api.elementAddress(grid, [-1, -1])).toBe(base + 92n);
    expect(api.elementAddress(grid, [1n, 3n])).toBe(base + 44n);
  });

  it("checks every index: IndexError with CPython's wording", () => {
    const { api } = setup();
    expectError(() => api.elementAddress(grid, [3, 0]), "IndexError", "index out of bounds on dimension 1");
    expectError(() => api.elementAddress(grid, [0, 8]), "IndexError", "index out of bounds on dimension 2");
    expectError(() => api.elementAddress(grid, [0, -9]), "IndexError", "index out of bounds on dimension 2");
    expectError(() => api.elementAddress(grid, [2n ** 70n, 0]), "IndexError", "index out of bounds on dimension 1");
  });

  it("wants one integer per dimension", () => {
    const { api } = setup();
    expectError(() => api.elementAddress(grid, [1]), "TypeError", "cannot index 2-dimension view with 1-element tuple");
    expectError(() => api.elementAddress(grid, [1, 2, 3]), "TypeError", "cannot index 2-dimension view with 3-element tuple");
    expectError(() => api.elementAddress(grid, [1, 1.5]), "TypeError", "index 1 must be an integer, not 1.5");
    expectError(() => api.elementAddress(grid, [1, "2" as never]), "TypeError", "index 1 must be an integer, not 2");
    expectError(() => api.elementAddress(grid, 3 as never), "TypeError", /must be an array/);
  });

  it("gives the one element of a 0-dimensional export for []", () => {
    const { binding, api } = setup();
    const scalarBuf = new ArrayBuffer(16);
    const scalar = stridedExporter({ buf: scalarBuf, offset: 8, itemsize: 8, shape: [], strides: [] });
    expect(api.elementAddress(scalar, [])).toBe(binding.baseOf(scalarBuf) + 8n);
  });

  it("follows suboffsets through the pointers stored in the buffer", () => {
    const { binding, api } = setup();
    // A PIL-style image: a table of two row pointers, rows stored backwards.
    const image = new ArrayBuffer(48);
    writePointer(image, 0, 40); // row 0 at byte 40
    writePointer(image, 8, 24); // row 1 at byte 24
    const indirect = stridedExporter({
      buf: image,
      offset: 0,
      itemsize: 2,
      shape: [2, 4],
      strides: [8, 2],
      suboffsets: [0, -1],
    });
    const base = binding.baseOf(image);
    expect(api.elementAddress(indirect, [0, 0])).toBe(base + 40n);
    expect(api.elementAddress(indirect, [0, 3])).toBe(base + 46n);
    expect(api.elementAddress(indirect, [1, 2])).toBe(base + 28n);
  });
});

describe("extentOf", () => {
  it("spans a contiguous view", () => {
    const { binding, api } = setup();
    const data = new Int16Array(10);
    const extent = api.extentOf(data);
    expect(extent).toEqual({ start: binding.baseOf(data.buffer), end: binding.baseOf(data.buffer) + 20n, byteLength: 20 });
    expectTypeOf(extent).toEqualTypeOf<AddressExtent>();
  });

  it("starts below element 0 with a negative stride", () => {
    const { binding, api } = setup();
    const buf = new ArrayBuffer(24);
    const view = stridedExporter({ buf, offset: 20, itemsize: 4, shape: [2, 3], strides: [-12, -4] });
    const base = binding.baseOf(buf);
    expect(api.extentOf(view)).toEqual({ start: base, end: base + 24n, byteLength: 24 });
    expect(api.addressOf(view)).toBe(base + 20n);
  });

  it("is empty for a view with a dimension of 0", () => {
    const { binding, api } = setup();
    const buf = new ArrayBuffer(8);
    const empty = stridedExporter({ buf, offset: 4, itemsize: 1, shape: [4, 0], strides: [1, 1] });
    const at = binding.baseOf(buf) + 4n;
    expect(api.extentOf(empty)).toEqual({ start: at, end: at, byteLength: 0 });
  });

  it("covers the pointer slots and rows of an indirect view", () => {
    const { binding, api } = setup();
    const image = new ArrayBuffer(64);
    writePointer(image, 0, 40);
    writePointer(image, 8, 32);
    const indirect = stridedExporter({
      buf: image,
      offset: 0,
      itemsize: 1,
      shape: [2, 4],
      strides: [8, 1],
      suboffsets: [0, -1],
    });
    const base = binding.baseOf(image);
    expect(api.extentOf(indirect)).toEqual({ start: base, end: base + 44n, byteLength: 44 });
  });
});

describe("alignmentOf", () => {
  it("of an address: the largest power of two dividing it", () => {
    const { api } = setup();
    expect(api.alignmentOf(0x7f00_1230n)).toBe(16);
    expect(api.alignmentOf(1n)).toBe(1);
    expect(api.alignmentOf(1n << 40n)).toBe(2 ** 40);
    expect(api.alignmentOf(0n)).toBe(Number.POSITIVE_INFINITY);
    expectError(() => api.alignmentOf(-8n), "ValueError", "address -8 is outside [0, 2**64)");
    expectError(() => api.alignmentOf(1n << 64n), "ValueError", /outside \[0, 2\*\*64\)/);
  });

  it("of a view: what every element's address has", () => {
    const { api } = setup();
    const buffer = new ArrayBuffer(64);
    expect(api.alignmentOf(new Float64Array(buffer, 8, 2))).toBe(8);
    expect(api.alignmentOf(new Uint8Array(buffer, 1, 3))).toBe(1);
    // A single element: only its own address counts.
    expect(api.alignmentOf(new Uint8Array(buffer, 32, 1))).toBe(32);
    // Stride 12 moves by 4 mod 8: the elements are only 4-aligned.
    const strided = stridedExporter({ buf: buffer, offset: 0, itemsize: 4, shape: [4], strides: [12] });
    expect(api.alignmentOf(strided)).toBe(4);
    const reversed = stridedExporter({ buf: buffer, offset: 48, itemsize: 8, shape: [4], strides: [-16] });
    expect(api.alignmentOf(reversed)).toBe(16);
  });

  it("of an indirect view: visits every element", () => {
    const { api } = setup();
    const image = new ArrayBuffer(64);
    writePointer(image, 0, 32);
    writePointer(image, 8, 50); // the second row is only 2-aligned
    const indirect = stridedExporter({
      buf: image,
      offset: 0,
      itemsize: 2,
      shape: [2, 2],
      strides: [8, 4],
      suboffsets: [0, -1],
    });
    expect(api.alignmentOf(indirect)).toBe(2);
  });
});

describe("fromAddress", () => {
  it("hands the region and finalizer to the binding", () => {
    const { binding, api } = setup();
    const finalize = (): void => {};
    const buffer = api.fromAddress(0x1000n, 16, { finalize });
    expect(buffer.byteLength).toBe(16);
    expect(binding.wraps).toEqual([{ address: 0x1000n, byteLength: 16, finalize }]);
    api.fromAddress(0x2000n, 0);
    expect(binding.wraps[1]).toEqual({ address: 0x2000n, byteLength: 0, finalize: undefined });
  });

  it("checks the address and length", () => {
    const { api } = setup();
    expectError(() => api.fromAddress(0n, 8), "ValueError", "fromAddress(): NULL pointer access");
    expectError(() => api.fromAddress(-1n, 8), "ValueError", "fromAddress(): address -1 is outside [0, 2**64)");
    expectError(() => api.fromAddress(1n << 64n, 8), "ValueError", /is outside \[0, 2\*\*64\)/);
    expectError(() => api.fromAddress(4096 as never, 8), "TypeError", "fromAddress(): the address must be a bigint, not number");
    expectError(() => api.fromAddress(8n, -1), "ValueError", "fromAddress(): byteLength must be a non-negative integer, not -1");
    expectError(() => api.fromAddress(8n, 1.5), "ValueError", /non-negative integer, not 1.5/);
    expectError(() => api.fromAddress(8n, Number.NaN), "ValueError", /non-negative integer, not NaN/);
    expectError(() => api.fromAddress(8n, "8" as never), "TypeError", "fromAddress(): byteLength must be a number, not string");
    expectError(
      () => api.fromAddress((1n << 64n) - 4n, 8),
      "ValueError",
      "fromAddress(): the region runs past the end of the address space",
    );
  });

  it("checks the options", () => {
    const { api } = setup();
    expectError(() => api.fromAddress(8n, 8, 1 as never), "TypeError", "fromAddress(): options must be an object, not number");
    expectError(
      () => api.fromAddress(8n, 8, { readonly: 1 as never }),
      "TypeError",
      "fromAddress(): options.readonly must be a boolean, not number",
    );
    expectError(
      () => api.fromAddress(8n, 8, { finalize: "free" as never }),
      "TypeError",
      "fromAddress(): options.finalize must be a function, not string",
    );
  });

  it("exports a read-only buffer through the protocol", () => {
    const { api } = setup();
    const buffer = api.fromAddress(0x1000n, 8, { readonly: true });
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    const info = getBuffer(buffer);
    expect([info.readonly, info.len, info.buf]).toEqual([true, 8, buffer]);
    releaseBuffer(info);
    expect(() => getBuffer(buffer, BufferFlags.WRITABLE)).toThrow(BufferError);
    const writable = api.fromAddress(0x1000n, 8);
    const writableInfo = getBuffer(writable, BufferFlags.WRITABLE);
    expect(writableInfo.readonly).toBe(false);
    releaseBuffer(writableInfo);
  });

  it("says clearly when the runtime forbids external buffers", () => {
    const refusal = Object.assign(new Error("this runtime forbids external ArrayBuffers"), {
      code: NO_EXTERNAL_BUFFERS_CODE,
    });
    const api = createNativeApi(fakeBinding({ wrapError: refusal }));
    expectError(
      () => api.fromAddress(0x1000n, 8),
      "NotImplementedError",
      "fromAddress(): this runtime forbids external ArrayBuffers",
    );
    try {
      api.fromAddress(0x1000n, 8);
    } catch (error) {
      expect((error as Error).cause).toBe(refusal);
    }
    // Any other refusal of the engine is a bad argument value, never a raw engine error.
    const other = Object.assign(new Error("Cannot create a Buffer larger than 0x100000000 bytes"), {
      code: "ERR_BUFFER_TOO_LARGE",
    });
    expectError(
      () => createNativeApi(fakeBinding({ wrapError: other })).fromAddress(8n, 8),
      "ValueError",
      "fromAddress(): Cannot create a Buffer larger than 0x100000000 bytes",
    );
  });
});

describe("without the addon", () => {
  const loadError = new Error("@mv/native: the native addon is not built");
  const api = createNativeApi(null, loadError);

  it("every call throws the stored error", () => {
    expect(() => api.addressOf(new Uint8Array(4))).toThrow(loadError);
    expect(() => api.elementAddress(new Uint8Array(4), [0])).toThrow(loadError);
    expect(() => api.fromAddress(0x1000n, 4)).toThrow(loadError);
    expect(() => api.extentOf(new Uint8Array(4))).toThrow(loadError);
    expect(() => api.alignmentOf(new Uint8Array(4))).toThrow(loadError);
  });

  it("alignmentOf of a bigint needs no memory", () => {
    expect(api.alignmentOf(0x40n)).toBe(64);
  });
});

// The fast arithmetic against a naive model: every element's address by
// summing index × stride, the extent as the min and max over those, the
// alignment as the common power of two of all of them.
describe("against a naive model", () => {
  const layout = fc
    .array(fc.record({ length: fc.integer({ min: 0, max: 4 }), step: fc.integer({ min: -3, max: 3 }) }), {
      minLength: 0,
      maxLength: 3,
    })
    .chain((dims) =>
      fc.record({
        dims: fc.constant(dims),
        itemsize: fc.constantFrom(1, 2, 4, 8),
        slack: fc.integer({ min: 0, max: 9 }),
      }),
    );

  it("elementAddress, extentOf and alignmentOf agree with it", () => {
    fc.assert(
      fc.property(layout, ({ dims, itemsize, slack }) => {
        const shape = dims.map((dim) => dim.length);
        const strides = dims.map((dim) => dim.step * itemsize);
        // Place element 0 so that the lowest reachable byte is `slack`.
        let below = 0;
        let above = 0;
        for (const [dim, length] of shape.entries()) {
          const span = strides[dim]! * Math.max(length - 1, 0);
          if (span < 0) below -= span;
          else above += span;
        }
        const offset = slack + below;
        const buf = new ArrayBuffer(offset + above + itemsize + slack);
        const view = stridedExporter({ buf, offset, itemsize, shape, strides });
        const { binding, api } = setup();
        const base = binding.baseOf(buf);

        const addresses: bigint[] = [];
        const visit = (dim: number, indices: number[]): void => {
          if (dim === shape.length) {
            const naive = base + BigInt(offset + indices.reduce((sum, index, d) => sum + index * strides[d]!, 0));
            expect(api.elementAddress(view, indices)).toBe(naive);
            addresses.push(naive);
            return;
          }
          for (let index = 0; index < shape[dim]!; index++) visit(dim + 1, [...indices, index]);
        };
        visit(0, []);

        const extent = api.extentOf(view);
        if (addresses.length === 0) {
          expect(extent.byteLength).toBe(0);
        } else {
          // biome-ignore lint/complexity/useMathMinMax: the addresses are bigints, which Math.min refuses
          const lowest = addresses.reduce((a, b) => (a < b ? a : b));
          // biome-ignore lint/complexity/useMathMinMax: the addresses are bigints, which Math.max refuses
          const highest = addresses.reduce((a, b) => (a > b ? a : b));
          expect(extent.start).toBe(lowest);
          expect(extent.end).toBe(highest + BigInt(itemsize));
          expect(extent.byteLength).toBe(Number(extent.end - extent.start));
          const common = Math.min(...addresses.map(addressAlignment));
          expect(api.alignmentOf(view)).toBe(common);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("addressOf's fast path against its slow twin (fake binding)", () => {
  it("agree on every kind of view, buffer and state", () => {
    fc.assert(
      fc.property(viewCase, (testCase) => {
        const binding = fakeBinding();
        const fast = createNativeApi(binding);
        const slow = createNativeApi(binding, undefined, { directPath: false });
        const view = testCase.make();
        expect(
          outcome(() => fast.addressOf(view)),
          testCase.describe,
        ).toEqual(outcome(() => slow.addressOf(view)));
      }),
      { numRuns: 500 },
    );
  });
});
