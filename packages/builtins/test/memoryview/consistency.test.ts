/**
 * memoryview's consistency with core (issue 18): extra arguments to get and
 * set are refused with a pointer to the tuple form; `{ autoRelease: true }`
 * gives the export back when a dropped view is collected (run with
 * --expose-gc, see vitest.config.ts); every class prints on one line under
 * Node's inspect, as its toString.
 */
import { inspect } from "node:util";
import { MemoryView, Struct } from "@mv/core";
import { describe, expect, it } from "vitest";
import { array, buffer, bytearray, bytes, memoryview } from "../../src/index.js";

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects and lets finalizers run until `done()` holds (at most `rounds` times). */
async function collectUntil(done: () => boolean, rounds = 50): Promise<boolean> {
  for (let i = 0; i < rounds; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (done()) return true;
  }
  return false;
}

function resizes(data: ReturnType<typeof bytearray>): boolean {
  try {
    data.append(1);
    data.pop();
    return true;
  } catch {
    return false;
  }
}

describe("get and set take one key", () => {
  const m = memoryview(new Uint8Array(8)).cast("B", [2, 2, 2]);
  it("refuse extra arguments with a TypeError that shows the tuple form", () => {
    expect(() => (m.get as (...args: unknown[]) => unknown)(0, 1, 0)).toThrow(
      new TypeError("get() takes exactly one argument (3 given); a tuple key is an array: get([0, 1, 0])"),
    );
    expect(() => (m.set as (...args: unknown[]) => void)(0, 1, 0, 7)).toThrow(
      new TypeError("set() takes exactly 2 arguments (4 given); a tuple key is an array: set([0, 1, 0], value)"),
    );
    expect(() => (m.get as (...args: unknown[]) => void)()).toThrow(TypeError);
    expect(() => (m.set as (...args: unknown[]) => void)(0)).toThrow(TypeError);
    m.set([0, 1, 0], 7);
    expect(m.get([0, 1, 0])).toBe(7);
  });
});

describe("memoryview(obj, { autoRelease: true })", () => {
  it.runIf(gc !== undefined)("gives a dropped view's export back once it is collected", async () => {
    const data = bytearray([1, 2, 3]);
    (() => {
      const m = memoryview(data, { autoRelease: true });
      expect(m.get(0)).toBe(1);
    })();
    expect(resizes(data)).toBe(false);
    expect(await collectUntil(() => resizes(data))).toBe(true);
  });

  it.runIf(gc !== undefined)("without it, a dropped view keeps the bytearray pinned", async () => {
    const data = bytearray([1, 2, 3]);
    (() => {
      memoryview(data);
    })();
    expect(await collectUntil(() => resizes(data), 5)).toBe(false);
  });

  it("runs with gc exposed", () => {
    expect(typeof gc).toBe("function");
  });

  it("keeps release() and using working", () => {
    const data = bytearray(2);
    const m = memoryview(data, { autoRelease: true });
    m.release();
    expect(resizes(data)).toBe(true);
  });
});

describe("Node's inspect shows toString()", () => {
  it("for each class, on one line", () => {
    const objects: { toString(): string }[] = [
      new Struct("<i"),
      MemoryView.from(new Uint8Array(2)),
      memoryview(new Uint8Array(2)),
      buffer(bytes([97])),
      bytes([97]),
      bytearray([97]),
      array("h", [1]),
    ];
    for (const object of objects) {
      expect(inspect(object)).toBe(object.toString());
      expect(inspect(object)).not.toContain("\n");
    }
  });
});
