/**
 * CPython 3.14's complex codes `F` and `D`, and the format errors that 3.14
 * gives their own class (UnicodeEncodeError). Expected values were checked
 * against CPython 3.14.2 (the conformance fixture golden_complex.json holds
 * the full recorded set; these are the cases each branch of the rows needs).
 */
import { describe, expect, test } from "vitest";
import { OverflowError, UnicodeEncodeError, ValueError } from "../../src/errors.js";
import { Struct, calcsize, iterUnpack, pack, packInto, unpack, unpackFrom } from "../../src/struct/index.js";
import { MemoryView } from "../../src/view/index.js";

/** An error with this Python name and message (codec errors carry more fields, such as a kind). */
const py = (name: string, message: string): unknown => expect.objectContaining({ name, message });
const hex = (u: Uint8Array): string => Array.from(u, (b) => b.toString(16).padStart(2, "0")).join("");
const fromHex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));

describe("sizes and alignment", () => {
  test.each([
    ["F", 8],
    ["D", 16],
    ["bF", 12],
    ["bD", 24],
    ["hD", 24],
    ["qF", 16],
    ["Fb", 9],
    ["Db", 17],
    ["<bF", 9],
    ["<bD", 17],
    [">bD", 17],
    ["=hF", 10],
    ["!2D", 32],
    ["3F", 24],
    ["xxxD", 24],
    ["0D", 0],
    ["b0D", 8],
  ] as const)("calcsize(%s) is %i", (format, size) => {
    expect(calcsize(format)).toBe(size);
  });
});

describe("pack", () => {
  test.each([
    ["<F", { real: 1, imag: 2 }, "0000803f00000040"],
    [">F", { real: 1, imag: 2 }, "3f80000040000000"],
    ["<D", 1.5, "000000000000f83f0000000000000000"],
    ["!D", { real: 1, imag: 2 }, "3ff00000000000004000000000000000"],
    ["D", 2n, "00000000000000400000000000000000"],
    ["D", true, "000000000000f03f0000000000000000"],
    ["F", 1e300, "0000807f00000000"],
    ["<F", 1e300, "0000807f00000000"],
    ["=F", 2n ** 128n, "0000807f00000000"],
    [">F", { real: NaN, imag: 0 }, "7fc0000000000000"],
  ] as const)("pack(%s, %o)", (format, value, expected) => {
    expect(hex(pack(format, value))).toBe(expected);
  });

  test("the standard F of the other byte order checks each half for overflow", () => {
    expect(() => pack(">F", 1e300)).toThrow(py("OverflowError", "float too large to pack with f format"));
    expect(() => pack("!F", { real: 1, imag: -3.5e38 })).toThrow(OverflowError);
    // an int that overflows the float half: s_pack_internal's rewording
    expect(() => pack(">F", 2n ** 128n)).toThrow(py("StructError", "int too large to convert"));
  });

  test("a value PyComplex_AsCComplex refuses", () => {
    for (const value of ["x", null, undefined, [1, 2], { real: 1 }, { real: 1n, imag: 0 }, new Uint8Array(1), 2n ** 1100n]) {
      expect(() => pack("D", value)).toThrow(py("StructError", "required argument is not a complex"));
    }
  });

  test("nothing is written when the imaginary half overflows", () => {
    const buf = new Uint8Array(8).fill(0xaa);
    expect(() => packInto(">F", buf, 0, { real: 1, imag: 1e300 })).toThrow(OverflowError);
    expect(hex(buf)).toBe("00000000".repeat(2)); // pack_into zeroes the struct first, as CPython does
  });

  test("each part is read once, real first", () => {
    const reads: string[] = [];
    const value = {
      get real() {
        reads.push("real");
        return 3;
      },
      get imag() {
        reads.push("imag");
        return 4;
      },
    };
    expect(hex(pack("<D", value))).toBe(hex(pack("<D", { real: 3, imag: 4 })));
    expect(reads).toEqual(["real", "imag"]);
  });

  test("the float and double codes still refuse a complex", () => {
    expect(() => pack("d", { real: 1, imag: 0 })).toThrow(py("StructError", "required argument is not a float"));
    expect(() => pack("f", { real: 1, imag: 0 })).toThrow(py("StructError", "required argument is not a float"));
  });
});

describe("unpack", () => {
  test("values are { real, imag }", () => {
    expect(unpack(">F", fromHex("7fc00000ff800000"))).toEqual([{ real: NaN, imag: -Infinity }]);
    expect(unpack("<bD", fromHex(`05${hex(pack("<D", { real: -0, imag: 2.5 }))}`))).toEqual([5, { real: -0, imag: 2.5 }]);
    expect(Object.is((unpack("<D", pack("<D", { real: -0, imag: 0 }))[0] as { real: number }).real, -0)).toBe(true);
  });

  test("runs of more than eight values and every entry point", () => {
    const values = Array.from({ length: 10 }, (_, i) => ({ real: i, imag: -i }));
    const packed = pack("10D", ...values);
    expect(unpack("10D", packed)).toEqual(values);
    expect(new Struct(">2F").unpack(pack(">2F", values[1], values[2]))).toEqual([values[1], values[2]]);
    expect(unpackFrom("<F", fromHex(`ff${hex(pack("<F", values[3]))}`), 1)).toEqual([values[3]]);
    expect([...iterUnpack("<F", pack("<2F", values[4], values[5]))]).toEqual([[values[4]], [values[5]]]);
  });

  test("a short buffer", () => {
    expect(() => unpack("D", new Uint8Array(8))).toThrow(py("StructError", "unpack requires a buffer of 16 bytes"));
  });
});

describe("MemoryView reads complex items (NumPy's complex64 and complex128)", () => {
  test("get, set and toList", () => {
    const data = new Float64Array([1, 2, 3, 4]);
    const view = MemoryView.from(data).cast("D");
    expect(view.length).toBe(2);
    expect(view.get(1)).toEqual({ real: 3, imag: 4 });
    view.set(0, { real: 9, imag: -9 });
    expect(Array.from(data)).toEqual([9, -9, 3, 4]);
    expect(view.toList()).toEqual([
      { real: 9, imag: -9 },
      { real: 3, imag: 4 },
    ]);
    expect(
      MemoryView.from(new Float32Array([1, 2]))
        .cast("F")
        .get(0),
    ).toEqual({ real: 1, imag: 2 });
  });
});

describe("UnicodeEncodeError", () => {
  test("a non-ASCII format string is a UnicodeEncodeError, a ValueError", () => {
    let caught: unknown;
    try {
      calcsize("i\u20acx");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnicodeEncodeError);
    expect(caught).toBeInstanceOf(ValueError);
    expect((caught as Error).name).toBe("UnicodeEncodeError");
    expect((caught as Error).message).toBe(
      "'ascii' codec can't encode character '\\u20ac' in position 1: ordinal not in range(128)",
    );
    expect(() => pack("\xe9\u20ac")).toThrow(
      new UnicodeEncodeError("'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)"),
    );
  });
  test("as bytes, a byte above 127 stays a bad char", () => {
    expect(() => calcsize(Uint8Array.of(0xe9))).toThrow(py("StructError", "bad char in struct format"));
  });
});
