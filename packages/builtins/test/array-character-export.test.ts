/**
 * array('w') and array('u') export format "w" (4-byte code points), as
 * CPython 3.14 does on Linux; memoryview accepts the export and, like
 * CPython, refuses only to read or write the values. Expected behaviour from
 * python3: memoryview(array.array('u', 'ab')) has format 'w', itemsize 4,
 * nbytes 8; tolist() and m[0] raise NotImplementedError "memoryview: format w
 * not supported"; m == m is False; cast('B') and tobytes() work.
 */
import { describe, expect, it } from "vitest";
import { BufferFlags, getBuffer, releaseBuffer } from "@mv/core";
import { array, memoryview } from "../src/index.js";

const notSupported = expect.objectContaining({
  name: "NotImplementedError",
  message: "memoryview: format w not supported",
});

describe.each(["w", "u"])("memoryview(array(%j, 'ab'))", (typecode) => {
  it("has CPython's layout", () => {
    const m = memoryview(array(typecode, "ab"));
    expect([m.format, m.itemsize, m.nbytes, m.length]).toEqual(["w", 4, 8, 2]);
    expect(Array.from(m.tobytes())).toEqual([97, 0, 0, 0, 98, 0, 0, 0]);
    expect(m.cast("B").tolist()).toEqual([97, 0, 0, 0, 98, 0, 0, 0]);
  });

  it("refuses to read or write the values, and compares unequal", () => {
    const m = memoryview(array(typecode, "ab"));
    expect(() => m.tolist()).toThrow(notSupported);
    expect(() => m.get(0)).toThrow(notSupported);
    expect(() => m.set(0, 1)).toThrow(notSupported);
    expect(m.equals(m)).toBe(false);
    expect(Array.from(m.tobytes())).toEqual([97, 0, 0, 0, 98, 0, 0, 0]);
  });

  it("counts the export: no resize until it is released", () => {
    const a = array(typecode, "ab");
    const m = memoryview(a);
    expect(() => a.append("c")).toThrow(
      expect.objectContaining({ name: "BufferError", message: "Existing exports of data: object cannot be re-sized" }),
    );
    m.release();
    a.append("c");
    const info = getBuffer(a, BufferFlags.FULL_RO);
    expect([info.format, info.itemsize, info.len]).toEqual(["w", 4, 12]);
    expect(() => a.append("d")).toThrow(expect.objectContaining({ name: "BufferError" }));
    releaseBuffer(info);
    a.append("d");
  });
});
