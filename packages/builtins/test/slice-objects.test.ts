/**
 * The package's `slice(...)` objects work as keys of bytes, bytearray,
 * array and buffer, exactly like `{ start, stop, step }` records.
 */
import { describe, expect, it } from "vitest";
import { array, buffer, bytearray, bytes, slice } from "./support/api.js";

describe("slice() keys", () => {
  it("index every sequence", () => {
    expect([...(bytes([1, 2, 3]).get(slice(1, null)) as Iterable<number>)]).toEqual([2, 3]);
    const b = bytearray([1, 2, 3]);
    b.set(slice(null, null, -1), [7, 8, 9]);
    expect([...b]).toEqual([9, 8, 7]);
    b.delete(slice(1));
    expect([...b]).toEqual([8, 7]);
    const a = array("i", [1, 2, 3, 4]);
    expect((a.get(slice(null, null, 2)) as ReturnType<typeof array>).tolist()).toEqual([1, 3]);
    expect(Array.from(buffer(bytes([1, 2, 3])).get(slice(-2, null)))).toEqual([2, 3]);
  });
});
