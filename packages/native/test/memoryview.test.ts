// @mv/builtins' memoryview is an exporter like any other (it answers the
// registry symbol), so addressOf and elementAddress take it through the
// same protocol path. Imported by name at run time (vitest maps it to the
// workspace source), so that @mv/native does not depend on its sibling.
import { expect, it } from "vitest";
import { addressOf, elementAddress, extentOf, fromAddress } from "../src/index.js";
import { memset } from "./support/libc.js";
import { describeNative } from "./support/native-suite.js";

const BUILTINS = "@mv/builtins";

describeNative("memoryview views of @mv/builtins", () => {
  it("addresses of a memoryview and of its slices", async () => {
    const { memoryview, slice } = await import(/* @vite-ignore */ BUILTINS);
    const data = Int16Array.from({ length: 10 }, (_, i) => i);
    const m = memoryview(data);
    expect(addressOf(m)).toBe(addressOf(data));
    const backwards = m.get(slice(null, null, -3)); // items 9, 6, 3, 0
    expect(addressOf(backwards) - addressOf(data)).toBe(18n);
    expect(extentOf(backwards)).toEqual({ start: addressOf(data), end: addressOf(data) + 20n, byteLength: 20 });
    expect(new Int16Array(fromAddress(elementAddress(backwards, [1]), 2))[0]).toBe(6);
    for (let i = 0; i < 4; i++) memset(elementAddress(backwards, [i]), 0, 2);
    expect(backwards.tolist()).toEqual([0, 0, 0, 0]);
    expect([...data]).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8, 0]);
  });
});
