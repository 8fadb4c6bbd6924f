/**
 * An object with memoryview's prototype that `memoryview(obj)` did not make
 * behaves as a released memoryview, with Python's errors.
 */
import { getBuffer } from "@mv/core";
import { describe, expect, it } from "vitest";
import { memoryview } from "../../src/index.js";

const RELEASED = expect.objectContaining({ name: "ValueError", message: "operation forbidden on released memoryview object" });

describe("Object.create(memoryview.prototype)", () => {
  const fake = Object.create(memoryview.prototype) as ReturnType<typeof memoryview>;
  it.each([
    ["getBuffer", () => getBuffer(fake)],
    ["get", () => fake.get(0)],
    ["set", () => fake.set(0, 1)],
    ["tolist", () => fake.tolist()],
    ["hex", () => fake.hex()],
    ["hash", () => fake.hash()],
    ["shape", () => fake.shape],
    ["memoryview(fake)", () => memoryview(fake)],
  ])("%s throws ValueError", (_name, use) => {
    expect(use).toThrowError(RELEASED);
  });
  it("reads as released", () => {
    expect(fake.released).toBe(true);
    expect(() => fake.release()).not.toThrow();
  });
});
