/**
 * What CPython 3.14 changed that memoryview and the error classes see: the
 * struct codes `F` and `D` (memoryview casts to neither), the
 * UnicodeEncodeError of a non-ASCII format, `MemoryError`, and a
 * `Uint8Array` (the contract's `bytes`) as a `hex` separator. Expected
 * messages are CPython 3.14.2's.
 */
import { describe, expect, test } from "vitest";
import * as core from "@mv/core";
import {
  MemoryError,
  UnicodeEncodeError,
  ValueError,
  bytearray,
  bytes,
  memoryview,
  slice,
  type PyMemoryView,
} from "../src/index.js";

const NOT_A_FORMAT = "memoryview: destination format must be a native single character format prefixed with an optional '@'";

describe("cast to F or D", () => {
  test.each(["F", "D", "@F", "@D", "<D", ">F", "2F", "FD", "bD", "T{D:a:}"])("cast(%s) is refused", (format) => {
    const m = memoryview(new Uint8Array(32));
    expect(() => m.cast(format)).toThrow(new ValueError(NOT_A_FORMAT));
    // the refusal leaves no half-made view: the source can still be released
    m.release();
  });
  test("refusals that CPython makes first still come first", () => {
    const strided = memoryview(new Uint8Array(32)).get(slice(null, null, 2)) as PyMemoryView;
    expect(() => strided.cast("D")).toThrow(new TypeError("memoryview: casts are restricted to C-contiguous views"));
    // a 1-D view with a shape: the format is checked next
    expect(() => memoryview(new Uint8Array(32)).cast("D", [1, 2])).toThrow(new ValueError(NOT_A_FORMAT));
  });
  test("other struct formats still cast (the contract's extension)", () => {
    expect(memoryview(new Float64Array(2)).cast("<d").format).toBe("<d");
  });
  test("a view whose exporter says D reads complex values", () => {
    const m = memoryview(core.MemoryView.from(new Float64Array([1, 2])).cast("D"));
    expect(m.format).toBe("D");
    expect(m.get(0)).toEqual({ real: 1, imag: 2 });
  });
});

describe("hex separators", () => {
  const m = memoryview(Uint8Array.of(0x61, 0x62, 0x63));
  test("a Uint8Array of one ASCII byte is a separator", () => {
    expect(m.hex(Uint8Array.of(0x3a))).toBe("61:62:63");
    expect(m.hex(Uint8Array.of(0x2d), 2)).toBe("61-6263");
    expect(bytes(Uint8Array.of(1, 2)).hex(Uint8Array.of(0x20))).toBe("01 02");
  });
  test("its length and ASCII are checked as for bytes", () => {
    expect(() => m.hex(Uint8Array.of())).toThrow(new ValueError("sep must be length 1."));
    expect(() => m.hex(Uint8Array.of(0x3a, 0x3a))).toThrow(new ValueError("sep must be length 1."));
    expect(() => m.hex(Uint8Array.of(0x80))).toThrow(new ValueError("sep must be ASCII."));
  });
  test("a bytearray is not bytes", () => {
    expect(() => m.hex(bytearray([0x3a]) as never)).toThrow(new TypeError("sep must be str or bytes."));
  });
});

describe("error classes", () => {
  test("MemoryError and UnicodeEncodeError are core's own classes", () => {
    expect(MemoryError).toBe(core.MemoryError);
    expect(UnicodeEncodeError).toBe(core.UnicodeEncodeError);
    expect(new UnicodeEncodeError("x")).toBeInstanceOf(ValueError);
    expect(new MemoryError().name).toBe("MemoryError");
  });
  test("a non-ASCII cast format stays the contract's ValueError", () => {
    // CPython's cast encodes the format first (UnicodeEncodeError); the
    // contract's extension casts to NumPy formats whose field names are not
    // ASCII, so an unreadable one is refused as any other unreadable format.
    expect(() => memoryview(new Uint8Array(4)).cast("B\xe9")).toThrow(new ValueError(NOT_A_FORMAT));
  });
});
