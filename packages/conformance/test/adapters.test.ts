// The adapters for implementations written elsewhere, each run through the
// whole suite (seed 1) as the scoreboard records it. A peer's failing cases
// are expected and counted: the run must give exactly the scoreboard's
// figures, so a change in the suite or an adapter shows here and the
// scoreboard is regenerated (node scripts/scoreboard.mjs) on purpose.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runSuite } from "../src/index.js";

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

  it("declares wasm32's data model, with the reason of every declaration", { timeout: 900_000 }, async () => {
    const { struct, supports, declaredDivergences } = await ADAPTERS["cpython-pyodide"]();
    expect(supports.dataModel).toBe("ILP32");
    expect(struct.calcsize("l")).toBe(4);
    expect(struct.unpack("@N", new Uint8Array(4))).toEqual([0]);
    expect(Object.keys(declaredDivergences).sort()).toEqual(Object.keys(supports).sort());
  });
});
