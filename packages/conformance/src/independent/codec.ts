/**
 * The independent implementation's codec: one row per format character with
 * its size, alignment, reader and writer over a DataView. Written for the
 * purpose; shares nothing with @mv/core or with the suite's model.
 *
 * @packageDocumentation
 */

import { OverflowError, StructError } from "./errors.js";
import type { Defects } from "./defects.js";

/** Reads and writes one field. */
export interface Row {
  readonly size: number;
  readonly align: number;
  read(dv: DataView, at: number, little: boolean, defects: Defects): unknown;
  write(dv: DataView, at: number, little: boolean, value: unknown, char: string): void;
}

function toBigInt(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  throw new StructError("required argument is not an integer");
}

function intRow(size: number, signed: boolean, align = size, wrapRange?: [bigint, bigint]): Row {
  const bits = BigInt(size * 8);
  const lo = signed ? -(1n << (bits - 1n)) : 0n;
  const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  const [minOk, maxOk] = wrapRange ?? [lo, hi];
  return {
    size,
    align,
    read(dv, at, little, defects) {
      let v: bigint;
      if (size === 1) v = BigInt(signed ? dv.getInt8(at) : dv.getUint8(at));
      else if (size === 2) v = BigInt(signed ? dv.getInt16(at, little) : dv.getUint16(at, little));
      else if (size === 4) v = BigInt(signed ? dv.getInt32(at, little) : dv.getUint32(at, little));
      else v = signed ? dv.getBigInt64(at, little) : dv.getBigUint64(at, little);
      return size === 8 && !defects.has("number-for-int64") ? v : Number(v);
    },
    write(dv, at, little, value, char) {
      const v = toBigInt(value);
      if (v < minOk || v > maxOk) {
        throw new StructError(wrapRange ? "int too large to convert" : `'${char}' format requires ${lo} <= number <= ${hi}`);
      }
      const u = BigInt.asUintN(size * 8, v);
      if (size === 1) dv.setUint8(at, Number(u));
      else if (size === 2) dv.setUint16(at, Number(u), little);
      else if (size === 4) dv.setUint32(at, Number(u), little);
      else dv.setBigUint64(at, u, little);
    },
  };
}

function toFloat(value: unknown): number {
  if (typeof value === "number") return value;
  // An int beyond the double range fails (PyFloat_AsDouble's OverflowError).
  if (typeof value === "bigint" && Number.isFinite(Number(value))) return Number(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  throw new StructError("required argument is not a float");
}

/** Half-precision bits to a number. */
export function halfBitsToNumber(h: number): number {
  const e = (h >>> 10) & 31;
  const f = h & 1023;
  const s = h >>> 15 ? -1 : 1;
  if (e === 31) return f ? NaN : s * Infinity;
  if (e === 0) return s * f * 5.9604644775390625e-8;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

/** A number to half-precision bits (round half to even), or throws OverflowError. */
export function numberToHalfBits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  let a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  // Find e with 2**e <= a < 2**(e+1), by halving and doubling (exact in binary).
  let e = 0;
  while (a >= 2) {
    a /= 2;
    e++;
  }
  while (a < 1) {
    a *= 2;
    e--;
  }
  let mant: number;
  let exp: number;
  if (e < -14) {
    // subnormal: value / 2**-24 rounded
    const scaled = Math.abs(x) * 2 ** 24;
    mant = roundEven(scaled);
    exp = 0;
    if (mant >= 1024) return sign | (1 << 10) | (mant - 1024);
    return sign | mant;
  }
  mant = roundEven((a - 1) * 1024);
  exp = e + 15;
  if (mant === 1024) {
    mant = 0;
    exp++;
  }
  if (exp >= 31) throw new OverflowError("float too large to pack with e format");
  return sign | (exp << 10) | mant;
}

function roundEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

const float32: (strict: boolean) => Row = (strict) => ({
  size: 4,
  align: 4,
  read: (dv, at, little) => dv.getFloat32(at, little),
  write(dv, at, little, value) {
    const x = toFloat(value);
    if (strict && Number.isFinite(x) && !Number.isFinite(Math.fround(x))) {
      throw new OverflowError("float too large to pack with f format");
    }
    dv.setFloat32(at, x, little);
  },
});

const float64: Row = {
  size: 8,
  align: 8,
  read: (dv, at, little) => dv.getFloat64(at, little),
  write: (dv, at, little, value) => dv.setFloat64(at, toFloat(value), little),
};

const half: Row = {
  size: 2,
  align: 2,
  read: (dv, at, little) => halfBitsToNumber(dv.getUint16(at, little)),
  write: (dv, at, little, value) => dv.setUint16(at, numberToHalfBits(toFloat(value)), little),
};

const bool: Row = {
  size: 1,
  align: 1,
  read: (dv, at) => dv.getUint8(at) !== 0,
  write: (dv, at, _little, value) => dv.setUint8(at, value ? 1 : 0),
};

const char: Row = {
  size: 1,
  align: 1,
  read: (dv, at) => new Uint8Array([dv.getUint8(at)]),
  write(dv, at, _little, value) {
    if (!(value instanceof Uint8Array) || value.length !== 1) {
      throw new StructError("char format requires a bytes object of length 1");
    }
    dv.setUint8(at, value[0] as number);
  },
};

const pad: Row = { size: 1, align: 1, read: () => undefined, write: () => undefined };

/** Native sizes and alignment (CPython on 64-bit Linux). */
export const NATIVE: Readonly<Record<string, Row>> = {
  x: pad,
  c: char,
  b: intRow(1, true),
  B: intRow(1, false),
  "?": bool,
  h: intRow(2, true),
  H: intRow(2, false),
  i: intRow(4, true),
  I: intRow(4, false),
  l: intRow(8, true),
  L: intRow(8, false),
  q: intRow(8, true),
  Q: intRow(8, false),
  n: intRow(8, true),
  N: intRow(8, false),
  P: intRow(8, false, 8, [-(1n << 63n), (1n << 64n) - 1n]),
  e: half,
  f: float32(false),
  d: float64,
  s: pad,
  p: pad,
};

/** Standard sizes, no alignment. */
export const STANDARD: Readonly<Record<string, Row>> = {
  x: pad,
  c: char,
  b: intRow(1, true, 1),
  B: intRow(1, false, 1),
  "?": bool,
  h: intRow(2, true, 1),
  H: intRow(2, false, 1),
  i: intRow(4, true, 1),
  I: intRow(4, false, 1),
  l: intRow(4, true, 1),
  L: intRow(4, false, 1),
  q: intRow(8, true, 1),
  Q: intRow(8, false, 1),
  e: { ...half, align: 1 },
  f: { ...float32(true), align: 1 },
  d: { ...float64, align: 1 },
  s: pad,
  p: pad,
};
