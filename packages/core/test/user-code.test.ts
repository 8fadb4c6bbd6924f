/**
 * Issue 16, class 1: user code in the middle of an operation. Every public
 * reading and writing operation of @mv/core, with a hook at each point where
 * user code runs in it, for each thing the hook can do to the memory (see
 * support/user-code-harness.ts for the rule and the checks).
 */

import { describe, expect, test } from "vitest";
import {
  BufferFlags,
  type BufferInfo,
  copyBuffer,
  fromContiguous,
  GET_BUFFER,
  getBuffer,
  getPointer,
  iterUnpack,
  MemoryView,
  pack,
  packInto,
  RELEASE_BUFFER,
  releaseBuffer,
  RecordStruct,
  Struct,
  toContiguous,
  unpackFrom,
} from "../src/index.js";
import { defineHarness, FILL, GUARD, type Memory, type Row, type Scenario, SIZE } from "@mv/vitest-config/user-code-harness";

/** A target of the core rows: the view the operation works on (null where it works on raw memory), and a source's export count. */
interface Target {
  view: MemoryView | null;
  /** Whether the view is every other byte of the target. */
  strided?: boolean;
  /** Exports a source exporter gave and took back (must be equal at the end). */
  readonly exports: { got: number; released: number };
}

/** A view of the target's SIZE bytes, whose export survives what the memory kind allows (a wasm memory's view survives grow()). */
function viewOver(memory: Memory): MemoryView {
  if (memory.wasm !== null) {
    const whole = MemoryView.from(memory.wasm);
    const view = whole.slice([GUARD, GUARD + SIZE]);
    whole.release(); // the slice keeps the export
    return view;
  }
  return MemoryView.from(new Uint8Array(memory.original, GUARD, SIZE));
}

/** A value whose `length` getter runs the hook (read by `?`'s truth test), then says 1: true. */
function lengthGetter(hook: () => void): object {
  return {
    get length() {
      hook();
      return 1;
    },
  };
}

/** An exporter of `bytes` that counts its exports and runs the hook in GET_BUFFER or RELEASE_BUFFER. */
function hookedSource(bytes: Uint8Array, hook: () => void, where: "get" | "release", target: Target): object {
  const inner = MemoryView.from(bytes);
  return {
    [GET_BUFFER](flags: number): BufferInfo {
      if (where === "get") hook();
      const info = getBuffer(inner, flags);
      target.exports.got++;
      return info;
    },
    [RELEASE_BUFFER](info: BufferInfo): void {
      target.exports.released++;
      releaseBuffer(info);
      if (where === "release") hook();
    },
  };
}

const SOURCE = Uint8Array.from({ length: SIZE }, (_, i) => i + 1);

function scenario(memory: Memory, make: (target: Target) => (hook: () => void) => unknown, withView = true): Scenario<Target> {
  const target: Target = { view: withView ? viewOver(memory) : null, exports: { got: 0, released: 0 } };
  const run = make(target);
  return { target, run };
}

/** Runs the hook first, then the operation: the plain case of memory gone before the call. */
function before(op: (view: MemoryView) => unknown): (memory: Memory) => Scenario<Target> {
  return (memory) =>
    scenario(memory, (t) => (hook) => {
      hook();
      return op(t.view as MemoryView);
    });
}

const expectBytes = (memory: Memory, expected: number[]) => expect(Array.from(memory.target())).toEqual(expected);
const filled = (changes: Record<number, number>) => Array.from({ length: SIZE }, (_, i) => changes[i] ?? FILL);

/** A caller-built BufferInfo over the target's bytes whose `shape` getter runs the hook. */
function callerInfo(memory: Memory, hook: () => void, strided: boolean): BufferInfo {
  return {
    obj: null,
    buf: memory.current(),
    offset: GUARD,
    len: strided ? SIZE / 2 : SIZE,
    readonly: false,
    itemsize: 1,
    format: "B",
    ndim: 1,
    get shape() {
      hook();
      return [strided ? SIZE / 2 : SIZE];
    },
    strides: [strided ? 2 : 1],
    suboffsets: null,
  } as BufferInfo;
}

/** Copies `info` into a Uint8Array over the target's bytes, made before the hook runs. */
function intoOut(memory: Memory, hook: () => void, info: BufferInfo): unknown {
  const out = new Uint8Array(memory.original, GUARD, SIZE);
  hook();
  return toContiguous(info, "C", out);
}

/** A record of an int and a 4-byte string: two of them fill the target. */
const RECORD = "T{<i:id: 4s:name:}";
const RECORD_OPTIONS = { strings: { encoding: "utf-8" } } as const;

/** `set(1, record)` on a records view over the target, the record made by `make` around the hook. */
function recordScenario(memory: Memory, make: (hook: () => void) => object): Scenario<Target> {
  return scenario(memory, (t) => {
    const named = (t.view as MemoryView).cast(RECORD).withRecords(RECORD_OPTIONS);
    (t.view as MemoryView).release(); // the records view holds the export now
    t.view = named;
    return (hook) => named.set(1, make(hook));
  });
}

const viewRelease = (t: Target) => (t.view as MemoryView).release();
const balancedSource = (t: Target) => {
  expect(t.exports.released, "every export of the source released").toBe(t.exports.got);
  if (t.view !== null && !t.view.released) expect(t.view.exports, "the target view's exports").toBe(0);
};

const rows: Row<Target>[] = [
  {
    op: "view.get(i)",
    points: { before: before((v) => v.get(1)) },
    release: viewRelease,
    check: (_m, result) => expect(result).toBe(FILL),
  },
  {
    op: "view.set(i, value) '?'",
    points: {
      before: before((v) => v.cast("?").set(1, true)),
      "value's length getter": (memory) =>
        scenario(memory, (t) => {
          const bools = (t.view as MemoryView).cast("?");
          t.view = bools;
          return (hook) => bools.set(1, lengthGetter(hook));
        }),
    },
    release: viewRelease,
    check: (memory) => expectBytes(memory, filled({ 1: 1 })),
  },
  {
    op: "view.set(i, [a, b]) '2B'",
    points: {
      "Proxy get trap of the fields": (memory) =>
        scenario(memory, (t) => {
          const pairs = (t.view as MemoryView).cast("2B");
          t.view = pairs;
          return (hook) =>
            pairs.set(
              1,
              new Proxy([7, 8], {
                get(target, key, receiver) {
                  if (key === "1") hook();
                  return Reflect.get(target, key, receiver);
                },
              }),
            );
        }),
    },
    release: viewRelease,
    check: (memory) => expectBytes(memory, filled({ 2: 7, 3: 8 })),
  },
  {
    op: "view.set(i, {real, imag}) '<Zd'",
    points: {
      "value's imag getter": (memory) =>
        scenario(memory, (t) => {
          const complex = (t.view as MemoryView).cast("<Zd");
          t.view = complex;
          return (hook) =>
            complex.set(0, {
              real: 1,
              get imag() {
                hook();
                return 2;
              },
            });
        }),
    },
    release: viewRelease,
    check: (memory) => expect(Array.from(new Float64Array(memory.target().slice().buffer))).toEqual([1, 2]),
  },
  {
    op: "view.fill(value) '?'",
    points: {
      before: before((v) => v.cast("?").fill(true)),
      "value's length getter": (memory) =>
        scenario(memory, (t) => {
          const bools = (t.view as MemoryView).cast("?");
          t.view = bools;
          return (hook) => bools.fill(lengthGetter(hook));
        }),
      "value's length getter, strided view": (memory) =>
        scenario(memory, (t) => {
          const bools = (t.view as MemoryView).cast("?").slice([null, null, 2]);
          t.view = bools;
          return (hook) => bools.fill(lengthGetter(hook));
        }),
    },
    release: viewRelease,
    check: (memory) => {
      const bytes = Array.from(memory.target());
      expect(bytes.filter((_b, i) => i % 2 === 0).every((b) => b === 1)).toBe(true);
    },
  },
  {
    op: "view.copyFrom(exporter)",
    points: {
      before: before((v) => v.copyFrom(SOURCE)),
      "source's GET_BUFFER": (memory) =>
        scenario(memory, (t) => (hook) => (t.view as MemoryView).copyFrom(hookedSource(SOURCE, hook, "get", t))),
      "source's GET_BUFFER, strided target": (memory) =>
        scenario(memory, (t) => {
          const strided = (t.view as MemoryView).slice([null, null, 2]);
          t.view = strided;
          t.strided = true;
          return (hook) => strided.copyFrom(hookedSource(SOURCE.subarray(0, SIZE / 2), hook, "get", t));
        }),
      "source's RELEASE_BUFFER": (memory) =>
        scenario(memory, (t) => (hook) => (t.view as MemoryView).copyFrom(hookedSource(SOURCE, hook, "release", t))),
    },
    release: viewRelease,
    // The release hook runs after the copy is done: it succeeded, whatever followed.
    expected: (_action, point) => (point === "source's RELEASE_BUFFER" ? null : undefined),
    check: (memory, _result, t) => {
      // The RELEASE_BUFFER hook ran after the copy: what it did to the memory came later.
      if (memory.original.byteLength < 2 * GUARD + SIZE) return; // shrunk after the copy
      const bytes = memory.moved === null ? memory.target() : new Uint8Array(memory.moved, GUARD, SIZE);
      if (t.strided) {
        expect(Array.from(bytes).filter((_b, i) => i % 2 === 0)).toEqual(Array.from(SOURCE.subarray(0, SIZE / 2)));
      } else {
        expect(Array.from(bytes)).toEqual(Array.from(SOURCE));
      }
    },
    balanced: balancedSource,
  },
  {
    op: "view.equals(exporter)",
    points: {
      before: before((v) => v.equals(new Uint8Array(SIZE).fill(FILL))),
      "other's GET_BUFFER": (memory) =>
        scenario(
          memory,
          (t) => (hook) => (t.view as MemoryView).equals(hookedSource(new Uint8Array(SIZE).fill(FILL), hook, "get", t)),
        ),
    },
    release: viewRelease,
    // memory_richcompare: a released view equals only itself (no error).
    expected: (action) => (action === "release" ? null : undefined),
    check: (_memory, result, t) => expect(result).toBe(!(t.view?.released ?? false)),
    balanced: balancedSource,
  },
  {
    op: "view.toBytes() / toList() / toTypedArray()",
    points: {
      "before toBytes": before((v) => v.toBytes()),
      "before toBytes strided": before((v) => v.slice([null, null, 2]).toBytes()),
      "before toList": before((v) => v.toList()),
      "before toTypedArray": before((v) => v.toTypedArray()),
    },
    release: viewRelease,
    check: (_m, result) => expect(Array.from(result as ArrayLike<number>).every((b) => b === FILL)).toBe(true),
  },
  {
    op: "view[Symbol.iterator]",
    points: {
      "between steps": (memory) =>
        scenario(memory, (t) => (hook) => {
          const out: unknown[] = [];
          for (const item of t.view as MemoryView) {
            out.push(item);
            if (out.length === 2) hook();
          }
          return out;
        }),
    },
    release: viewRelease,
    check: (_m, result) => expect(result).toEqual(new Array(SIZE).fill(FILL)),
  },
  {
    op: "struct.packInto(view, offset, value) '?B'",
    points: {
      "value's length getter": (memory) => scenario(memory, (t) => (hook) => packInto("?B", t.view, 1, lengthGetter(hook), 9)),
      "value's length getter, compiled Struct": (memory) =>
        scenario(memory, (t) => (hook) => new Struct("?B").packInto(t.view, 1, lengthGetter(hook), 9)),
    },
    release: viewRelease,
    // The operation holds an export of the view: it cannot be released (CPython's BufferError).
    expected: (action) => (action === "release" ? { name: "BufferError" } : undefined),
    check: (memory) => expectBytes(memory, filled({ 1: 1, 2: 9 })),
    balanced: (t) => {
      if (!(t.view?.released ?? true)) expect(t.view?.exports).toBe(0);
    },
  },
  {
    op: "struct.packInto(Uint8Array, offset, value) '?B'",
    memories: ["plain", "resizable"],
    actions: ["detach", "shrink"],
    points: {
      "value's length getter": (memory) =>
        scenario(
          memory,
          () => (hook) => packInto("?B", new Uint8Array(memory.original, GUARD, SIZE), 1, lengthGetter(hook), 9),
          false,
        ),
      "value's length getter, compiled Struct (window memo)": (memory) =>
        scenario(
          memory,
          () => {
            const s = new Struct("?B");
            const bytes = new Uint8Array(memory.original, GUARD, SIZE);
            s.packInto(bytes, 1, true, 9); // the window is memoised
            return (hook) => s.packInto(bytes, 1, lengthGetter(hook), 9);
          },
          false,
        ),
    },
    release: () => {},
    check: (memory) => expectBytes(memory, filled({ 1: 1, 2: 9 })),
  },
  {
    op: "RecordStruct.packInto(target, offset, record) '?B'",
    points: {
      "a field's length getter, into the view": (memory) =>
        scenario(memory, (t) => (hook) => new RecordStruct("<?:a: B:b:").packInto(t.view, 1, { a: lengthGetter(hook), b: 9 })),
      "a field's length getter, into a Uint8Array": (memory) =>
        scenario(
          memory,
          () => (hook) =>
            new RecordStruct("<?:a: B:b:").packInto(
              memory.wasm === null ? new Uint8Array(memory.original, GUARD, SIZE) : viewOver(memory),
              1,
              { a: lengthGetter(hook), b: 9 },
            ),
          false,
        ),
    },
    release: (t) => t.view?.release(),
    // Into the view: the operation holds an export of it, which cannot be released (BufferError).
    // Into a Uint8Array: there is no view to release, and the write succeeds.
    expected: (action, point) =>
      action !== "release" ? undefined : point.endsWith("into the view") ? { name: "BufferError" } : null,
    actions: ["detach", "shrink", "grow", "release"],
    check: (memory) => expectBytes(memory, filled({ 1: 1, 2: 9 })),
  },
  {
    op: "struct.unpackFrom(exporter)",
    points: {
      "source's GET_BUFFER": (memory) =>
        scenario(memory, (t) => (hook) => {
          const view = t.view as MemoryView;
          return unpackFrom(
            "2B",
            {
              [GET_BUFFER](flags: number) {
                hook();
                const info = getBuffer(view, flags);
                t.exports.got++;
                return info;
              },
              [RELEASE_BUFFER](info: BufferInfo) {
                t.exports.released++;
                releaseBuffer(info);
              },
            },
            1,
          );
        }),
    },
    release: viewRelease,
    check: (_m, result) => expect(result).toEqual([FILL, FILL]),
    balanced: balancedSource,
  },
  {
    op: "struct.iterUnpack(view)",
    points: {
      "between steps": (memory) =>
        scenario(memory, (t) => (hook) => {
          const out: unknown[] = [];
          for (const item of iterUnpack("B", t.view)) {
            out.push(item);
            if (out.length === 2) hook();
          }
          return out;
        }),
    },
    release: viewRelease,
    // The iterator holds an export of the view (CPython's unpack_iterator holds its Py_buffer).
    expected: (action) => (action === "release" ? { name: "BufferError" } : undefined),
    check: (_m, result) => expect(result).toEqual(new Array(SIZE).fill([FILL])),
    balanced: (t) => {
      if (!(t.view?.released ?? true)) expect(t.view?.exports).toBe(0);
    },
  },
  {
    op: "toContiguous / fromContiguous / copyBuffer / getPointer (caller-built info)",
    memories: ["plain", "resizable"],
    actions: ["detach", "shrink"],
    points: {
      "toContiguous: info's shape getter": (memory) =>
        scenario(memory, () => (hook) => toContiguous(callerInfo(memory, hook, false)), false),
      "toContiguous strided: info's shape getter": (memory) =>
        scenario(memory, () => (hook) => toContiguous(callerInfo(memory, hook, true)), false),
      "fromContiguous: info's shape getter": (memory) =>
        scenario(memory, () => (hook) => fromContiguous(callerInfo(memory, hook, false), SOURCE), false),
      "fromContiguous strided: info's shape getter": (memory) =>
        scenario(memory, () => (hook) => fromContiguous(callerInfo(memory, hook, true), SOURCE), false),
      "copyBuffer: destination's shape getter": (memory) =>
        scenario(
          memory,
          () => (hook) => copyBuffer(callerInfo(memory, hook, false), getBuffer(SOURCE, BufferFlags.FULL_RO)),
          false,
        ),
      "getPointer: info's shape getter": (memory) =>
        scenario(memory, () => (hook) => getPointer(callerInfo(memory, hook, false), [1]), false),
    },
    release: () => {},
    // A caller-built info is validated when used: its getter shrank the memory first, so it no longer fits.
    expected: (action) => (action === "shrink" ? { name: "BufferError", message: /outside buf/ } : undefined),
    check: () => {},
  },
  {
    op: "view.withRecords().set(i, record)",
    points: {
      "a field's getter": (memory) =>
        recordScenario(memory, (hook) => ({
          id: 7,
          get name() {
            hook();
            return "ab";
          },
        })),
      "the record Proxy's get trap": (memory) =>
        recordScenario(
          memory,
          (hook) =>
            new Proxy(
              { id: 7, name: "ab" },
              {
                get(o, k) {
                  hook();
                  return Reflect.get(o, k);
                },
              },
            ),
        ),
      "the record Proxy's ownKeys trap": (memory) =>
        recordScenario(
          memory,
          (hook) =>
            new Proxy(
              { id: 7, name: "ab" },
              {
                ownKeys(o) {
                  hook();
                  return Reflect.ownKeys(o);
                },
              },
            ),
        ),
    },
    release: viewRelease,
    check: (memory) => expectBytes(memory, filled({ 8: 7, 9: 0, 10: 0, 11: 0, 12: 97, 13: 98, 14: 0, 15: 0 })),
    balanced: balancedSource,
  },
  {
    op: "view.withRecords().get(i) / toList()",
    points: {
      "before get": before((v) => v.cast(RECORD).withRecords(RECORD_OPTIONS).get(1)),
      "before toList": before((v) => v.cast(RECORD).withRecords(RECORD_OPTIONS).toList()),
    },
    release: viewRelease,
    check: (_m, result) => {
      const record = { id: 0x5a5a5a5a, name: "ZZZZ" };
      expect(result).toEqual(Array.isArray(result) ? [record, record] : record);
    },
  },
  {
    op: "toContiguous(info, order, out) with out over the memory",
    points: {
      "before, contiguous source": (memory) =>
        scenario(memory, () => (hook) => intoOut(memory, hook, getBuffer(SOURCE, BufferFlags.FULL_RO)), false),
      "before, strided source": (memory) =>
        scenario(
          memory,
          () => (hook) => {
            const doubled = MemoryView.from(Uint8Array.from({ length: 2 * SIZE }, (_, i) => (i >> 1) + 1));
            return intoOut(memory, hook, getBuffer(doubled.slice([0, 2 * SIZE, 2]), BufferFlags.FULL_RO));
          },
          false,
        ),
    },
    release: () => {},
    // out is a fixed window: detached, shrunk past, or left behind by grow() (whose old buffer detaches), it holds no bytes.
    expected: (action) => (action === "release" ? null : { name: "ValueError", message: /out\.length 0 != info\.len 16/ }),
    check: (memory, result) => {
      expectBytes(memory, Array.from(SOURCE));
      expect(result).toBeInstanceOf(Uint8Array);
    },
  },
];

describe("user code in the middle of an operation (issue 16, class 1)", () => {
  const count = defineHarness(rows, { test, expect });
  test("coverage", () => {
    // Operations × memory × action × point, as the table declares them.
    expect(count).toBeGreaterThan(100);
  });
});

describe("user code that calls struct again", () => {
  test("pack re-entered from a value's getter keeps both results whole", () => {
    const inner: Uint8Array[] = [];
    const truthy = {
      get length() {
        inner.push(pack("<BB", 1, 2));
        return 1;
      },
    };
    expect(Array.from(pack("<B?B", 5, truthy, 7))).toEqual([5, 1, 7]);
    expect(inner.map((b) => Array.from(b))).toEqual([[1, 2]]);
  });
});

describe("toContiguous(out) reads out with the engine's own accessors", () => {
  const detach = (buffer: ArrayBufferLike) => structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });

  test("a subclass's length, buffer and set never run, and never see the source", () => {
    const source = Uint8Array.from({ length: 8 }, (_, i) => i + 1);
    const readonly = MemoryView.from(source).toReadonly();
    const calls: string[] = [];
    class Hostile extends Uint8Array {
      override get length(): number {
        calls.push("length");
        detach(source.buffer);
        return 4;
      }
      override get buffer(): ArrayBuffer {
        calls.push("buffer");
        detach(source.buffer);
        return super.buffer as ArrayBuffer;
      }
      override set(array: ArrayLike<number>, offset?: number): void {
        calls.push("set");
        (array as Uint8Array)[0] = 99; // would write through a read-only export
        super.set(array, offset);
      }
    }
    const contiguous = new Hostile(8);
    expect(toContiguous(getBuffer(readonly, BufferFlags.FULL_RO), "C", contiguous)).toBe(contiguous);
    expect(Array.from(contiguous)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const strided = new Hostile(4);
    toContiguous(getBuffer(readonly.slice([0, 8, 2]), BufferFlags.FULL_RO), "C", strided);
    expect(Array.from(strided)).toEqual([1, 3, 5, 7]);
    expect(calls).toEqual([]);
    expect(Array.from(source)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("a detached out holds no bytes; a Proxy or another kind of array is refused", () => {
    const info = () => getBuffer(Uint8Array.of(1, 2, 3, 4), BufferFlags.FULL_RO);
    const out = new Uint8Array(4);
    detach(out.buffer);
    expect(() => toContiguous(info(), "C", out)).toThrow(
      expect.objectContaining({ name: "ValueError", message: "toContiguous: out.length 0 != info.len 4" }),
    );
    for (const bad of [new Proxy(new Uint8Array(4), {}), new Int8Array(4), [0, 0, 0, 0]]) {
      expect(() => toContiguous(info(), "C", bad as Uint8Array)).toThrow(
        expect.objectContaining({
          name: "TypeError",
          message: expect.stringMatching(/^toContiguous: out must be a Uint8Array, not /),
        }),
      );
    }
  });
});
