/**
 * Issue 16, class 1, in @mv/builtins: user code in the middle of an
 * operation. Two tables:
 *
 * - the harness (@mv/vitest-config/user-code-harness):
 *   every reading and writing operation of memoryview and Python 2's
 *   buffer, over plain, resizable and WebAssembly memory and over a
 *   bytearray and an array, with a hook at each point user code runs,
 *   doing each of: release the view, detach, shrink, grow, resize the
 *   bytearray or array;
 * - the sequences' own operations whose user code resizes the sequence
 *   itself, with CPython 3.14.2's results (recorded through Pyodide, with
 *   an `__index__` or a generator where JavaScript has a getter).
 */

import { describe, expect, test } from "vitest";
import {
  type BufferInfo,
  GET_BUFFER,
  getBuffer,
  RELEASE_BUFFER,
  releaseBuffer,
  array,
  buffer,
  bytearray,
  bytes,
  memoryview,
  slice,
} from "./support/api.js";
import { MemoryView } from "@mv/core";
import {
  defineHarness,
  FILL,
  GUARD,
  type Memory,
  RELEASED,
  type Row,
  type Scenario,
  SIZE,
} from "@mv/vitest-config/user-code-harness";

type PyMemoryView = ReturnType<typeof memoryview>;

/** The target of a row: the memoryview (or buffer) it works on, what backs it, and a source's export count. */
interface Target {
  view: PyMemoryView | null;
  /** A buffer object's base, or null. */
  legacy?: ReturnType<typeof buffer> | null;
  /** The bytearray or array behind the view, for the resize action. */
  sequence?: { extend(x: unknown): void } | null;
  strided?: boolean;
  /** Set when the hook resized the sequence. */
  resized?: boolean;
  readonly exports: { got: number; released: number };
}

type Backing = "memory" | "bytearray" | "array";

/** The exporter of the target's SIZE bytes over `memory` (a wasm memory's survives grow()). */
function exporterOver(memory: Memory): object {
  if (memory.wasm !== null) {
    const whole = MemoryView.from(memory.wasm);
    const part = whole.slice([GUARD, GUARD + SIZE]);
    whole.release();
    return part;
  }
  return new Uint8Array(memory.original, GUARD, SIZE);
}

function makeTarget(memory: Memory, backing: Backing): Target {
  const exports = { got: 0, released: 0 };
  if (backing === "bytearray") {
    const ba = bytearray(new Array(SIZE).fill(FILL));
    return { view: memoryview(ba), sequence: ba, exports };
  }
  if (backing === "array") {
    const a = array("B", new Array(SIZE).fill(FILL));
    return { view: memoryview(a), sequence: a, exports };
  }
  return { view: memoryview(exporterOver(memory)), exports };
}

/** The target's bytes now, wherever they are. */
function targetBytes(memory: Memory, t: Target): number[] {
  if (t.sequence !== undefined && t.sequence !== null) return Array.from(bytes(t.sequence as never));
  return Array.from(memory.target());
}

function lengthGetter(hook: () => void): object {
  return {
    get length() {
      hook();
      return 1;
    },
  };
}

function hookedSource(source: Uint8Array, hook: () => void, where: "get" | "release", t: Target): object {
  const inner = MemoryView.from(source);
  return {
    [GET_BUFFER](flags: number): BufferInfo {
      if (where === "get") hook();
      const info = getBuffer(inner, flags);
      t.exports.got++;
      return info;
    },
    [RELEASE_BUFFER](info: BufferInfo): void {
      t.exports.released++;
      releaseBuffer(info);
      if (where === "release") hook();
    },
  };
}

/** A one-byte ":" separator whose `length` getter runs the hook (CPython: a bytes subclass's `__len__`). */
function separatorRunning(hook: () => void): Uint8Array {
  class Separator extends Uint8Array {
    override get length(): number {
      hook();
      return 1;
    }
  }
  return new Separator([58]);
}

const SOURCE = Uint8Array.from({ length: SIZE }, (_, i) => i + 1);

function on(backing: Backing, make: (t: Target) => (hook: () => void) => unknown): (memory: Memory) => Scenario<Target> {
  return (memory) => {
    const target = makeTarget(memory, backing);
    return { target, run: make(target) };
  };
}

const before = (backing: Backing, op: (m: PyMemoryView) => unknown) =>
  on(backing, (t) => (hook) => {
    hook();
    return op(t.view as PyMemoryView);
  });

const balanced = (t: Target) => expect(t.exports.released, "every export of a source released").toBe(t.exports.got);

/** A row for each backing: the memory kinds (release, detach, shrink, grow) and a bytearray and an array (release, resize). */
function rowsFor(
  op: string,
  points: (backing: Backing) => Record<string, (memory: Memory) => Scenario<Target>>,
  check: (memory: Memory, result: unknown, t: Target) => void,
  extra: Partial<Row<Target>> = {},
): Row<Target>[] {
  const common = {
    release: (t: Target) => (t.view as PyMemoryView).release(),
    check,
    balanced,
    ...extra,
  };
  const sequenceAct = (action: string, t: Target): boolean => {
    if (action !== "resize") return false;
    t.resized = true;
    (t.sequence as { extend(x: unknown): void }).extend([1]);
    return true;
  };
  return [
    { op: `${op} · memory`, points: points("memory"), ...common },
    ...(["bytearray", "array"] as const).map((backing) => ({
      op: `${op} · ${backing}`,
      memories: ["plain"] as const,
      actions: ["release", "resize"] as const,
      points: points(backing),
      act: sequenceAct,
      ...common,
    })),
  ];
}

const filled = (changes: Record<number, number>) => Array.from({ length: SIZE }, (_, i) => changes[i] ?? FILL);

const rows: Row<Target>[] = [
  ...rowsFor(
    "m.set(i, value) '?'",
    (b) => ({
      before: before(b, (m) => m.cast("?").set(1, true)),
      "value's length getter": on(b, (t) => {
        const bools = (t.view as PyMemoryView).cast("?");
        t.view = bools;
        return (hook) => bools.set(1, lengthGetter(hook));
      }),
    }),
    (memory, _r, t) => expect(targetBytes(memory, t)).toEqual(filled({ 1: 1 })),
  ),
  ...rowsFor(
    "m.set(slice, exporter)",
    (b) => ({
      before: before(b, (m) => m.set(slice(null, null), SOURCE)),
      "source's GET_BUFFER": on(
        b,
        (t) => (hook) => (t.view as PyMemoryView).set(slice(null, null), hookedSource(SOURCE, hook, "get", t)),
      ),
      "source's GET_BUFFER, step 2": on(b, (t) => {
        t.strided = true;
        return (hook) =>
          (t.view as PyMemoryView).set(slice(null, null, 2), hookedSource(SOURCE.subarray(0, SIZE / 2), hook, "get", t));
      }),
      "the slice's start getter": on(
        b,
        (t) => (hook) =>
          (t.view as PyMemoryView).set(
            {
              get start() {
                hook();
                return 0;
              },
              stop: null,
            },
            SOURCE,
          ),
      ),
    }),
    (memory, _r, t) => {
      const now = targetBytes(memory, t);
      expect(t.strided ? now.filter((_b, i) => i % 2 === 0) : now).toEqual(
        Array.from(t.strided ? SOURCE.subarray(0, SIZE / 2) : SOURCE),
      );
    },
  ),
  ...rowsFor(
    "m.set(tuple, value) '?' 2-D",
    (b) => ({
      "value's length getter": on(b, (t) => {
        const grid = (t.view as PyMemoryView).cast("?", [4, 4]);
        t.view = grid;
        return (hook) => grid.set([1, 2], lengthGetter(hook));
      }),
      "value's length getter, a row (NumPy's broadcast)": on(b, (t) => {
        const grid = (t.view as PyMemoryView).cast("?", [4, 4]);
        t.view = grid;
        return (hook) => grid.set(1, lengthGetter(hook));
      }),
    }),
    (memory, _r, t) => {
      const now = targetBytes(memory, t);
      expect(now[6] === 1 || now.slice(4, 8).every((x) => x === 1)).toBe(true);
    },
  ),
  ...rowsFor(
    "m.get(slice)",
    (b) => ({
      "the slice's stop getter": on(
        b,
        (t) => (hook) =>
          (t.view as PyMemoryView)
            .get({
              start: 1,
              get stop() {
                hook();
                return 3;
              },
            })
            .tolist(),
      ),
    }),
    (_m, result) => expect(result).toEqual([FILL, FILL]),
  ),
  ...rowsFor(
    "m.tobytes() / tolist() / hex() / iteration",
    (b) => ({
      "before tobytes": before(b, (m) => m.tobytes()),
      "before tolist": before(b, (m) => m.tolist()),
      "before hex": before(b, (m) => m.hex()),
      "iteration, between steps": on(b, (t) => (hook) => {
        const out: unknown[] = [];
        for (const x of t.view as PyMemoryView) {
          out.push(x);
          if (out.length === 2) hook();
        }
        return out;
      }),
    }),
    (_m, result) => {
      const text = typeof result === "string" ? result : null;
      if (text !== null) expect(text.replaceAll(":", "")).toBe("5a".repeat(SIZE));
      else expect(Array.from(result as ArrayLike<number>)).toEqual(new Array(SIZE).fill(FILL));
    },
  ),
  ...rowsFor(
    "m.hex(sep) with a Uint8Array subclass separator",
    (b) => ({
      "the separator's length getter": on(b, (t) => (hook) => (t.view as PyMemoryView).hex(separatorRunning(hook))),
      "the separator's length getter, bytes_per_sep 3": on(
        b,
        (t) => (hook) => (t.view as PyMemoryView).hex(separatorRunning(hook), 3),
      ),
    }),
    (_m, result) => expect((result as string).replaceAll(":", "")).toBe("5a".repeat(SIZE)),
  ),
  ...rowsFor(
    "m.equals(exporter)",
    (b) => ({
      "the other's GET_BUFFER": on(
        b,
        (t) => (hook) => (t.view as PyMemoryView).equals(hookedSource(new Uint8Array(SIZE).fill(FILL), hook, "get", t)),
      ),
    }),
    // A released view equals only itself; a refused export (the resize's
    // BufferError in GET_BUFFER) is NotImplemented: unequal, no error.
    (_m, result, t) => expect(result).toBe(!(t.view as PyMemoryView).released && t.resized !== true),
    { expected: (action) => (action === "release" || action === "resize" ? null : undefined) },
  ),
  {
    op: "buffer(base).get / slice / tobytes / set",
    points: {
      "before get": on("memory", (t) => {
        t.legacy = buffer(t.view as never);
        return (hook) => {
          hook();
          return t.legacy!.get(1);
        };
      }),
      "before slice": on("memory", (t) => {
        t.legacy = buffer(t.view as never);
        return (hook) => {
          hook();
          return t.legacy!.slice(0, 4);
        };
      }),
      "the slice's stop getter": on("memory", (t) => {
        t.legacy = buffer(t.view as never);
        return (hook) =>
          t.legacy!.get({
            start: 0,
            get stop() {
              hook();
              return 4;
            },
          });
      }),
      "set: the value's GET_BUFFER": on("memory", (t) => {
        t.legacy = buffer.fromReadWriteObject(t.view as never);
        return (hook) => t.legacy!.set(slice(0, 2), hookedSource(Uint8Array.of(FILL, FILL), hook, "get", t));
      }),
      "before tobytes": on("memory", (t) => {
        t.legacy = buffer(t.view as never);
        return (hook) => {
          hook();
          return t.legacy!.tobytes();
        };
      }),
    },
    release: (t) => (t.view as PyMemoryView).release(),
    check: (_m, result) => {
      if (result !== undefined) expect(Array.from(result as Uint8Array).every((x) => x === FILL)).toBe(true);
    },
    balanced,
  },
];

describe("user code in the middle of an operation (issue 16, class 1): memoryview and buffer", () => {
  const count = defineHarness(rows, { test, expect });
  test("coverage", () => expect(count).toBeGreaterThan(100));
});

// ------------------------------------------------------------------------------------------------------------------

/** A slice-like key whose `name` getter runs `act` (once) and gives `value`. */
function hookedSlice(
  parts: { start?: number | null; stop?: number | null; step?: number | null },
  name: "start" | "stop" | "step",
  act: () => void,
): object {
  const key: Record<string, unknown> = { start: parts.start ?? null, stop: parts.stop ?? null, step: parts.step ?? null };
  const value = key[name];
  let reads = 0;
  Object.defineProperty(key, name, {
    get() {
      if (reads++ === 0) act();
      return value;
    },
  });
  Object.defineProperty(key, "reads", { get: () => reads });
  return key;
}

const range8 = () => Array.from({ length: 8 }, (_, i) => i);

function* yieldsAround(values: [number, number], act: () => void): Generator<number> {
  yield values[0];
  act();
  yield values[1];
}

/** [what, run, CPython's result (the sequence's bytes or items) or its error]. */
/** An exporter of `data` whose GET_BUFFER runs `hook` first (CPython: a `__buffer__` method). */
function exporterRunning(data: Uint8Array, hook: () => void): object {
  return {
    [GET_BUFFER](flags: number): BufferInfo {
      hook();
      return getBuffer(data, flags);
    },
    [RELEASE_BUFFER](info: BufferInfo): void {
      releaseBuffer(info);
    },
  };
}

/** A list of `values` whose first item's getter runs `hook` (once). */
function listRunning(values: number[], hook: () => void): number[] {
  const list = [...values];
  let ran = false;
  Object.defineProperty(list, 0, {
    get() {
      if (!ran) hook();
      ran = true;
      return values[0];
    },
  });
  return list;
}

const SELF_RESIZING: [string, () => unknown, unknown][] = [
  [
    "ba[1:I(2)] = bytearray([9]), I deletes ba[4:]",
    () => {
      const ba = bytearray(range8());
      ba.set(hookedSlice({ start: 1, stop: 2 }, "stop", () => ba.delete(slice(4, null))) as never, bytearray([9]));
      return [...ba];
    },
    [0, 9, 2, 3],
  ],
  [
    "ba[1:I(2)] = bytes([9]), I deletes ba[4:]",
    () => {
      const ba = bytearray(range8());
      ba.set(hookedSlice({ start: 1, stop: 2 }, "stop", () => ba.delete(slice(4, null))) as never, bytes([9]));
      return [...ba];
    },
    [0, 9, 2, 3],
  ],
  [
    "ba[I(0)::2] = bytearray(5), I extends ba by 2",
    () => {
      const ba = bytearray(range8());
      ba.set(hookedSlice({ start: 0, step: 2 }, "start", () => ba.extend(bytes([120, 121]))) as never, bytearray(5));
      return [...ba];
    },
    [0, 1, 0, 3, 0, 5, 0, 7, 0, 121],
  ],
  [
    "ba[I(0)::2] = bytes(4), I extends ba by 2",
    () => {
      const ba = bytearray(range8());
      ba.set(hookedSlice({ start: 0, step: 2 }, "start", () => ba.extend(bytes([120, 121]))) as never, bytes(4));
      return [...ba];
    },
    { name: "ValueError", message: "attempt to assign bytes of size 4 to extended slice of size 5" },
  ],
  [
    "ba[2:4] = a generator that clears ba",
    () => {
      const ba = bytearray(range8());
      ba.set(
        slice(2, 4),
        yieldsAround([1, 2], () => ba.clear()),
      );
      return [...ba];
    },
    [1, 2],
  ],
  [
    "ba[::2] = a generator that clears ba",
    () => {
      const ba = bytearray(range8());
      ba.set(
        slice(null, null, 2),
        yieldsAround([1, 2], () => ba.clear()),
      );
      return [...ba];
    },
    { name: "ValueError", message: "attempt to assign bytes of size 2 to extended slice of size 0" },
  ],
  [
    "ba[2:4] = an exporter whose GET_BUFFER clears ba",
    () => {
      const ba = bytearray(range8());
      const inner = MemoryView.from(Uint8Array.of(1, 2));
      ba.set(slice(2, 4), {
        [GET_BUFFER](flags: number) {
          ba.clear();
          return getBuffer(inner, flags);
        },
      });
      return [...ba];
    },
    [1, 2],
  ],
  [
    "ba[I(1):5] read, I clears ba",
    () => {
      const ba = bytearray(range8());
      return [...(ba.get(hookedSlice({ start: 1, stop: 5 }, "start", () => ba.clear()) as never) as Iterable<number>)];
    },
    [],
  ],
  [
    "del ba[I(1):5], I deletes ba[3:]",
    () => {
      const ba = bytearray(range8());
      ba.delete(hookedSlice({ start: 1, stop: 5 }, "start", () => ba.delete(slice(3, null))) as never);
      return [...ba];
    },
    [0],
  ],
  [
    "del ba[I(0)::2], I deletes ba[3:]",
    () => {
      const ba = bytearray(range8());
      ba.delete(hookedSlice({ start: 0, step: 2 }, "start", () => ba.delete(slice(3, null))) as never);
      return [...ba];
    },
    [1],
  ],
  [
    "ba.extend(a generator that appends 77)",
    () => {
      const ba = bytearray(range8());
      ba.extend(yieldsAround([1, 2], () => ba.append(77)));
      return [...ba];
    },
    [0, 1, 2, 3, 4, 5, 6, 7, 77, 1, 2],
  ],
  [
    "a[1:I(2)] = array('b', [9]), I deletes a[4:]",
    () => {
      const a = array("b", range8());
      a.set(hookedSlice({ start: 1, stop: 2 }, "stop", () => a.delete(slice(4, null))) as never, array("b", [9]));
      return a.tolist();
    },
    [0, 9, 2, 3],
  ],
  [
    "a[I(0)::2] = array('b', [7] * 5), I extends a by [1, 1]",
    () => {
      const a = array("b", range8());
      a.set(hookedSlice({ start: 0, step: 2 }, "start", () => a.extend([1, 1])) as never, array("b", [7, 7, 7, 7, 7]));
      return a.tolist();
    },
    [7, 1, 7, 3, 7, 5, 7, 7, 7, 1],
  ],
  [
    "a.extend(a generator that pops)",
    () => {
      const a = array("b", range8());
      a.extend(yieldsAround([1, 2], () => a.pop()));
      return a.tolist();
    },
    [0, 1, 2, 3, 4, 5, 6, 7, 2],
  ],
  [
    "del a[I(0)::2], I deletes a[3:]",
    () => {
      const a = array("b", range8());
      a.delete(hookedSlice({ start: 0, step: 2 }, "start", () => a.delete(slice(3, null))) as never);
      return a.tolist();
    },
    [1],
  ],
  [
    "a[I(1):6] read, I deletes a[3:]",
    () => {
      const a = array("b", range8());
      return (
        a.get(hookedSlice({ start: 1, stop: 6 }, "start", () => a.delete(slice(3, null))) as never) as { tolist(): unknown }
      ).tolist();
    },
    [1, 2],
  ],
  [
    "a.frombytes(an exporter whose GET_BUFFER appends to a)",
    () => {
      const a = array("b", [0, 1, 2, 3]);
      a.frombytes(exporterRunning(Uint8Array.of(9, 9), () => a.append(5)));
      return a.tolist();
    },
    [0, 1, 2, 3, 5, 9, 9],
  ],
  [
    "a.frombytes(an exporter whose GET_BUFFER clears a)",
    () => {
      const a = array("b", [0, 1, 2, 3]);
      a.frombytes(exporterRunning(Uint8Array.of(9, 9), () => a.clear()));
      return a.tolist();
    },
    [9, 9],
  ],
  [
    "array('h').frombytes(an exporter whose GET_BUFFER extends a by 2)",
    () => {
      const a = array("h", [0, 1, 2, 3]);
      a.frombytes(exporterRunning(Uint8Array.of(9, 9), () => a.extend([7, 7])));
      return a.tolist();
    },
    [0, 1, 2, 3, 7, 7, 0x0909],
  ],
  [
    "a.frombytes(an exporter whose GET_BUFFER exports a)",
    () => {
      const a = array("b", [0, 1, 2, 3]);
      a.frombytes(exporterRunning(Uint8Array.of(9, 9), () => memoryview(a)));
      return a.tolist();
    },
    // The memoryview is never released: a stays exported (CPython: "cannot resize an array that is exporting buffers").
    { name: "BufferError", message: "Existing exports of data: object cannot be re-sized" },
  ],
  [
    "a.frombytes(memoryview(a))",
    () => {
      const a = array("b", [0, 1, 2, 3]);
      a.frombytes(memoryview(a));
      return a.tolist();
    },
    { name: "BufferError", message: "Existing exports of data: object cannot be re-sized" },
  ],
  // A list's items run no code in CPython: a JavaScript getter on one runs
  // before the array is resized (user code first), so its append lands first.
  [
    "a.fromlist(a list whose item getter appends to a)",
    () => {
      const a = array("b", [0, 1]);
      a.fromlist(listRunning([9, 8], () => a.append(5)));
      return a.tolist();
    },
    [0, 1, 5, 9, 8],
  ],
  [
    "a.fromlist(a list whose item getter exports a)",
    () => {
      const a = array("b", [0, 1]);
      a.fromlist(listRunning([9, 8], () => memoryview(a)));
      return a.tolist();
    },
    { name: "BufferError", message: "Existing exports of data: object cannot be re-sized" },
  ],
  [
    "a.extend(a list whose item getter clears a)",
    () => {
      const a = array("b", [0, 1]);
      a.extend(listRunning([9, 8], () => a.clear()));
      return a.tolist();
    },
    [9, 8],
  ],
  [
    "m[I(0):2] = b'ab', I releases m",
    () => {
      const ba = bytearray(range8());
      const m = memoryview(ba);
      m.set(hookedSlice({ start: 0, stop: 2 }, "start", () => m.release()) as never, bytes([97, 98]));
      return [...ba];
    },
    { name: "ValueError", message: RELEASED },
  ],
  [
    "m[I(0):2] = b'ab', I resizes the bytearray m views",
    () => {
      const ba = bytearray(range8());
      const m = memoryview(ba);
      m.set(hookedSlice({ start: 0, stop: 2 }, "start", () => ba.extend([1])) as never, bytes([97, 98]));
      return [...ba];
    },
    { name: "BufferError", message: "Existing exports of data: object cannot be re-sized" },
  ],
];

describe("a sequence's own operations, when user code resizes it: CPython 3.14's results", () => {
  test.each(SELF_RESIZING)("%s", (_what, run, expected) => {
    if (Array.isArray(expected)) {
      expect(run()).toEqual(expected);
      return;
    }
    const { name, message } = expected as { name: string; message: string };
    let error: unknown = null;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect([(error as Error | null)?.name, (error as Error | null)?.message]).toEqual([name, message]);
  });

  test("each bound of a slice is read once", () => {
    const ba = bytearray(range8());
    const key = hookedSlice({ start: 1, stop: 3 }, "stop", () => {});
    ba.set(key as never, bytes([9, 9, 9]));
    expect((key as { reads: number }).reads).toBe(1);
    const legacy = buffer(bytearray(range8()));
    const key2 = hookedSlice({ start: 1, stop: 3 }, "stop", () => {});
    legacy.get(key2 as never);
    expect((key2 as { reads: number }).reads).toBe(1);
  });
});
