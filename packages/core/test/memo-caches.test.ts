// clearCache() empties every memo cache of @mv/core, and results do not
// change: the conformance mutation run starts each chunk of cases cold.
import { describe, expect, it } from "vitest";
import { MemoryView, calcsize, clearCache, itemCodec, pack, parseFormat, unpack } from "../src/index.js";
import { clearMemoCaches, registerMemoCache } from "../src/memo-caches.js";

describe("memo caches", () => {
  it("clearCache() calls every registered clearer", () => {
    let cleared = 0;
    registerMemoCache(() => cleared++);
    clearCache();
    expect(cleared).toBe(1);
    clearMemoCaches();
    expect(cleared).toBe(2);
  });

  it("the cached objects are built again after clearCache(), with equal results", () => {
    const codec = itemCodec("<h");
    const parsed = parseFormat("T{<i:a:}");
    clearCache();
    expect(itemCodec("<h")).not.toBe(codec);
    expect(itemCodec("<h").itemsize).toBe(2);
    expect(parseFormat("T{<i:a:}")).not.toBe(parsed);
    expect(parseFormat("T{<i:a:}").itemsize).toBe(parsed.itemsize);
  });

  it("codec, messages and views work across clears", () => {
    for (let round = 0; round < 3; round++) {
      expect(calcsize("@bi")).toBe(8);
      expect(unpack("<hd", pack("<hd", -2, 0.5))).toEqual([-2, 0.5]);
      expect(() => pack("h", 40000)).toThrow("'h' format requires -32768 <= number <= 32767");
      const view = MemoryView.from(new Float64Array([1, 2, 3]));
      expect(view.get(2)).toBe(3);
      expect(view.shape).toEqual([3]);
      clearCache();
    }
  });
});
