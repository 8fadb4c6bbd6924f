/**
 * The suite's own model of flat struct formats: enough of Python's `struct`
 * grammar to lay out and decode the memory of the test exporter, written
 * independently of any implementation under test (byte-by-byte BigInt
 * arithmetic for integers, IEEE bit patterns for floats).
 *
 * It assumes a little-endian host with CPython's 64-bit Linux native sizes
 * (`l L n N P` are 8 bytes), the platform the contract names, unless asked
 * for another data model (ILP32: those five are 4 bytes, aligned to 4).
 *
 * @packageDocumentation
 */

import { MODEL_SIZED_CODES, modelSizedBytes, type DataModel } from "./data-model.js";

/** One field of a compiled format. */
export interface ModelField {
  /** The format character. */
  readonly char: string;
  /** Byte offset of the field inside one item. */
  readonly byteOffset: number;
  /** Size of the field in bytes (for `s` and `p`, the whole string). */
  readonly byteSize: number;
  /** Whether the bytes are little-endian. */
  readonly littleEndian: boolean;
}

/** A compiled flat format. */
export interface ModelLayout {
  readonly format: string;
  /** `calcsize(format)`. */
  readonly itemsize: number;
  /** The value-bearing fields, in order (`x` pad bytes are left out). */
  readonly fields: readonly ModelField[];
}

const NATIVE_SIZE: Record<string, number> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 8,
  L: 8,
  q: 8,
  Q: 8,
  n: 8,
  N: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
  P: 8,
};
const STANDARD_SIZE: Record<string, number> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 4,
  L: 4,
  q: 8,
  Q: 8,
  e: 2,
  f: 4,
  d: 8,
  s: 1,
  p: 1,
};
const NATIVE_SIZE_ILP32: Record<string, number> = { ...NATIVE_SIZE };
for (const ch of MODEL_SIZED_CODES) NATIVE_SIZE_ILP32[ch] = modelSizedBytes("ILP32");
const SIGNED = new Set(["b", "h", "i", "l", "q", "n"]);
const INTEGER = new Set(["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P"]);

const cache = new Map<string, ModelLayout>();

/**
 * Compiles a flat struct format (byte order prefix, repeat counts, the
 * characters of Python's `struct`).
 *
 * @param format - e.g. `"<hxi"`, `"3d"`, `"@B"`
 * @param dataModel - the native sizes: LP64 (the contract's, by default) or ILP32
 * @returns the layout; throws a plain `Error` for formats the model does not know
 *
 * @example
 * ```ts
 * modelLayout("bi").itemsize;  // returns 8 (native alignment)
 * modelLayout("<bi").itemsize; // returns 5
 * modelLayout("cl", "ILP32").itemsize; // returns 8
 * ```
 */
export function modelLayout(format: string, dataModel: DataModel = "LP64"): ModelLayout {
  const key = `${dataModel}:${format}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let pos = 0;
  let native = true;
  let littleEndian = true;
  const prefix = format[0];
  if (prefix !== undefined && "@=<>!".includes(prefix)) {
    pos = 1;
    native = prefix === "@";
    littleEndian = prefix === "<" || prefix === "=" || prefix === "@";
  }
  const sizes = native ? (dataModel === "LP64" ? NATIVE_SIZE : NATIVE_SIZE_ILP32) : STANDARD_SIZE;
  const fields: ModelField[] = [];
  let byteOffset = 0;
  while (pos < format.length) {
    let count = 1;
    let digits = "";
    while (pos < format.length && /[0-9]/.test(format[pos] as string)) digits += format[pos++];
    if (digits) count = Number(digits);
    const char = format[pos++];
    if (char === undefined) throw new Error(`model: repeat count without character in ${format}`);
    if (/\s/.test(char)) continue;
    const size = sizes[char];
    if (size === undefined) throw new Error(`model: unknown format character ${char} in ${format}`);
    if (native && size > 1) byteOffset = Math.ceil(byteOffset / size) * size;
    if (char === "s" || char === "p") {
      fields.push({ char, byteOffset, byteSize: count, littleEndian });
      byteOffset += count;
      continue;
    }
    for (let k = 0; k < count; k++) {
      if (char !== "x") fields.push({ char, byteOffset, byteSize: size, littleEndian });
      byteOffset += size;
    }
  }
  const layout = { format, itemsize: byteOffset, fields };
  cache.set(key, layout);
  return layout;
}

/**
 * Whether a format character's values are `bigint` under the contract's
 * value mapping (8-byte integers).
 *
 * @example
 * ```ts
 * isBigintField({ char: "q", byteOffset: 0, byteSize: 8, littleEndian: true }); // returns true
 * ```
 */
export function isBigintField(field: ModelField): boolean {
  return INTEGER.has(field.char) && field.byteSize === 8;
}

function readUnsigned(bytes: Uint8Array, at: number, size: number, little: boolean): bigint {
  let value = 0n;
  for (let k = 0; k < size; k++) {
    const byte = bytes[little ? at + size - 1 - k : at + k] as number;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function writeUnsigned(bytes: Uint8Array, at: number, size: number, little: boolean, value: bigint): void {
  let rest = BigInt.asUintN(size * 8, value);
  for (let k = 0; k < size; k++) {
    bytes[little ? at + k : at + size - 1 - k] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

/**
 * Decodes an IEEE 754 half-precision bit pattern.
 *
 * @example
 * ```ts
 * halfToNumber(0x3c00); // returns 1
 * halfToNumber(0xc000); // returns -2
 * ```
 */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/**
 * Encodes a number as the nearest half-precision bit pattern (round half to
 * even), or `undefined` where Python's `struct` raises OverflowError.
 *
 * @example
 * ```ts
 * numberToHalf(1); // returns 0x3c00
 * ```
 */
export function numberToHalf(value: number): number | undefined {
  if (Number.isNaN(value)) return 0x7e00;
  const signBit = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const x = Math.abs(value);
  if (x === Infinity) return signBit | 0x7c00;
  // Scale into units of the smallest subnormal (2**-24) and round to even.
  if (x === 0) return signBit;
  let exponent = Math.floor(Math.log2(x));
  // Math.log2 may round across a power of two; settle 2**e <= x < 2**(e+1).
  if (2 ** exponent > x) exponent -= 1;
  if (2 ** (exponent + 1) <= x) exponent += 1;
  if (exponent < -14) exponent = -14;
  const ulp = 2 ** (exponent - 10);
  let units = x / ulp;
  const floor = Math.floor(units);
  const diff = units - floor;
  units = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  let mantissaUnits = units; // in [1024, 2048] for normals, [0, 1024] for subnormals
  let biased = exponent + 15;
  if (mantissaUnits >= 2048) {
    mantissaUnits /= 2;
    biased += 1;
  }
  if (mantissaUnits < 1024) return signBit | mantissaUnits; // subnormal (biased stays 1 → 0)
  if (biased >= 0x1f) return undefined;
  return signBit | (biased << 10) | (mantissaUnits - 1024);
}

/**
 * Reads one field's value, with the contract's value mapping.
 *
 * @example
 * ```ts
 * const f = modelLayout("<h").fields[0]!;
 * readField(new Uint8Array([0xff, 0xff]), 0, f); // returns -1
 * ```
 */
export function readField(bytes: Uint8Array, itemByteOffset: number, field: ModelField): unknown {
  const at = itemByteOffset + field.byteOffset;
  const { char, byteSize: size, littleEndian: little } = field;
  switch (char) {
    case "c":
      return bytes.slice(at, at + 1);
    case "s":
      return bytes.slice(at, at + size);
    case "p": {
      if (size === 0) return new Uint8Array(0);
      const n = Math.min(bytes[at] as number, size - 1);
      return bytes.slice(at + 1, at + 1 + n);
    }
    case "?":
      return bytes[at] !== 0;
    case "e":
      return halfToNumber(Number(readUnsigned(bytes, at, 2, little)));
    case "f":
    case "d": {
      const view = new DataView(bytes.buffer, bytes.byteOffset + at, size);
      return size === 4 ? view.getFloat32(0, little) : view.getFloat64(0, little);
    }
    default: {
      const raw = readUnsigned(bytes, at, size, little);
      const value = SIGNED.has(char) ? BigInt.asIntN(size * 8, raw) : raw;
      return size === 8 ? value : Number(value);
    }
  }
}

/**
 * Writes one field's value (assumed in range).
 *
 * @example
 * ```ts
 * const out = new Uint8Array(2);
 * writeField(out, 0, modelLayout(">H").fields[0]!, 258); // out is [1, 2]
 * ```
 */
export function writeField(bytes: Uint8Array, itemByteOffset: number, field: ModelField, value: unknown): void {
  const at = itemByteOffset + field.byteOffset;
  const { char, byteSize: size, littleEndian: little } = field;
  switch (char) {
    case "c":
    case "s": {
      const src = value as Uint8Array;
      for (let k = 0; k < size; k++) bytes[at + k] = k < src.length ? (src[k] as number) : 0;
      return;
    }
    case "p": {
      const src = value as Uint8Array;
      if (size === 0) return;
      // Python stores count-1 bytes at most, and a length byte of min(n, 255).
      const n = Math.min(src.length, size - 1);
      bytes[at] = Math.min(n, 255);
      for (let k = 1; k < size; k++) bytes[at + k] = k - 1 < n ? (src[k - 1] as number) : 0;
      return;
    }
    case "?":
      bytes[at] = value ? 1 : 0;
      return;
    case "e":
      writeUnsigned(bytes, at, 2, little, BigInt(numberToHalf(value as number) ?? 0));
      return;
    case "f":
    case "d": {
      const view = new DataView(bytes.buffer, bytes.byteOffset + at, size);
      if (size === 4) view.setFloat32(0, value as number, little);
      else view.setFloat64(0, value as number, little);
      return;
    }
    default:
      writeUnsigned(bytes, at, size, little, BigInt(value as number | bigint));
  }
}

/**
 * Reads one item: a single value for a one-field format, an array of the
 * fields' values otherwise.
 *
 * @example
 * ```ts
 * readItem(new Uint8Array([1, 2]), 0, modelLayout("BB")); // returns [1, 2]
 * ```
 */
export function readItem(bytes: Uint8Array, itemByteOffset: number, layout: ModelLayout): unknown {
  if (layout.fields.length === 1) return readField(bytes, itemByteOffset, layout.fields[0] as ModelField);
  return layout.fields.map((field) => readField(bytes, itemByteOffset, field));
}

/**
 * Writes one item (the inverse of {@link readItem}).
 *
 * @example
 * ```ts
 * const out = new Uint8Array(2);
 * writeItem(out, 0, modelLayout("BB"), [3, 4]); // out is [3, 4]
 * ```
 */
export function writeItem(bytes: Uint8Array, itemByteOffset: number, layout: ModelLayout, value: unknown): void {
  if (layout.fields.length === 1) {
    writeField(bytes, itemByteOffset, layout.fields[0] as ModelField, value);
    return;
  }
  const values = value as readonly unknown[];
  layout.fields.forEach((field, k) => {
    writeField(bytes, itemByteOffset, field, values[k]);
  });
}
