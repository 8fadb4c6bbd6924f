/**
 * Every error of the struct codec: its `name` and CPython 3.14's message
 * (Modules/_struct.c, Objects/floatobject.c). Where 3.11 (the python3 on the
 * development machine) words a message differently, the comment says so.
 */
import { describe, expect, test } from "vitest";
import { Struct, calcsize, iterUnpack, pack, packInto, unpack, unpackFrom } from "../../src/index.js";

function thrown(f: () => unknown): { name: string; message: string } {
  try {
    f();
  } catch (e) {
    const err = e as Error;
    return { name: err.name, message: err.message };
  }
  throw new Error("did not throw");
}

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const callPack = pack as unknown as (...args: unknown[]) => Uint8Array;
const callPackInto = packInto as unknown as (...args: unknown[]) => void;

describe("format errors", () => {
  test.each([
    ["$", "bad char in struct format"],
    ["i$", "bad char in struct format"],
    ["2 i", "bad char in struct format"], // whitespace may not follow a count
    [" <i", "bad char in struct format"], // the prefix must come first
    ["i<", "bad char in struct format"],
    ["<n", "bad char in struct format"], // n N P are native only
    ["=N", "bad char in struct format"],
    [">P", "bad char in struct format"],
    ["!2P", "bad char in struct format"],
    ["G", "bad char in struct format"],
    ["T{i}", "bad char in struct format"], // PEP 3118 is not struct's grammar
    ["3", "repeat count given without format specifier"],
    ["ii3", "repeat count given without format specifier"],
    ["<0", "repeat count given without format specifier"],
    ["x5", "repeat count given without format specifier"],
    ["i\0", "embedded null character"],
    ["\0", "embedded null character"],
    ["99999999999999999999", "total struct size too long"], // the count overflows before the end is seen
    ["99999999999999999999x", "total struct size too long"],
    ["9223372036854775808x", "total struct size too long"],
    ["9223372036854775807xx", "total struct size too long"],
    ["4611686018427387904h", "total struct size too long"],
    ["b1152921504606846975q", "total struct size too long"], // padding pushes it over
  ])("calcsize(%j)", (format, message) => {
    expect(thrown(() => calcsize(format))).toEqual({ name: "StructError", message });
  });

  test("a format error comes before any other check", () => {
    expect(thrown(() => callPack("3", 1, 2, 3))).toEqual({
      name: "StructError",
      message: "repeat count given without format specifier",
    });
    expect(thrown(() => unpack("$", 5))).toEqual({ name: "StructError", message: "bad char in struct format" });
    expect(thrown(() => unpackFrom("<n", bytes(), -100))).toEqual({
      name: "StructError",
      message: "bad char in struct format",
    });
    expect(thrown(() => callPackInto("i\0", 5, 100, 1))).toEqual({
      name: "StructError",
      message: "embedded null character",
    });
  });

  test.each([
    [5, "int"],
    [1.5, "float"],
    [null, "NoneType"],
    [undefined, "NoneType"],
    [true, "bool"],
    [[1], "list"],
    [new Int8Array(1), "Int8Array"],
  ])("a format that is neither str nor bytes: %j", (format, type) => {
    expect(thrown(() => calcsize(format as never))).toEqual({
      name: "TypeError",
      message: `Struct() argument 1 must be a str or bytes object, not ${type}`,
    });
    expect(thrown(() => new Struct(format as never)).message).toBe(
      `Struct() argument 1 must be a str or bytes object, not ${type}`,
    );
  });

  test("a str format must encode to ASCII (UnicodeEncodeError, a ValueError)", () => {
    expect(thrown(() => calcsize("é"))).toEqual({
      name: "UnicodeEncodeError",
      message: "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
    });
    expect(thrown(() => calcsize("iéé a€😀"))).toEqual({
      name: "UnicodeEncodeError",
      message: "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)",
    });
    expect(thrown(() => calcsize("i€")).message).toContain("character '\\u20ac' in position 1");
    expect(thrown(() => calcsize("ii😀")).message).toContain("character '\\U0001f600' in position 2");
  });

  test("a bytes format with a byte above 127 is a bad char", () => {
    expect(thrown(() => calcsize(bytes(0x62, 0xe9)))).toEqual({
      name: "StructError",
      message: "bad char in struct format",
    });
    expect(thrown(() => calcsize(bytes(0)))).toEqual({ name: "StructError", message: "embedded null character" });
  });
});

describe("arity", () => {
  test("pack", () => {
    expect(thrown(() => callPack("ii", 1))).toEqual({
      name: "StructError",
      message: "pack expected 2 items for packing (got 1)",
    });
    expect(callPack("3x0i")).toEqual(new Uint8Array(4));
    expect(thrown(() => callPack("x", 1)).message).toBe("pack expected 0 items for packing (got 1)");
    expect(thrown(() => callPack("5s3p", new Uint8Array(1))).message).toBe("pack expected 2 items for packing (got 1)");
    expect(thrown(() => callPack())).toEqual({ name: "TypeError", message: "missing format argument" });
    expect(thrown(() => new Struct("4i").pack(1, 2, 3, 4, 5)).message).toBe("pack expected 4 items for packing (got 5)");
  });

  test("pack_into", () => {
    expect(thrown(() => callPackInto())).toEqual({ name: "TypeError", message: "missing format argument" });
    expect(thrown(() => callPackInto("i"))).toEqual({ name: "StructError", message: "pack_into expected buffer argument" });
    expect(thrown(() => callPackInto("i", new Uint8Array(4)))).toEqual({
      name: "StructError",
      message: "pack_into expected offset argument",
    });
    expect(thrown(() => callPackInto("2i", new Uint8Array(8), 0, 1))).toEqual({
      name: "StructError",
      message: "pack_into expected 2 items for packing (got 1)",
    });
    const s = new Struct("i") as unknown as { packInto(...a: unknown[]): void };
    expect(thrown(() => s.packInto()).message).toBe("pack_into expected buffer argument");
  });

  test("huge counts are printed exactly", () => {
    expect(thrown(() => callPack("4611686018427387903h")).message).toBe(
      "pack expected 4611686018427387903 items for packing (got 0)",
    );
    expect(thrown(() => unpack("4611686018427387903h", bytes())).message).toBe(
      "unpack requires a buffer of 9223372036854775806 bytes",
    );
  });
});

describe("buffers", () => {
  test.each([
    [5, "int"],
    [1.5, "float"],
    ["abc", "str"],
    [null, "NoneType"],
    [[1, 2], "list"],
    [{}, "object"],
  ])("not a buffer: %j", (value, type) => {
    expect(thrown(() => unpack("b", value))).toEqual({
      name: "TypeError",
      message: `a bytes-like object is required, not '${type}'`,
    });
    expect(thrown(() => unpackFrom("b", value))).toEqual({
      name: "TypeError",
      message: `a bytes-like object is required, not '${type}'`,
    });
    expect(thrown(() => iterUnpack("b", value))).toEqual({
      name: "TypeError",
      message: `a bytes-like object is required, not '${type}'`,
    });
    // The w* converter names None itself, not its type (Python/getargs.c).
    expect(thrown(() => packInto("b", value, 0, 1))).toEqual({
      name: "TypeError",
      message: `argument must be read-write bytes-like object, not ${value === null ? "None" : type}`,
    });
  });

  test("unpack needs the exact size", () => {
    expect(thrown(() => unpack("i", bytes(1, 2, 3)))).toEqual({
      name: "StructError",
      message: "unpack requires a buffer of 4 bytes",
    });
    expect(thrown(() => unpack("", bytes(1))).message).toBe("unpack requires a buffer of 0 bytes");
  });

  test("unpack_from offsets", () => {
    const four = bytes(1, 2, 3, 4);
    const eight = new Uint8Array(8);
    expect(thrown(() => unpackFrom("q", four))).toEqual({
      name: "StructError",
      message: "unpack_from requires a buffer of at least 8 bytes for unpacking 8 bytes at offset 0 (actual buffer size is 4)",
    });
    expect(thrown(() => unpackFrom("i", eight, 5)).message).toBe(
      "unpack_from requires a buffer of at least 9 bytes for unpacking 4 bytes at offset 5 (actual buffer size is 8)",
    );
    expect(thrown(() => unpackFrom("q", four, -9)).message).toBe("offset -9 out of range for 4-byte buffer");
    expect(thrown(() => unpackFrom("q", eight, -9)).message).toBe("offset -9 out of range for 8-byte buffer");
    expect(thrown(() => unpackFrom("q", eight, -7)).message).toBe("not enough data to unpack 8 bytes at offset -7");
    expect(thrown(() => unpackFrom("i", eight, 1.5))).toEqual({
      name: "TypeError",
      message: "'float' object cannot be interpreted as an integer",
    });
    expect(thrown(() => unpackFrom("i", eight, "1" as never))).toEqual({
      name: "TypeError",
      message: "'str' object cannot be interpreted as an integer",
    });
    expect(thrown(() => unpackFrom("i", eight, 2n ** 70n))).toEqual({
      name: "OverflowError",
      message: "Python int too large to convert to C ssize_t",
    });
    expect(unpackFrom("i", eight, -4)).toEqual([0]);
    expect(unpackFrom("B", bytes(7, 8), true as never)).toEqual([8]);
  });

  test("pack_into offsets", () => {
    const four = new Uint8Array(4);
    expect(thrown(() => packInto("i", four, -5, 1))).toEqual({
      name: "StructError",
      message: "offset -5 out of range for 4-byte buffer",
    });
    expect(thrown(() => packInto("i", four, -3, 1)).message).toBe("no space to pack 4 bytes at offset -3");
    expect(thrown(() => packInto("i", four, 2, 1)).message).toBe(
      "pack_into requires a buffer of at least 6 bytes for packing 4 bytes at offset 2 (actual buffer size is 4)",
    );
    expect(thrown(() => packInto("i", four, 2n ** 70n, 1))).toEqual({
      name: "IndexError",
      message: "cannot fit 'int' into an index-sized integer",
    });
    expect(thrown(() => packInto("i", four, 1.0000001, 1))).toEqual({
      name: "TypeError",
      message: "'float' object cannot be interpreted as an integer",
    });
  });

  test("iter_unpack", () => {
    expect(thrown(() => iterUnpack("i", bytes(1, 2, 3)))).toEqual({
      name: "StructError",
      message: "iterative unpacking requires a buffer of a multiple of 4 bytes",
    });
    expect(thrown(() => iterUnpack("0i", 5))).toEqual({
      name: "StructError",
      message: "cannot iteratively unpack with a struct of length 0",
    });
  });
});

describe("values", () => {
  // 3.11 says "byte format requires …", "ubyte …", "short …", "ushort …" for
  // native b B h H (and for '<h' '<H' '=h' '=H', which use the native
  // functions), "argument out of range" where the C conversion overflows, and
  // "int too large to convert" for '>q' '>Q'; 3.12 (gh-98248) made them all
  // _range_error()'s words, which 3.14 keeps.
  const ranges: [string, string][] = [
    ["b", "'b' format requires -128 <= number <= 127"],
    ["B", "'B' format requires 0 <= number <= 255"],
    ["h", "'h' format requires -32768 <= number <= 32767"],
    ["H", "'H' format requires 0 <= number <= 65535"],
    ["i", "'i' format requires -2147483648 <= number <= 2147483647"],
    ["I", "'I' format requires 0 <= number <= 4294967295"],
    ["l", "'l' format requires -9223372036854775808 <= number <= 9223372036854775807"],
    ["L", "'L' format requires 0 <= number <= 18446744073709551615"],
    ["q", "'q' format requires -9223372036854775808 <= number <= 9223372036854775807"],
    ["Q", "'Q' format requires 0 <= number <= 18446744073709551615"],
    ["n", "'n' format requires -9223372036854775808 <= number <= 9223372036854775807"],
    ["N", "'N' format requires 0 <= number <= 18446744073709551615"],
    ["<l", "'l' format requires -2147483648 <= number <= 2147483647"],
    ["<L", "'L' format requires 0 <= number <= 4294967295"],
    [">h", "'h' format requires -32768 <= number <= 32767"],
    ["=H", "'H' format requires 0 <= number <= 65535"],
    [">q", "'q' format requires -9223372036854775808 <= number <= 9223372036854775807"],
    ["!Q", "'Q' format requires 0 <= number <= 18446744073709551615"],
  ];
  test.each(ranges)("out of range for %s", (format, message) => {
    const signed = /[a-z]$/.test(format);
    for (const v of [2n ** 64n, -(2n ** 64n), 2n ** 100n, signed ? 2n ** 63n : -1n]) {
      expect(thrown(() => pack(format, v))).toEqual({ name: "StructError", message });
    }
    expect(thrown(() => pack(format, 1e300))).toEqual({ name: "StructError", message });
  });

  test("native P", () => {
    for (const v of [2n ** 64n, -(2n ** 63n) - 1n, 1e300]) {
      expect(thrown(() => pack("P", v))).toEqual({ name: "StructError", message: "int too large to convert" });
    }
    expect(pack("P", -1)).toEqual(new Uint8Array(8).fill(255));
    expect(unpack("P", new Uint8Array(8).fill(255))).toEqual([2n ** 64n - 1n]);
  });

  test.each(["b", "<H", "q", ">Q", "P", "n", "?x"])("not an integer for %s", (format) => {
    if (format === "?x") return;
    for (const v of [1.5, -0.5, Number.NaN, Infinity, -Infinity, "1", null, undefined, new Uint8Array(1), {}]) {
      expect(thrown(() => pack(format, v))).toEqual({
        name: "StructError",
        message: "required argument is not an integer",
      });
    }
    expect(pack(format, true)).toEqual(pack(format, 1));
  });

  test.each(["e", "<e", "f", ">f", "d", "=d"])("not a float for %s", (format) => {
    for (const v of ["1.5", null, undefined, new Uint8Array(0), 2n ** 1024n, -(2n ** 1024n)]) {
      expect(thrown(() => pack(format, v))).toEqual({ name: "StructError", message: "required argument is not a float" });
    }
  });

  test("float overflow", () => {
    for (const format of ["e", "<e", ">e", "=e"]) {
      for (const v of [65520, -65520, 1e300, Number.MAX_VALUE]) {
        expect(thrown(() => pack(format, v))).toEqual({
          name: "OverflowError",
          message: "float too large to pack with e format",
        });
      }
      // A Python int: s_pack_internal() rewords the OverflowError.
      expect(thrown(() => pack(format, 65520n))).toEqual({ name: "StructError", message: "int too large to convert" });
    }
    for (const format of ["<f", ">f", "=f", "!f"]) {
      expect(thrown(() => pack(format, 3.4028235677973366e38))).toEqual({
        name: "OverflowError",
        message: "float too large to pack with f format",
      });
      expect(thrown(() => pack(format, 2n ** 128n))).toEqual({ name: "StructError", message: "int too large to convert" });
    }
    // Native f is a C cast: no check.
    expect(unpack("f", pack("f", 1e300))).toEqual([Infinity]);
    expect(unpack("f", pack("f", 2n ** 128n))).toEqual([Infinity]);
    expect(unpack("<d", pack("<d", 1e308 * 10))).toEqual([Infinity]);
  });

  test("c, s and p", () => {
    for (const v of [new Uint8Array(0), new Uint8Array(2), "a", 97, null, new Uint8ClampedArray(1)]) {
      expect(thrown(() => pack("c", v))).toEqual({
        name: "StructError",
        message: "char format requires a bytes object of length 1",
      });
    }
    for (const v of ["a", 1, null, true, [1]]) {
      expect(thrown(() => pack("3s", v))).toEqual({ name: "StructError", message: "argument for 's' must be a bytes object" });
      expect(thrown(() => pack("3p", v))).toEqual({ name: "StructError", message: "argument for 'p' must be a bytes object" });
    }
  });
});

describe("failures leave what CPython leaves", () => {
  test("pack_into zeroes the struct, then writes values up to the bad one", () => {
    const buffer = new Uint8Array(8).fill(0xaa);
    expect(() => packInto("<bxhb", buffer, 1, 1, 2, 300)).toThrow("'b' format requires -128 <= number <= 127");
    expect(buffer).toEqual(new Uint8Array([0xaa, 1, 0, 2, 0, 0, 0xaa, 0xaa]));
  });

  test("pack_into into a buffer detached since the last call", () => {
    const s = new Struct("<i");
    const ab = new ArrayBuffer(8);
    s.packInto(ab, 0, 7);
    structuredClone(ab, { transfer: [ab] });
    expect(thrown(() => s.packInto(ab, 0, 7))).toEqual({
      name: "StructError",
      message: "pack_into requires a buffer of at least 4 bytes for packing 4 bytes at offset 0 (actual buffer size is 0)",
    });
    const u = new Uint8Array(8);
    expect(s.unpackFrom(u, 4)).toEqual([0]);
    structuredClone(u.buffer, { transfer: [u.buffer] });
    expect(thrown(() => s.unpackFrom(u, 4)).message).toBe(
      "unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 (actual buffer size is 0)",
    );
    expect(thrown(() => s.unpack(u)).message).toBe("unpack requires a buffer of 4 bytes");
  });
});
