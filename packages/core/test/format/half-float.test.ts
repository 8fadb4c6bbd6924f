/**
 * The half float `e`: against CPython (fixtures/half_float_cases.py), against
 * an exact BigInt model of round-half-even, and exhaustively over all 65536
 * bit patterns.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { pack, unpack } from "../../src/index.js";
import { HALF_OVERFLOW, halfBitsFromNumber, numberFromHalfBits } from "../../src/codec/half-float.js";

const fixture = JSON.parse(readFileSync(new URL("../../fixtures/half_float_cases.json", import.meta.url), "utf8")) as {
  pack: [string, string][];
  unpack: [string, string][];
};

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
}
function doubleFromHex(hex: string): number {
  return new DataView(fromHex(hex).buffer).getFloat64(0);
}
function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

describe("against CPython's struct.pack('<e') and unpack", () => {
  test("every pack case", () => {
    for (const [dhex, expected] of fixture.pack) {
      const x = doubleFromHex(dhex);
      if (expected === "OverflowError") {
        expect(() => pack("<e", x), dhex).toThrow(expect.objectContaining({ name: "OverflowError" }));
      } else {
        expect(hexOf(pack("<e", x)), dhex).toBe(expected);
        expect(hexOf(pack(">e", x)), dhex).toBe(expected.slice(2) + expected.slice(0, 2));
      }
    }
  });
  test("every unpack case", () => {
    for (const [hhex, expected] of fixture.unpack) {
      const [x] = unpack("<e", fromHex(hhex)) as [number];
      if (expected === "nan") expect(x).toBeNaN();
      else expect(Object.is(x, doubleFromHex(expected))).toBe(true);
    }
  });
});

/** The exact value of a finite double: mantissa * 2**exponent. */
function exactParts(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** Half bits of a finite x by exact arithmetic in units of 2**-24, ties to even. */
function modelHalfBits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (x === 0) return sign;
  const { mantissa, exponent } = exactParts(x);
  // |x| = mantissa * 2**exponent lies in [2**binade, 2**(binade + 1)).
  const binade = exponent + mantissa.toString(2).length - 1;
  const spacingLog = binade < -14 ? -24 : binade - 10; // log2 of the spacing
  // q = |x| / 2**spacingLog as a rational num/den.
  let num = mantissa;
  let den = 1n;
  const shift = exponent - spacingLog;
  if (shift >= 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  let q = num / den;
  const rest = num - q * den;
  if (2n * rest > den || (2n * rest === den && (q & 1n) === 1n)) q += 1n;
  const units = q << BigInt(spacingLog + 24); // in units of 2**-24
  if (units >= 65520n << 24n) return HALF_OVERFLOW;
  if (units < 1024n) return sign | Number(units);
  let e = 0;
  while (units >> BigInt(e + 1) > 0n) e++; // floor(log2(units))
  const stored = Number((units >> BigInt(e - 10)) - 1024n);
  return sign | ((e - 24 + 15) << 10) | stored;
}

describe("round half to even, by an exact model", () => {
  test("random doubles in and around the half range", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -70000, max: 70000 }),
          fc.integer({ min: -30, max: 17 }).chain((e) => fc.double({ min: -1, max: 1, noNaN: true }).map((f) => f * 2 ** e)),
        ),
        (x) => {
          const model = modelHalfBits(x);
          expect(halfBitsFromNumber(x)).toBe(model);
        },
      ),
      { numRuns: 20000 },
    );
  });

  test("exact ties between neighbouring halves go to the even one", () => {
    for (let bits = 0; bits < 0x7bff; bits++) {
      const a = numberFromHalfBits(bits);
      const b = numberFromHalfBits(bits + 1);
      const mid = (a + b) / 2;
      expect(halfBitsFromNumber(mid)).toBe(bits % 2 === 0 ? bits : bits + 1);
      expect(halfBitsFromNumber(-mid)).toBe(0x8000 | (bits % 2 === 0 ? bits : bits + 1));
    }
  });
});

describe("all 65536 bit patterns", () => {
  test("unpack then pack gives the same bits (NaNs: a quiet NaN of the same sign)", () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      const x = numberFromHalfBits(bits);
      const back = halfBitsFromNumber(x);
      if ((bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0) {
        expect(x).toBeNaN();
        expect(back & 0x7e00).toBe(0x7e00);
      } else {
        expect(back).toBe(bits);
      }
    }
  });
  test("the decoded value is exact", () => {
    for (let bits = 0; bits < 0x7c00; bits++) {
      const e = bits >> 10;
      const f = bits & 0x3ff;
      const expected = e === 0 ? f * 2 ** -24 : (1024 + f) * 2 ** (e - 25);
      expect(numberFromHalfBits(bits)).toBe(expected);
      expect(numberFromHalfBits(bits | 0x8000)).toBe(-expected);
    }
  });
});

test("overflow starts exactly at 65520", () => {
  expect(halfBitsFromNumber(65504)).toBe(0x7bff);
  expect(halfBitsFromNumber(65519.99999999999)).toBe(0x7bff);
  expect(halfBitsFromNumber(65520)).toBe(HALF_OVERFLOW);
  expect(halfBitsFromNumber(Infinity)).toBe(0x7c00);
  expect(halfBitsFromNumber(2 ** -25)).toBe(0);
  expect(halfBitsFromNumber(2 ** -25 * (1 + 2 ** -52))).toBe(1);
  expect(halfBitsFromNumber(-5e-324)).toBe(0x8000);
  expect(halfBitsFromNumber(Number.NaN)).toBe(0x7e00);
});
