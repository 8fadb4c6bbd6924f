// The adapters for implementations written elsewhere, each run through the
// whole suite (seed 1) as the scoreboard records it. A peer's failing cases
// are expected and counted: the run must give exactly the scoreboard's
// figures, so a change in the suite or an adapter shows here and the
// scoreboard is regenerated (node scripts/scoreboard.mjs) on purpose.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSuite } from "../src/index.js";
import type { MemoryViewLike } from "../src/implementation.js";
import { TestExporter } from "../src/test-exporter/index.js";

interface Row {
  readonly key: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}
const board = JSON.parse(readFileSync(new URL("../fixtures/scoreboard.json", import.meta.url), "utf8")) as { rows: Row[] };
const row = (key: string): Row => board.rows.find((r) => r.key === key)!;

const ADAPTERS = {
  "python-struct": () => import("../src/adapters/python-struct.js"),
  "aksel-structjs": () => import("../src/adapters/aksel-structjs.js"),
  // Loads CPython 3.14.2 in wasm: about 4 s idle, minutes on a loaded machine.
  "cpython-pyodide": () => import("../src/adapters/cpython-pyodide.js"),
} as const;

describe.each(Object.keys(ADAPTERS) as (keyof typeof ADAPTERS)[])("the %s adapter", (key) => {
  it("runs the suite to the scoreboard's counts", { timeout: 900_000 }, async () => {
    const impl = await ADAPTERS[key]();
    const report = await runSuite({ impl, seed: 1 });
    const expected = row(key);
    expect({ passed: report.passed, failed: report.failed, skipped: report.skipped.length }).toEqual({
      passed: expected.passed,
      failed: expected.failed,
      skipped: expected.skipped,
    });
    // The struct groups ran for real: a peer passes some and fails some.
    expect(report.passed).toBeGreaterThan(1000);
  });
});

describe("the cpython-pyodide adapter's conversions", () => {
  it("round-trips 8-byte integers as bigints, complex values and pack_into through CPython", { timeout: 900_000 }, async () => {
    const { struct, StructError } = await ADAPTERS["cpython-pyodide"]();
    expect(struct.unpack("<qB", struct.pack("<qB", -5n, 7))).toEqual([-5n, 7]);
    expect(struct.unpack("<D", struct.pack("<D", { real: 1.5, imag: -2 }))).toEqual([{ real: 1.5, imag: -2 }]);
    const target = new Uint8Array(6).fill(0xee);
    struct.packInto("<h", target, 2, -2);
    expect([...target]).toEqual([0xee, 0xee, 0xfe, 0xff, 0xee, 0xee]);
    expect(() => struct.pack("<B", 256)).toThrow(StructError);
    expect(() => struct.pack("<B", 256)).toThrow("'B' format requires 0 <= number <= 255");
  });

  it("iterates iter_unpack lazily, over the memory as it is at each step", { timeout: 900_000 }, async () => {
    const { struct } = await ADAPTERS["cpython-pyodide"]();
    const memory = Uint8Array.of(1, 2, 3, 4, 5, 6);
    const iterator = struct.iterUnpack("<2B", memory)[Symbol.iterator]();
    expect(iterator.next().value).toEqual([1, 2]);
    memory[2] = 30;
    expect(iterator.next().value).toEqual([30, 4]);
    expect(iterator.return?.()).toEqual({ done: true, value: undefined });
    expect(iterator.next().done).toBe(true);
  });

  it("runs CPython's memoryview over a JavaScript exporter's layout and writes back what it wrote", {
    timeout: 900_000,
  }, async () => {
    const { memoryview, slice, BufferError } = await ADAPTERS["cpython-pyodide"]();
    const memory = new Uint8Array(new Int16Array([1, 2, 3, 4, 5, 6]).buffer);
    const x = new TestExporter(memory, { format: "h", shape: [3], strides: [-4], offset: 8, writable: true });
    const m = memoryview(x) as MemoryViewLike;
    expect(x.exports).toBe(1);
    expect(m.tolist()).toEqual([5, 3, 1]);
    m.set(0, -7);
    expect([...x.memory.slice(0, 12)]).toEqual([...new Uint8Array(new Int16Array([1, 2, 3, 4, -7, 6]).buffer)]);
    const tail = m.get(new slice(1, null, null)) as MemoryViewLike;
    expect(tail.tolist()).toEqual([3, 1]);
    m.release();
    expect(x.exports).toBe(1); // the slice still holds the export, as in CPython
    tail.release();
    expect(x.exports).toBe(0);
    expect(() => m.tolist()).toThrow("operation forbidden on released memoryview object");
    expect(BufferError.name).toBe("BufferError");
  });

  it("runs CPython's own bytearray and array, with CPython's export counting", { timeout: 900_000 }, async () => {
    const { memoryview, bytearray, array, struct } = await ADAPTERS["cpython-pyodide"]();
    const b = new (bytearray as new (x: unknown) => Record<string, (...a: unknown[]) => unknown>)(Uint8Array.of(1, 2, 3));
    const m = memoryview(b) as MemoryViewLike;
    expect(() => b.append!(4)).toThrow("Existing exports of data: object cannot be re-sized");
    m.set(0, 9);
    m.release();
    b.append!(4);
    expect(String(b)).toBe("bytearray(b'\\t\\x02\\x03\\x04')");
    struct.packInto("<H", b, 2, 0x0605);
    expect(String(b)).toBe("bytearray(b'\\t\\x02\\x05\\x06')");
    const a = new (array as new (t: string, i: unknown) => Record<string, (...a: unknown[]) => unknown>)("q", [1n, -2n]);
    expect(a.tolist!()).toEqual([1n, -2n]);
    expect(() => {
      const v = memoryview(a);
      try {
        a.append!(3n);
      } finally {
        (v as MemoryViewLike).release();
      }
    }).toThrow("cannot resize an array that is exporting buffers");
  });

  it("declares wasm32's data model, with the reason of every declaration", { timeout: 900_000 }, async () => {
    const { struct, supports, declaredDivergences } = await ADAPTERS["cpython-pyodide"]();
    expect(supports.dataModel).toBe("ILP32");
    expect(struct.calcsize("l")).toBe(4);
    expect(struct.unpack("@N", new Uint8Array(4))).toEqual([0]);
    expect(Object.keys(declaredDivergences).sort()).toEqual(Object.keys(supports).sort());
  });
});
