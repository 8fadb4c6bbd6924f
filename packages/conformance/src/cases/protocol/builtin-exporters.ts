/**
 * The JavaScript objects the contract makes exporters with no symbol
 * (SPEC §1.5): ArrayBuffer, SharedArrayBuffer (growable too), resizable
 * ArrayBuffers, every TypedArray kind with its format, length-tracking
 * TypedArrays, DataView, Node's Buffer, WebAssembly.Memory. Through
 * `memoryview`, each must show the contract's format, item size and shape,
 * read the object's current contents, write through to it, and notice a
 * detach, a shrink below the view, or a `memory.grow()` (which the view
 * survives).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as flags from "./flags.js";

/** A TypedArray kind, its contract format, and two values to store. */
const KINDS: [string, string, number, unknown, unknown][] = [
  ["Int8Array", "b", 1, -5, 127],
  ["Uint8Array", "B", 1, 200, 7],
  ["Uint8ClampedArray", "B", 1, 255, 0],
  ["Int16Array", "h", 2, -30000, 12345],
  ["Uint16Array", "H", 2, 65535, 1],
  ["Int32Array", "i", 4, -2147483648, 99],
  ["Uint32Array", "I", 4, 4294967295, 3],
  ["Float32Array", "f", 4, 1.5, -0.25],
  ["Float64Array", "d", 8, 0.1, -1e300],
  ["BigInt64Array", "q", 8, -(2n ** 63n), 5n],
  ["BigUint64Array", "Q", 8, 2n ** 64n - 1n, 6n],
];

type TypedArrayCtor = new (
  buffer: ArrayBufferLike,
  byteOffset?: number,
  length?: number,
) => ArrayLike<unknown> & {
  [index: number]: unknown;
  readonly length: number;
};

function ctorOf(name: string): TypedArrayCtor | undefined {
  return (globalThis as Record<string, unknown>)[name] as TypedArrayCtor | undefined;
}

/** Each TypedArray kind: format, itemsize, shape, values, writes both ways. */
export function typedArrays(ctx: Context): void {
  for (const [name, format, itemsize, first, second] of KINDS) {
    const Ctor = ctorOf(name);
    if (Ctor === undefined) continue;
    ctx.test(`${name} exports format '${format}', its items, writable`, () => {
      // Three items, starting one item into a larger buffer.
      const ta = new Ctor(new ArrayBuffer(itemsize * 5), itemsize, 3);
      ta[0] = first;
      ta[2] = second;
      const m = ctx.memoryview(ta);
      assertSameValue(
        [m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly],
        [format, itemsize, 1, [3], [itemsize], false],
        `memoryview(${name}) attributes`,
      );
      assertSameValue(m.nbytes, 3 * itemsize, "nbytes");
      assertSameValue(m.tolist(), [ta[0], ta[1], ta[2]], "tolist() reads the array");
      m.set(1, second);
      assertSameValue(ta[1], second, "a write through the view reaches the array");
      ta[0] = second;
      assertSameValue(m.get(0), second, "the view reads the array's current contents");
      assertSameValue(m.obj, ta, "obj is the array");
    });
  }
  ctx.test(`a length-tracking TypedArray follows its resizable buffer`, () => {
    const buffer = new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(8, { maxByteLength: 32 });
    const ta = new Int16Array(buffer);
    ta[3] = -7;
    const m = ctx.memoryview(ta);
    assertSameValue([m.format, m.shape], ["h", [4]], "the view of 8 bytes");
    assertSameValue(m.get(3), -7, "its last item");
    (buffer as unknown as { resize(n: number): void }).resize(16);
    const grown = ctx.memoryview(ta);
    assertSameValue(grown.shape, [8], "a new view after the buffer grew sees every item");
    assertSameValue(m.get(3), -7, "the first view still reads its items");
  });
}

/** ArrayBuffer, DataView and SharedArrayBuffer: bytes, 'B'. */
export function byteExporters(ctx: Context): void {
  ctx.test(`ArrayBuffer exports its bytes as 'B', writable`, () => {
    const buffer = new ArrayBuffer(6);
    new Uint8Array(buffer).set([1, 2, 3, 4, 5, 6]);
    const m = ctx.memoryview(buffer);
    assertSameValue([m.format, m.itemsize, m.shape, m.readonly, m.nbytes], ["B", 1, [6], false, 6], "memoryview(ArrayBuffer)");
    m.set(5, 66);
    assertSameValue(new Uint8Array(buffer)[5], 66, "a write reaches the buffer");
    assertSameValue(m.obj, buffer, "obj");
  });
  ctx.test(`DataView exports its window of bytes as 'B'`, () => {
    const buffer = new ArrayBuffer(10);
    new Uint8Array(buffer).set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const m = ctx.memoryview(new DataView(buffer, 3, 4));
    assertSameValue([m.format, m.shape, m.readonly], ["B", [4], false], "memoryview(DataView)");
    assertSameValue(m.tolist(), [3, 4, 5, 6], "the window's bytes");
    m.set(0, 99);
    assertSameValue(new Uint8Array(buffer)[3], 99, "a write lands at the window's offset");
  });
  if (ctx.supports.sharedArrayBuffer && typeof SharedArrayBuffer !== "undefined") {
    ctx.test(`SharedArrayBuffer and a growable one export their bytes`, () => {
      const shared = new SharedArrayBuffer(4);
      const m = ctx.memoryview(shared);
      m.set(2, 9);
      assertSameValue([m.format, m.shape, new Uint8Array(shared)[2]], ["B", [4], 9], "memoryview(SharedArrayBuffer)");
      const growable = new (SharedArrayBuffer as unknown as new (n: number, o: object) => SharedArrayBuffer)(4, {
        maxByteLength: 16,
      });
      const before = ctx.memoryview(growable);
      (growable as unknown as { grow(n: number): void }).grow(12);
      assertSameValue(before.shape, [4], "a view keeps the length it was made with");
      assertSameValue(ctx.memoryview(growable).shape, [12], "a new view sees the grown buffer");
    });
  }
}

/** WebAssembly.Memory: 'B', writable, and a view survives `grow()`. */
export function wasmMemory(ctx: Context): void {
  if (typeof WebAssembly === "undefined" || typeof WebAssembly.Memory !== "function") {
    ctx.skip(`WebAssembly.Memory`, "this runtime has no WebAssembly.Memory");
    return;
  }
  ctx.test(`WebAssembly.Memory exports its pages as 'B', and a view survives grow()`, () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
    new Uint8Array(memory.buffer)[100] = 42;
    const m = ctx.memoryview(memory);
    assertSameValue([m.format, m.itemsize, m.shape, m.readonly], ["B", 1, [65536], false], "memoryview(memory)");
    assertSameValue(m.get(100), 42, "reads the memory");
    memory.grow(1);
    assertSameValue(
      attempt(() => m.get(100), "read after grow()"),
      42,
      "the view reads the grown memory",
    );
    m.set(101, 7);
    assertSameValue(new Uint8Array(memory.buffer)[101], 7, "a write after grow() reaches the new buffer");
    assertSameValue(ctx.memoryview(memory).shape, [131072], "a new view sees both pages");
  });
}

/** Node's Buffer, where the runtime has one: 'B' over its window. */
export function nodeBuffer(ctx: Context): void {
  const NodeBuffer = (globalThis as { Buffer?: { from(data: number[]): Uint8Array } }).Buffer;
  if (NodeBuffer === undefined) {
    ctx.skip(`Buffer`, "this runtime has no Buffer");
    return;
  }
  ctx.test(`a Node Buffer exports its bytes as 'B'`, () => {
    const b = NodeBuffer.from([5, 6, 7]);
    const m = ctx.memoryview(b);
    assertSameValue([m.format, m.shape, m.tolist()], ["B", [3], [5, 6, 7]], "memoryview(Buffer)");
    m.set(0, 1);
    assertSameValue(b[0], 1, "a write reaches the Buffer");
  });
}

/** Memory that leaves: a detached buffer, a shrunk resizable one. */
export function memoryThatLeaves(ctx: Context): void {
  if (ctx.supports.detach) {
    for (const [label, make] of [
      ["ArrayBuffer", (buffer: ArrayBuffer) => buffer],
      ["Float64Array", (buffer: ArrayBuffer) => new Float64Array(buffer)],
      ["DataView", (buffer: ArrayBuffer) => new DataView(buffer)],
    ] as const) {
      ctx.test(`a view of a ${label} whose buffer is detached throws ValueError`, () => {
        const buffer = new ArrayBuffer(16);
        const m = ctx.memoryview(make(buffer));
        structuredClone(buffer, { transfer: [buffer] });
        assertThrows(() => m.tolist(), { name: "ValueError" }, "tolist() after the detach");
        assertThrows(() => m.get(0), { name: "ValueError" }, "get(0) after the detach");
        assertThrows(() => m.set(0, 1), { name: "ValueError" }, "set(0) after the detach");
        assertThrows(() => m.tobytes(), { name: "ValueError" }, "tobytes() after the detach");
      });
    }
    ctx.test(`memoryview() of an already detached ArrayBuffer throws ValueError`, () => {
      const buffer = new ArrayBuffer(16);
      structuredClone(buffer, { transfer: [buffer] });
      assertThrows(() => ctx.memoryview(buffer).tolist(), { name: "ValueError" }, "memoryview(detached)");
    });
  }
  if (ctx.supports.resizable) {
    ctx.test(`a view of a resizable ArrayBuffer shrunk below it throws ValueError`, () => {
      const buffer = new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(8, { maxByteLength: 16 });
      new Uint8Array(buffer)[7] = 9;
      const m = ctx.memoryview(new Uint8Array(buffer, 0, 8));
      (buffer as unknown as { resize(n: number): void }).resize(4);
      assertThrows(() => m.get(7), { name: "ValueError" }, "get(7) after the shrink");
      assertThrows(() => m.tolist(), { name: "ValueError" }, "tolist() after the shrink");
    });
  }
}

/**
 * Subclasses of the built-in views export as their base class does, whatever
 * they are called: a browser polyfill's `Buffer` (a Uint8Array subclass with
 * a static `isBuffer`) is bytes like Node's, and a DataView subclass so
 * named is still a window of bytes.
 */
export function subclasses(ctx: Context): void {
  const named = <T extends abstract new (...args: never[]) => object>(Base: T, name: string) => {
    const Sub = class extends (Base as unknown as new (...args: unknown[]) => object) {
      static isBuffer(x: unknown): boolean {
        return x instanceof Sub;
      }
    };
    Object.defineProperty(Sub, "name", { value: name });
    return Sub as unknown as new (
      ...args: unknown[]
    ) => ArrayBufferView;
  };
  const cases: [string, () => ArrayBufferView, string, unknown[]][] = [
    ["a Uint8Array subclass named Buffer", () => new (named(Uint8Array, "Buffer"))([1, 2, 3]), "B", [1, 2, 3]],
    ["an Int16Array subclass named Buffer", () => new (named(Int16Array, "Buffer"))([-1, 2]), "h", [-1, 2]],
    ["a Float64Array subclass", () => new (named(Float64Array, "Vector"))([0.5]), "d", [0.5]],
    ["a DataView subclass named Buffer", () => new (named(DataView, "Buffer"))(Uint8Array.of(4, 5, 6).buffer, 1), "B", [5, 6]],
  ];
  for (const [label, make, format, items] of cases) {
    ctx.test(`${label} exports as its base class`, () => {
      const view = make();
      const m = attempt(() => ctx.memoryview(view), `memoryview(${label})`);
      assertSameValue([m.format, m.shape, m.tolist()], [format, [items.length], items], `memoryview(${label})`);
      assertSameValue(m.obj === view, true, "obj is the view itself");
    });
  }
}

/** The `protocol/builtin-exporters` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "protocol/builtin-exporters",
  about:
    "ArrayBuffer, SharedArrayBuffer, every TypedArray, DataView, WebAssembly.Memory and Node's Buffer, through getBuffer and memoryview",
  entries: [
    { needs: ["getBuffer"], cases: flags.builtins },
    {
      needs: ["memoryview"],
      cases: (ctx) => {
        typedArrays(ctx);
        byteExporters(ctx);
        wasmMemory(ctx);
        nodeBuffer(ctx);
        subclasses(ctx);
        memoryThatLeaves(ctx);
      },
    },
  ],
};
