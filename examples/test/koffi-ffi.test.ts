// koffi FFI through @mv/native. Skipped, with the reason, where the addon
// is not built, except with MV_NATIVE_REQUIRED=1 (CI), where that fails.
import { MemoryView } from "@mv/core";
import { bytearray, memoryview, slice } from "@mv/builtins";
import { describe, expect, it } from "vitest";
import { available, fillBytes, loadError, sortRows } from "../src/koffi-ffi.mjs";

const required = process.env.MV_NATIVE_REQUIRED === "1";
if (!available && !required) console.warn(`koffi example skipped: @mv/native is not built (${loadError?.message})`);

describe.skipIf(!available && !required)("koffi FFI through @mv/native", () => {
  it("has the addon", () => {
    expect(loadError?.message ?? null).toBeNull();
    expect(available).toBe(true);
  });

  it("qsort sorts each row of a matrix view in place", () => {
    const data = Int32Array.of(3, 1, 2, 9, -5, 7, 0, 0, -1);
    sortRows(MemoryView.from(data).reshape([3, 3]));
    expect([...data]).toEqual([1, 2, 3, -5, 7, 9, -1, 0, 0]);
  });

  it("memset fills exactly a memoryview slice of a bytearray", () => {
    const data = bytearray(new TextEncoder().encode("hello, world"));
    fillBytes(memoryview(data).get(slice(5, 7)), 0x5f);
    expect(new TextDecoder().decode(memoryview(data).tobytes())).toBe("hello__world");
  });
});
