/**
 * Empty objects export, compare and print like CPython's.
 */
import { describe, expect, it } from "vitest";
import { BufferFlags, array, buffer, bytearray, bytes, getBuffer, releaseBuffer } from "./support/api.js";

describe("empty objects", () => {
  it.each([
    ["bytes", () => bytes(), "b''"],
    ["bytearray", () => bytearray(), "bytearray(b'')"],
    ["array", () => array("d"), "array('d')"],
  ] as const)("%s exports zero bytes and prints %s", (_name, make, repr) => {
    const obj = make();
    const info = getBuffer(obj, BufferFlags.FULL_RO);
    expect([info.len, info.shape]).toEqual([0, [0]]);
    releaseBuffer(info);
    expect(String(obj)).toBe(repr);
    expect(obj.length).toBe(0);
  });

  it("a buffer of nothing is empty, and + returns the other operand", () => {
    const b = buffer(bytes());
    expect(b.length).toBe(0);
    const other = bytearray([1]);
    expect(b.concat(other)).toBe(other);
    expect(b.hash()).toBe(0n);
    expect(Array.from(buffer.new(0).tobytes())).toEqual([]);
  });

  it("grows from empty and shrinks back to empty", () => {
    const b = bytearray();
    b.extend([1, 2, 3]);
    b.clear();
    b.append(4);
    expect([...b]).toEqual([4]);
    const a = array("i");
    a.extend([1, 2]);
    a.delete({ start: null });
    expect(a.length).toBe(0);
    a.append(3);
    expect(a.tolist()).toEqual([3]);
  });
});
