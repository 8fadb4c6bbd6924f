/**
 * An object with MemoryView's prototype that `MemoryView.from` did not make
 * views no memory: every use refuses it as a released view is refused,
 * with Python's error, never the engine's about a missing private field.
 */
import { describe, expect, it } from "vitest";
import { getBuffer, MemoryView } from "../../src/index.js";

const RELEASED = expect.objectContaining({ name: "ValueError", message: "operation forbidden on released memoryview object" });

describe("Object.create(MemoryView.prototype)", () => {
  const fake = Object.create(MemoryView.prototype) as MemoryView;
  it.each([
    ["getBuffer", () => getBuffer(fake)],
    ["get", () => fake.get(0)],
    ["set", () => fake.set(0, 1)],
    ["shape", () => fake.shape],
    ["toBytes", () => fake.toBytes()],
    ["slice", () => fake.slice([1])],
    ["MemoryView.from", () => MemoryView.from(fake)],
    ["iteration", () => [...fake]],
  ])("%s throws ValueError", (_name, use) => {
    expect(use).toThrowError(RELEASED);
  });
  it("reads as released, equals only itself, and releases quietly", () => {
    expect(fake.released).toBe(true);
    expect(fake.equals(fake)).toBe(true);
    expect(fake.equals(MemoryView.from(new Uint8Array(0)))).toBe(false);
    expect(() => fake.release()).not.toThrow();
  });
  it("leaves real views alone", () => {
    expect(MemoryView.from(Uint8Array.of(5)).get(0)).toBe(5);
  });
});
