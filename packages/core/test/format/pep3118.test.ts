/**
 * The PEP 3118 grammar against NumPy (fixtures/pep3118_cases.py), the item
 * codec's round trips, its errors, and the parser on arbitrary input.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { calcsize, formatItemsize, itemCodec, parseFormat, type ParsedFormat, type StructValue } from "../../src/index.js";
import { MAX_NESTING } from "../../src/codec/pep3118/grammar.js";

interface Field {
  name: string;
  offset: number;
  shape: number[];
  itemsize: number;
}
interface Case {
  format: string;
  itemsize: number;
  alignment: number;
  struct_accepts: boolean;
  fields: Field[];
  samples: { bytes: string; item: unknown }[];
}
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/pep3118_cases.json", import.meta.url), "utf8")) as {
  header: { numpy: string };
  cases: Case[];
  errors: { format: string; numpy_error: string | null }[];
  characters: { format: string; itemsize: number; alignment: number }[];
};

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** Our value in the fixture's encoding. */
function encode(v: StructValue): unknown {
  if (typeof v === "number") return Number.isInteger(v) && !Object.is(v, -0) ? { int: String(v) } : { float: repr(v) };
  if (typeof v === "bigint") return { int: String(v) };
  if (typeof v === "boolean") return v;
  if (v instanceof Uint8Array) return { bytes: Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("") };
  // The fixture (NumPy's tolist through JSON) gives a complex as [re, im].
  if (!Array.isArray(v)) return [encode(v.real), encode(v.imag)];
  return v.map(encode);
}
function repr(x: number): string {
  return Number.isNaN(x) ? "nan" : x === Infinity ? "inf" : x === -Infinity ? "-inf" : String(x);
}
/** The fixture's value with floats normalised to JavaScript's number text. */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === "object" && "float" in v) {
    const text = (v as { float: string }).float;
    const x = text === "nan" ? Number.NaN : Number(text);
    return Number.isInteger(x) && !Object.is(x, -0) ? { int: String(x) } : { float: repr(x) };
  }
  return v;
}

describe("against NumPy's _dtype_from_pep3118", () => {
  const pep = fixture.cases.filter((c) => !c.struct_accepts);
  test.each(pep.map((c) => [c.format, c] as const))("%s", (_format, c) => {
    const parsed = parseFormat(c.format);
    expect(parsed.structCompatible).toBe(false);
    expect(parsed.itemsize).toBe(c.itemsize);
    expect(formatItemsize(c.format)).toBe(c.itemsize);
    expect(parsed.alignment).toBe(c.alignment);
    if (c.fields.length > 0) {
      const top = parsed.unwrapped ? (parsed.fields[0]!.struct as ParsedFormat) : parsed;
      expect(
        top.fields.map((f, i) => ({
          name: f.name ?? `f${i}`,
          offset: f.byteOffset,
          shape: [...f.shape],
          itemsize: f.itemsize,
        })),
      ).toEqual(c.fields);
    }
    const codec = itemCodec(c.format);
    expect(codec.itemsize).toBe(c.itemsize);
    for (const sample of c.samples) {
      const bytes = fromHex(sample.bytes);
      const view = new DataView(bytes.buffer);
      const value = codec.read(view, 0);
      expect(encode(value)).toEqual(normalise(sample.item));
      // Writing it back and reading again gives the same value.
      const copy = new Uint8Array(bytes.length).fill(0xee);
      codec.write(new DataView(copy.buffer), 0, value);
      expect(encode(codec.read(new DataView(copy.buffer), 0))).toEqual(encode(value));
    }
  });

  test.each(fixture.cases.filter((c) => c.struct_accepts).map((c) => [c.format, c] as const))(
    "%s: struct's layout, not NumPy's",
    (format) => {
      const parsed = parseFormat(format);
      expect(parsed.structCompatible).toBe(true);
      expect(parsed.itemsize).toBe(calcsize(format));
    },
  );

  test.each(fixture.errors.map((e) => [e.format, e.numpy_error] as const))("%s is refused (NumPy: %s)", (format) => {
    expect(() => parseFormat(format)).toThrow(expect.objectContaining({ name: "StructError" }));
    expect(() => itemCodec(format)).toThrow(expect.objectContaining({ name: "StructError" }));
  });
});

describe("PEP 3118 character codes u and w", () => {
  // CPython exports array('w') with format "w" (itemsize 4): the layout is
  // known, only the values are refused, on use, as memoryview does.
  test.each(fixture.characters.map((c) => [c.format, c.itemsize, c.alignment] as const))(
    "%s has NumPy's itemsize %i and alignment %i",
    (format, itemsize, alignment) => {
      expect(formatItemsize(format)).toBe(itemsize);
      expect(parseFormat(format).alignment).toBe(alignment);
    },
  );

  // NumPy refuses 'u' (UCS-2); PEP 3118 gives it 2 bytes.
  test.each([
    ["u", 2, 2],
    ["<u", 2, 1],
    ["T{b:a:u:c:}", 4, 2],
  ])("%s has itemsize %i and alignment %i", (format, itemsize, alignment) => {
    expect(formatItemsize(format)).toBe(itemsize);
    expect(parseFormat(format).alignment).toBe(alignment);
  });

  test("reading or writing a character value is NotImplementedError", () => {
    const view = new DataView(new ArrayBuffer(8));
    const codec = itemCodec("w");
    expect(codec.itemsize).toBe(4);
    expect(() => codec.read(view, 0)).toThrow(
      expect.objectContaining({ name: "NotImplementedError", message: "memoryview: format w not supported" }),
    );
    expect(() => codec.write(view, 0, 97)).toThrow(expect.objectContaining({ name: "NotImplementedError" }));
    expect(new Uint8Array(view.buffer)).toEqual(new Uint8Array(8));
  });
});

describe("NumPy places a nested struct by the byte order it leaves in force", () => {
  // __dtype_from_pep3118 looks at the stream's byte order after reading an
  // item: a struct begun under '@' that ends under '=' is not aligned, one
  // begun under '<' that ends under '@' is (itemsizes from NumPy 2.4).
  test.each([
    ["T{T{2e:w:}:s:=?:val:}", 5],
    ["<2sT{2x(2,2)H:k:@h:r:(2)3i:val:}:g:", 40],
    ["T{q=B:v:I}", 13],
    ["T{(2)Q:t:(1,3)^1x}B", 20],
    ["T{<b:a:i:b:}@d", 16],
  ])("%s has itemsize %i", (format, itemsize) => {
    expect(formatItemsize(format)).toBe(itemsize);
  });

  test("field names may be any text but ':' (NumPy exports T{=i:é:B:b:})", () => {
    expect(formatItemsize("T{=i:é:B:b:}")).toBe(5);
    expect(itemCodec("T{=i:é:B:b:}").read(new DataView(Uint8Array.of(1, 0, 0, 0, 2).buffer), 0)).toEqual([1, 2]);
    // a non-ASCII code is still struct's UnicodeEncodeError
    expect(() => parseFormat("<ié")).toThrow("'ascii' codec can't encode character '\\xe9' in position 2");
  });

  test("a trailing byte order is refused, as NumPy refuses it", () => {
    expect(() => parseFormat("i!")).toThrow("byte order character given without format specifier");
    expect(() => parseFormat("T{i}<")).toThrow("byte order character given without format specifier");
  });
});

describe("errors say which code and why", () => {
  test.each([
    ["T{O:o:}", "cannot decode 'O' (a pointer to a Python object)"],
    ["T{&i:p:}", "cannot decode '&' (a pointer to the next item)"],
    ["g", "cannot decode 'g' (a C long double)"],
    ["T{Zg:z:}", "cannot decode 'Zg' (a complex long double)"],
    ["T{t:b:}", "cannot decode 't' (a bit field)"],
    ["T{X{}:f:}", "cannot decode 'X{}' (a function pointer)"],
    ["T{i:a:i:a:}", "duplicate field name 'a' in struct format"],
    ["T{i:a:", "unterminated 'T{' in struct format"],
    ["T{i:a", "unterminated field name in struct format"],
    ["T{i", "unterminated 'T{' in struct format"],
    ["i}", "unmatched '}' in struct format"],
    ["(2,x)i", "bad sub-array shape in struct format: a dimension must be a number"],
    ["(2;3)i", "bad sub-array shape in struct format: expected ',' or ')'"],
    ["T{(2)}", "bad char in struct format"],
    ["T{Zx}", "bad char in struct format"],
    ["T{<n}", "bad char in struct format"],
    ["T{3}", "bad char in struct format"],
    ["T{i}3", "repeat count given without format specifier"],
    ["T{i}(2)", "sub-array shape given without format specifier"],
    ["(99999999999,99999999999,99999999999)i", "total struct size too long"],
    ["T{".repeat(MAX_NESTING + 1) + "}".repeat(MAX_NESTING + 1), `struct format nests 'T{' more than ${MAX_NESTING} deep`],
  ])("%s", (format, message) => {
    let caught: Error | undefined;
    try {
      parseFormat(format);
    } catch (e) {
      caught = e as Error;
    }
    expect(caught?.name).toBe("StructError");
    expect(caught?.message.startsWith(message)).toBe(true);
  });

  test("a struct format that struct refuses still fails with struct's words", () => {
    expect(() => parseFormat("3")).toThrow("repeat count given without format specifier");
    expect(() => parseFormat("$")).toThrow("bad char in struct format");
    expect(() => parseFormat("i\0")).toThrow("embedded null character");
    expect(() => formatItemsize(5 as never)).toThrow(TypeError);
  });
});

describe("item codecs", () => {
  const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  test("single values are read on their own, several as a list", () => {
    const b = new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]);
    expect(itemCodec("<i").read(view(b), 4)).toBe(2);
    expect(itemCodec("<2i").read(view(b), 0)).toEqual([1, 2]);
    expect(itemCodec("<ii").read(view(b), 0)).toEqual([1, 2]);
    expect(itemCodec("<i").fieldCount).toBe(1);
    expect(itemCodec("<2i").fieldCount).toBe(2);
    expect(itemCodec("T{<i:a:<i:b:}").fieldCount).toBe(2);
    expect(itemCodec("T{<i:a:}").fieldCount).toBe(1);
    expect(itemCodec("(2,3)<i").fieldCount).toBe(1);
    expect(itemCodec("<i:a:<i:b:").fieldCount).toBe(2);
    expect(itemCodec("3s").read(view(b), 0)).toEqual(new Uint8Array([1, 0, 0]));
    expect(itemCodec("xb").read(view(b), 0)).toBe(0);
    expect(itemCodec("@q").read(view(b), 0)).toBe(8589934593n);
    expect(itemCodec("T{<Zf:z:}").read(view(new Uint8Array(new Float32Array([1.5, -2]).buffer)), 0)).toEqual([
      { real: 1.5, imag: -2 },
    ]);
    expect(itemCodec("<Zf").read(view(new Uint8Array(new Float32Array([1.5, -2]).buffer)), 0)).toEqual({ real: 1.5, imag: -2 });
  });

  test("writes check like pack, and change nothing when they fail", () => {
    const b = new Uint8Array(8).fill(0xaa);
    const codec = itemCodec("<bxh");
    expect(() => codec.write(view(b), 0, [1, 70000])).toThrow("'h' format requires -32768 <= number <= 32767");
    expect(b).toEqual(new Uint8Array(8).fill(0xaa));
    expect(() => codec.write(view(b), 0, [1])).toThrow("pack expected 2 items for packing (got 1)");
    expect(() => codec.write(view(b), 0, 5)).toThrow(TypeError);
    codec.write(view(b), 1, [-1, 258]);
    expect(b).toEqual(new Uint8Array([0xaa, 0xff, 0, 2, 1, 0xaa, 0xaa, 0xaa]));
    expect(() => itemCodec("B").write(view(b), 0, 256)).toThrow("'B' format requires 0 <= number <= 255");
    expect(() => itemCodec("(2)B").write(view(b), 0, [1, 2, 3])).toThrow("pack expected 2 items for packing (got 3)");
    expect(() => itemCodec("T{B:a:(2)B:b:}").write(view(b), 0, [1, [2, 256]])).toThrow("'B' format requires 0 <= number <= 255");
    expect(b[0]).toBe(0xaa);
  });

  test("round trips of random nested formats", () => {
    const leaf = fc.constantFrom("b", "B", "<h", ">H", "<i", "=I", "<q", ">Q", "<e", ">f", "<d", "?", "c", "3s", "Zd", "<Zf");
    const named = (inner: fc.Arbitrary<string>) =>
      fc.tuple(fc.option(fc.constantFrom("(2)", "(2,3)", "(1)"), { nil: "" }), inner).map(([shape, f]) => shape + f);
    const structArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
      item: fc.oneof({ depthSize: "small" }, named(leaf), named(tie("struct") as fc.Arbitrary<string>)),
      struct: fc
        .array(tie("item") as fc.Arbitrary<string>, { minLength: 1, maxLength: 4 })
        .map((items) => `T{${items.map((it, i) => `${it}:f${i}:`).join("")}}`),
    })).struct;
    fc.assert(
      fc.property(structArb, fc.nat(), (format, seed) => {
        const codec = itemCodec(format);
        const bytes = new Uint8Array(codec.itemsize + 2).map((_, i) => (seed + i * 101) & 255);
        const first = codec.read(view(bytes), 1);
        const copy = new Uint8Array(bytes.length);
        codec.write(view(copy), 1, first);
        expect(encode(codec.read(view(copy), 1))).toEqual(encode(first));
      }),
      { numRuns: 500 },
    );
  });
});

describe("the PEP 3118 parser on arbitrary input", () => {
  test("throws only StructError (ValueError for non-ASCII), never hangs", () => {
    const unit = fc.constantFrom(..."0123456789xcbB?hHiIlLqQnNefdspPgOuwZ@=<>!^ T{}():,&a".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 60 }), fc.string({ unit: "grapheme-ascii" })), (format) => {
        try {
          const parsed = parseFormat(format);
          expect(Number.isInteger(parsed.itemsize) && parsed.itemsize >= 0).toBe(true);
          itemCodec(format);
        } catch (e) {
          expect(["StructError", "ValueError"]).toContain((e as Error).name);
        }
      }),
      { numRuns: 5000 },
    );
  });

  test("long inputs", () => {
    expect(formatItemsize(`T{${"b:x:".repeat(0)}${"i".repeat(100_000)}}`)).toBe(400_000);
    expect(() => parseFormat("T{".repeat(100_000))).toThrow("more than 64 deep");
    expect(() => parseFormat(`(${"9,".repeat(50_000)}9)i`)).toThrow("total struct size too long");
    expect(() => parseFormat(`T{${"9".repeat(100_000)}i}`)).toThrow("total struct size too long");
  });
});

describe("Zf and Zd (NumPy's complex64 and complex128) map to { real, imag }", () => {
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  test("reads give { real, imag }; writes take { real, imag }, a number, a bigint or a boolean", () => {
    const b = new Uint8Array(16);
    const codec = itemCodec("<Zd");
    codec.write(view(b), 0, { real: 1.5, imag: -2 });
    expect(codec.read(view(b), 0)).toEqual({ real: 1.5, imag: -2 });
    codec.write(view(b), 0, 3n);
    expect(codec.read(view(b), 0)).toEqual({ real: 3, imag: 0 });
    codec.write(view(b), 0, 2.5);
    expect(codec.read(view(b), 0)).toEqual({ real: 2.5, imag: 0 });
    codec.write(view(b), 0, true);
    expect(codec.read(view(b), 0)).toEqual({ real: 1, imag: 0 });
    expect(Array.from(new Float64Array(b.buffer))).toEqual([1, 0]);
    const f = new Uint8Array(8);
    itemCodec(">Zf").write(view(f), 0, { real: 0.5, imag: 4 });
    expect(itemCodec(">Zf").read(view(f), 0)).toEqual({ real: 0.5, imag: 4 });
    expect(Array.from(f)).toEqual([0x3f, 0, 0, 0, 0x40, 0x80, 0, 0]);
  });
  test("each part is read once, real first", () => {
    const reads: string[] = [];
    const value = {
      get real() {
        reads.push("real");
        return 1;
      },
      get imag() {
        reads.push("imag");
        return 2;
      },
    };
    const b = new Uint8Array(16);
    itemCodec("<Zd").write(view(b), 0, value);
    expect(reads).toEqual(["real", "imag"]);
  });
  test("a value that is no complex is a type error: arrays, strings, a missing part", () => {
    const b = new Uint8Array(16).fill(0x5a);
    for (const bad of [[1, 2], "x", { real: 1 }, { real: "1", imag: 0 }, null]) {
      let error: unknown;
      try {
        itemCodec("<Zd").write(view(b), 0, bad);
      } catch (e) {
        error = e;
      }
      expect([bad, (error as { kind?: string }).kind ?? (error as Error).name]).toEqual([bad, "type"]);
    }
    expect(() => itemCodec("<Zf").write(view(b), 0, { real: 1e300, imag: 0 })).toThrow("float too large to pack with f format");
  });
});
