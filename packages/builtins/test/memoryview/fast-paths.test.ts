/**
 * The shortcuts memoryview takes for its common cases give what the
 * general paths give (CPython 3.14's results and errors, checked here
 * against values python3 printed): `m[i] = x` of a 1-D view decided up
 * front, `cast` refusing a destination that is no format before core is
 * asked, and views of one `bytes` object sharing its export.
 */
import { describe, expect, it } from "vitest";
import { array, bytearray, bytes, memoryview } from "../../src/index.js";

describe("m[i] = x", () => {
  it("rounds an out-of-range float for 'f' as the C cast does", () => {
    const m = memoryview(array("f", [0]));
    m.set(0, 1e300);
    expect(m.get(0)).toBe(Infinity);
  });

  it("refuses as CPython does, whichever path is taken", () => {
    const m = memoryview(array("B", [0]));
    expect(() => m.set(1.5, 1)).toThrowError(
      expect.objectContaining({ name: "TypeError", message: "memoryview: invalid slice key" }),
    );
    expect(() => m.set(5, 1)).toThrowError(
      expect.objectContaining({ name: "IndexError", message: "index out of bounds on dimension 1" }),
    );
    expect(() => m.set(0, 256)).toThrowError(
      expect.objectContaining({ name: "ValueError", message: "memoryview: invalid value for format 'B'" }),
    );
    expect(() => m.set(0, "x")).toThrowError(
      expect.objectContaining({ name: "TypeError", message: "memoryview: invalid type for format 'B'" }),
    );
    expect(() => m.toreadonly().set(1.5, 1)).toThrowError(
      expect.objectContaining({ name: "TypeError", message: "cannot modify read-only memory" }),
    );
    const at = memoryview(bytearray(1)).cast("@B");
    expect(() => at.set(0, 256)).toThrowError(
      expect.objectContaining({ name: "ValueError", message: "memoryview: invalid value for format 'B'" }),
    );
    const released = memoryview(bytearray(1));
    released.release();
    expect(() => released.set(0, 1)).toThrowError(
      expect.objectContaining({ name: "ValueError", message: "operation forbidden on released memoryview object" }),
    );
  });

  it("writes through to the exporter", () => {
    const b = bytearray(3);
    const m = memoryview(b);
    m.set(-1, 7);
    m.set(0, 1n);
    expect(Array.from(m.tobytes())).toEqual([1, 0, 7]);
  });
});

describe("cast's destination format", () => {
  const NOT_A_FORMAT = "memoryview: destination format must be a native single character format prefixed with an optional '@'";
  it.each(["Z", "", "0s", "@D", "T{F:re:}", "2x3"])("refuses %j with CPython's message", (format) => {
    expect(() => memoryview(bytearray(16)).cast(format)).toThrowError(
      expect.objectContaining({ name: "ValueError", message: NOT_A_FORMAT }),
    );
  });
  it("takes a field named with an F or a D", () => {
    expect(memoryview(bytearray(8)).cast("T{d:Data:}").tolist()).toEqual([[0]]);
  });
});

describe("memoryview(bytes)", () => {
  it("gives independent views of one export", () => {
    const b = bytes([1, 2, 3]);
    const first = memoryview(b);
    const second = memoryview(b);
    first.release();
    expect(first.released).toBe(true);
    expect(second.tolist()).toEqual([1, 2, 3]);
    expect(second.obj).toBe(b);
    second.release();
    expect(memoryview(b).tolist()).toEqual([1, 2, 3]);
  });
});
