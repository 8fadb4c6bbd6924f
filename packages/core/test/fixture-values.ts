/**
 * The value encoding of `fixtures/struct_cases.json` (written by
 * `fixtures/struct_cases.py`), decoded into JavaScript values, and the exact
 * comparison of codec results against it.
 *
 * JSON            JavaScript      Python (what CPython was given or gave)
 * ----            ----------      ------
 * 12              12              int (always a safe integer)
 * {bigint:"12"}   12n             int
 * {float:"0.5"}   0.5             float ("nan", "inf", "-inf", "-0.0" too)
 * {bytes:"00ff"}  Uint8Array      bytes
 * "ab"            "ab"            str
 * true / null     true / null     bool / None
 *
 * Comparison is exact: a bigint never equals a number, -0 differs from 0,
 * NaN equals NaN (the fixture records NaN bit patterns in the input bytes,
 * not in the value), and byte strings must be plain `Uint8Array`s.
 */

export type EncodedBigint = { bigint: string };
export type EncodedFloat = { float: string };
export type EncodedBytes = { bytes: string };
export type EncodedArg = number | boolean | null | string | EncodedBigint | EncodedFloat | EncodedBytes;
export type EncodedValue = number | boolean | EncodedBigint | EncodedFloat | EncodedBytes;

/** Bytes from lowercase or uppercase hex ("" gives an empty array). */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error(`bad hex in fixture: ${JSON.stringify(hex)}`);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

/** Lowercase hex of the bytes a view covers. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** The number a Python float repr names ("nan", "inf", "-inf", "-0.0", "1e+300", ...). */
export function parseFloatRepr(repr: string): number {
  switch (repr) {
    case "nan":
      return Number.NaN;
    case "inf":
      return Number.POSITIVE_INFINITY;
    case "-inf":
      return Number.NEGATIVE_INFINITY;
    default: {
      const x = Number(repr);
      if (Number.isNaN(x)) throw new Error(`bad float repr in fixture: ${repr}`);
      return x;
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** A fresh JavaScript value for one encoded argument. */
export function decodeArg(arg: EncodedArg): unknown {
  if (arg === null || typeof arg === "boolean" || typeof arg === "string") return arg;
  if (typeof arg === "number") {
    if (!Number.isSafeInteger(arg)) throw new Error(`unsafe plain number in fixture: ${arg}`);
    return arg;
  }
  if ("bigint" in arg) return BigInt(arg.bigint);
  if ("float" in arg) return parseFloatRepr(arg.float);
  if ("bytes" in arg) return hexToBytes(arg.bytes);
  throw new Error(`unknown argument encoding: ${JSON.stringify(arg)}`);
}

/** A short, unambiguous rendering of a value for mismatch reports. */
export function describeValue(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Uint8Array) {
    const kind = Object.getPrototypeOf(v) === Uint8Array.prototype ? "bytes" : (v.constructor?.name ?? "view");
    return `${kind}(${bytesToHex(v)})`;
  }
  if (Array.isArray(v)) return `[${v.map(describeValue).join(", ")}]`;
  if (v === undefined) return "undefined";
  if (isObject(v) && !Array.isArray(v)) {
    const name = (v.constructor as { name?: string } | undefined)?.name ?? "object";
    return `${name} ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x))}`;
  }
  return String(v);
}

/** The encoded value, rendered the way `describeValue` renders actual ones. */
export function describeExpected(e: EncodedValue): string {
  if (typeof e === "number" || typeof e === "boolean") return String(e);
  if ("bigint" in e) return `${e.bigint}n`;
  if ("float" in e) return e.float === "nan" ? "NaN" : describeValue(parseFloatRepr(e.float));
  return `bytes(${e.bytes})`;
}

/**
 * Why `actual` is not exactly the expected value, or null when it is.
 * `input` is the buffer the value was read from: byte strings must not be
 * views of it (CONTRACT section 2).
 */
export function valueMismatch(expected: EncodedValue, actual: unknown, input?: Uint8Array): string | null {
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `expected number ${expected}, got ${typeof actual} ${describeValue(actual)}`;
    return Object.is(actual, expected) ? null : `expected ${expected}, got ${describeValue(actual)}`;
  }
  if (typeof expected === "boolean") {
    if (typeof actual !== "boolean") return `expected boolean ${expected}, got ${typeof actual} ${describeValue(actual)}`;
    return actual === expected ? null : `expected ${expected}, got ${actual}`;
  }
  if ("bigint" in expected) {
    if (typeof actual !== "bigint") return `expected bigint ${expected.bigint}n, got ${typeof actual} ${describeValue(actual)}`;
    return actual === BigInt(expected.bigint) ? null : `expected ${expected.bigint}n, got ${actual}n`;
  }
  if ("float" in expected) {
    if (typeof actual !== "number") return `expected float ${expected.float}, got ${typeof actual} ${describeValue(actual)}`;
    if (expected.float === "nan") return Number.isNaN(actual) ? null : `expected NaN, got ${describeValue(actual)}`;
    const x = parseFloatRepr(expected.float);
    return Object.is(actual, x) ? null : `expected ${describeValue(x)} (${expected.float}), got ${describeValue(actual)}`;
  }
  if ("bytes" in expected) {
    if (!(actual instanceof Uint8Array)) return `expected bytes(${expected.bytes}), got ${describeValue(actual)}`;
    if (Object.getPrototypeOf(actual) !== Uint8Array.prototype) {
      return `expected a plain Uint8Array, got ${describeValue(actual)}`;
    }
    if (input !== undefined && actual.byteLength > 0 && actual.buffer === input.buffer) {
      return "a byte string is a view of the input buffer, not a copy";
    }
    const hex = bytesToHex(actual);
    return hex === expected.bytes ? null : `expected bytes(${expected.bytes}), got bytes(${hex})`;
  }
  return `unknown expected encoding ${JSON.stringify(expected)}`;
}

/** Why `actual` is not the array of expected values, or null. */
export function valuesMismatch(expected: readonly EncodedValue[], actual: unknown, input?: Uint8Array): string | null {
  if (!Array.isArray(actual)) return `expected an array of ${expected.length} values, got ${describeValue(actual)}`;
  if (actual.length !== expected.length) {
    return `expected ${expected.length} values, got ${actual.length}: ${describeValue(actual).slice(0, 200)}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const why = valueMismatch(expected[i]!, actual[i], input);
    if (why !== null) return `value ${i}: ${why}`;
  }
  return null;
}
