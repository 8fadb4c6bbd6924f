/**
 * Property tests of the struct codec against the naive model of
 * struct-model.ts: sizes, pack bytes and unpacked values for random formats
 * in every mode, the fast unpack loops against their slow twin, and the
 * parser on arbitrary input.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { StructError } from "../../src/errors.js";
import { calcsize, pack, Struct, unpack, unpackFrom, iterUnpack } from "../../src/index.js";
import { compileFormat } from "../../src/codec/compile.js";
import { halfBitsFromNumber, numberFromHalfBits } from "../../src/codec/half-float.js";
import { unpackSlowly } from "../../src/codec/unpack.js";
import {
  PREFIXES,
  codesFor,
  formatString,
  intRange,
  layout,
  modelPack,
  modelUnpacked,
  sizeOf,
  type Item,
  type Prefix,
} from "./struct-model.js";

const prefixArb = fc.constantFrom(...PREFIXES);

function itemArb(prefix: Prefix, maxCount: number): fc.Arbitrary<Item> {
  return fc.record({ code: fc.constantFrom(...codesFor(prefix)), count: fc.oneof(fc.constant(1), fc.nat(maxCount)) });
}

const formatArb = (maxItems: number, maxCount: number) =>
  prefixArb.chain((prefix) =>
    fc.record({
      prefix: fc.constant(prefix),
      items: fc.array(itemArb(prefix, maxCount), { maxLength: maxItems }),
      spaces: fc.constantFrom("", " ", "\t", "\n "),
    }),
  );

/** A random value for one field, of the type pack takes. */
function valueArb(prefix: Prefix, code: string, length: number): fc.Arbitrary<unknown> {
  switch (code) {
    case "c":
      return fc.uint8Array({ minLength: 1, maxLength: 1 });
    case "?":
      return fc.boolean();
    case "s":
    case "p":
      return fc.uint8Array({ maxLength: length + 3 });
    case "e":
      return fc.integer({ min: 0, max: 0xffff }).map(numberFromHalfBits);
    case "f":
      return fc.float({ noNaN: false });
    case "d":
      return fc.double();
    default: {
      const [lo, hi] = intRange(prefix, code);
      const big = fc.bigInt({ min: code === "P" ? -(1n << 63n) : lo, max: hi });
      return sizeOf(prefix, code) === 8
        ? fc.oneof(
            big,
            fc.maxSafeInteger().filter((n) => BigInt(n) >= lo && BigInt(n) <= hi),
          )
        : big.map(Number);
    }
  }
}

const caseArb = formatArb(6, 5).chain(({ prefix, items, spaces }) => {
  const { fields } = layout(prefix, items);
  return fc.record({
    prefix: fc.constant(prefix),
    items: fc.constant(items),
    format: fc.constant(formatString(prefix, items, spaces)),
    values: fc.tuple(...fields.map((f) => valueArb(prefix, f.code, f.length))),
  });
});

/** Equality that tells NaN and -0 apart as Object.is does. */
function same(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return Object.is(a, b);
}

describe("pack and unpack against the model", () => {
  test("random formats and values, every code in every mode", () => {
    fc.assert(
      fc.property(caseArb, ({ prefix, items, format, values }) => {
        const { size, fields } = layout(prefix, items);
        expect(calcsize(format)).toBe(Number(size));
        const packed = pack(format, ...values);
        const expected = modelPack(prefix, items, values, halfBitsFromNumber);
        // NaN payloads are the engine's to choose: compare NaN fields by value only.
        const unpacked = unpack(format, packed);
        const nanField = fields.some((f, i) => "fd".includes(f.code) && Number.isNaN(values[i] as number));
        if (!nanField) expect(packed).toEqual(expected);
        const wanted = fields.map((f, i) => modelUnpacked(prefix, f, values[i]));
        expect(same(unpacked, wanted)).toBe(true);
        expect(same(new Struct(format).unpack(packed), wanted)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("the fast unpack loops agree with their slow twin on random bytes", () => {
    fc.assert(
      fc.property(formatArb(12, 12), fc.nat(), ({ prefix, items }, seed) => {
        const format = formatString(prefix, items);
        const compiled = compileFormat(format);
        const bytes = new Uint8Array(compiled.size + 3).map((_, i) => (seed * 31 + i * 17) & 255);
        const view = new DataView(bytes.buffer);
        expect(same(compiled.unpackAt(view, 3), unpackSlowly(compiled.codes, view, 3))).toBe(true);
        expect(same(unpackFrom(format, bytes, 3), unpackSlowly(compiled.codes, view, 3))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("iterUnpack reads what unpackFrom reads", () => {
    fc.assert(
      fc.property(formatArb(4, 3), fc.integer({ min: 0, max: 5 }), ({ prefix, items }, n) => {
        const format = formatString(prefix, items);
        const size = calcsize(format);
        fc.pre(size > 0);
        const bytes = new Uint8Array(size * n).map((_, i) => (i * 37) & 255);
        const all = [...iterUnpack(format, bytes)];
        expect(all.length).toBe(n);
        all.forEach((values, k) => {
          expect(same(values, unpackFrom(format, bytes, k * size))).toBe(true);
        });
      }),
    );
  });
});

describe("calcsize", () => {
  test("is the sum of the sizes with native padding, exactly, up to PY_SSIZE_T_MAX", () => {
    const countArb = fc.oneof(fc.nat(20), fc.bigInt({ min: 0n, max: 1n << 64n }));
    fc.assert(
      fc.property(
        prefixArb.chain((prefix) =>
          fc.tuple(fc.constant(prefix), fc.array(fc.tuple(fc.constantFrom(...codesFor(prefix)), countArb), { maxLength: 5 })),
        ),
        ([prefix, raw]) => {
          const format = prefix + raw.map(([code, count]) => `${count}${code}`).join("");
          // The model, in BigInt: CPython's overflow checks, in order.
          let size = 0n;
          let overflow = false;
          for (const [code, count] of raw) {
            const n = BigInt(count);
            if (n > (1n << 63n) - 1n) {
              overflow = true;
              break;
            }
            const a = BigInt(isNativePrefix(prefix) ? Math.max(1, sizeOf(prefix, code)) : 1);
            const align = ["s", "p", "x", "c", "b", "B", "?"].includes(code) ? 1n : a;
            size = ((size + align - 1n) / align) * align;
            size += n * BigInt(sizeOf(prefix, code));
            if (size > (1n << 63n) - 1n) {
              overflow = true;
              break;
            }
          }
          if (overflow) {
            expect(() => calcsize(format)).toThrow(new StructError("total struct size too long"));
          } else {
            expect(compileFormat(format).exactSize).toBe(size);
            // Exact: a number while one can be, a bigint beyond.
            expect(calcsize(format)).toBe(size <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(size) : size);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

function isNativePrefix(prefix: Prefix): boolean {
  return prefix === "" || prefix === "@";
}

describe("the parser on arbitrary input", () => {
  const alphabet = fc.constantFrom(..."0123456789xcbB?hHiIlLqQnNefdspP@=<>! \t\n$T{}():Z".split(""));
  test("throws only StructError on ASCII, and UnicodeEncodeError for non-ASCII", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: alphabet, maxLength: 40 }),
          fc.string({ unit: "binary-ascii" }),
          fc.string({ unit: "grapheme" }),
        ),
        (format) => {
          try {
            const size = calcsize(format);
            expect(Number.isInteger(size) && size >= 0).toBe(true);
          } catch (e) {
            const name = (e as Error).name;
            if (/^\p{ASCII}*$/u.test(format)) expect(name).toBe("StructError");
            else expect(name).toBe("UnicodeEncodeError");
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  test("long formats and huge counts, without hanging or allocating", () => {
    expect(calcsize("i".repeat(100_000))).toBe(400_000);
    expect(calcsize(" b".repeat(50_000))).toBe(50_000);
    expect(() => calcsize(`${"9".repeat(100_000)}x`)).toThrow("total struct size too long");
    expect(() => calcsize("9".repeat(100_000))).toThrow("total struct size too long");
    expect(calcsize(`${"0".repeat(100_000)}7x`)).toBe(7);
    expect(() => calcsize("99999999999999999999x")).toThrow("total struct size too long");
    expect(calcsize("9223372036854775807x")).toBe(9223372036854775807n);
    expect(calcsize("9007199254740991x")).toBe(9007199254740991);
    expect(calcsize("9007199254740992x")).toBe(9007199254740992n);
    expect(compileFormat("9223372036854775807x").exactSize).toBe(9223372036854775807n);
    expect(() => calcsize("9223372036854775807x".repeat(2))).toThrow("total struct size too long");
    expect(calcsize("1000000000000d")).toBe(8e12);
    expect(() => pack("1000000000000d")).toThrow("pack expected 1000000000000 items for packing (got 0)");
    expect(() => unpack("1000000000000d", new Uint8Array(8))).toThrow("unpack requires a buffer of 8000000000000 bytes");
    expect(() => calcsize(`${"i".repeat(50_000)}$`)).toThrow("bad char in struct format");
  });
});
