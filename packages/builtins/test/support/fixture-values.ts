/**
 * The value encoding of the python3-made fixtures (`fixtures/pyvalues.py`
 * documents it), decoded into this package's objects, and exact matching of
 * results against it.
 *
 * JSON                      JavaScript
 * 12                        12
 * {int: "…"}                bigint
 * {float: "0.5"}            0.5 ("nan", "inf", "-inf", "-0.0" too)
 * {str: "…"}                string
 * true / false / null       true / false / null
 * {bytes: hex}              bytes(...)
 * {bytearray: hex}          bytearray(...)
 * {array: [code, hex]}      array(code) filled with those machine values
 * [...] / {tuple: [...]}    a JS array
 * {iter: [...]}             a one-shot generator
 * {slice: [a, b, c]}        { start: a, stop: b, step: c }
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { array, bytearray, bytes } from "../../src/index.js";

/** A fixture value as JSON. */
export type Encoded = unknown;

/** An outcome: a value or a Python exception. */
export interface Outcome {
  ok?: Encoded;
  error?: [string, string];
  after?: Encoded;
  [key: string]: unknown;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Parses `fixtures/<topic>.json`. */
export function loadFixture<T>(topic: string): T {
  return JSON.parse(readFileSync(join(here, "../../fixtures", `${topic}.json`), "utf8")) as T;
}

/** Bytes from hex. */
export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Lowercase hex of bytes. */
export function bytesToHex(data: Iterable<number>): string {
  let s = "";
  for (const b of data) s += b.toString(16).padStart(2, "0");
  return s;
}

/** The number a Python float repr names. */
export function parseFloatRepr(repr: string): number {
  if (repr === "nan") return Number.NaN;
  if (repr === "inf") return Number.POSITIVE_INFINITY;
  if (repr === "-inf") return Number.NEGATIVE_INFINITY;
  return Number(repr);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The JavaScript argument for an encoded Python value. */
export function decode(v: Encoded): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "number") return v;
  if (Array.isArray(v)) return v.map(decode);
  if (!isObject(v)) throw new Error(`bad fixture value ${JSON.stringify(v)}`);
  if ("int" in v) return BigInt(v.int as string);
  if ("float" in v) return parseFloatRepr(v.float as string);
  if ("str" in v) return v.str;
  if ("bytes" in v) return bytes(hexToBytes(v.bytes as string));
  if ("bytearray" in v) return bytearray(hexToBytes(v.bytearray as string));
  if ("array" in v) {
    const [code, hex] = v.array as [string, string];
    const a = array(code);
    a.frombytes(hexToBytes(hex));
    return a;
  }
  if ("tuple" in v) return (v.tuple as Encoded[]).map(decode);
  if ("iter" in v) {
    const items = (v.iter as Encoded[]).map(decode);
    return (function* () {
      yield* items;
    })();
  }
  if ("slice" in v) {
    const [start, stop, step] = (v.slice as Encoded[]).map(decode);
    return { start, stop, step };
  }
  throw new Error(`bad fixture value ${JSON.stringify(v)}`);
}

/**
 * Checks `actual` against an encoded Python result, exactly: ints that fit
 * are numbers unless `bigInts` says the producer returns bigints, floats
 * compare with Object.is (NaN equals NaN), byte strings by type and content.
 */
export function expectMatches(actual: unknown, expected: Encoded, context: string, bigInts = false): void {
  if (expected === null) {
    expect(actual === undefined || actual === null, `${context}: expected None, got ${String(actual)}`).toBe(true);
    return;
  }
  if (typeof expected === "boolean") {
    expect(actual, context).toBe(expected);
    return;
  }
  if (typeof expected === "number") {
    expect(actual, context).toStrictEqual(bigInts ? BigInt(expected) : expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${context}: expected an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, context).toBe(expected.length);
    expected.forEach((e, i) => {
      expectMatches(list[i], e, `${context}[${i}]`, bigInts);
    });
    return;
  }
  const e = expected as Record<string, unknown>;
  if ("int" in e) {
    expect(actual, context).toStrictEqual(BigInt(e.int as string));
  } else if ("float" in e) {
    expect(typeof actual, context).toBe("number");
    expect(Object.is(actual, parseFloatRepr(e.float as string)), `${context}: ${String(actual)} is not ${e.float}`).toBe(true);
  } else if ("str" in e) {
    expect(actual, context).toBe(e.str);
  } else if ("bytes" in e) {
    expect(actual instanceof bytes, `${context}: expected bytes`).toBe(true);
    expect(bytesToHex(actual as Iterable<number>), context).toBe(e.bytes);
  } else if ("bytearray" in e) {
    expect(actual instanceof bytearray, `${context}: expected bytearray`).toBe(true);
    expect(bytesToHex(actual as Iterable<number>), context).toBe(e.bytearray);
  } else if ("array" in e) {
    const [code, hex] = e.array as [string, string];
    expect(actual instanceof array, `${context}: expected array`).toBe(true);
    const a = actual as ReturnType<typeof array>;
    expect(a.typecode, context).toBe(code);
    expect(bytesToHex(a.tobytes()), context).toBe(hex);
  } else {
    throw new Error(`${context}: cannot match ${JSON.stringify(expected)}`);
  }
}

/**
 * Runs `fn` and checks it against an outcome: the value matches `ok`, or
 * it throws an error whose `name` and `message` are CPython's.
 */
export function expectOutcome(fn: () => unknown, outcome: Outcome, context: string, bigInts = false): void {
  if (outcome.error !== undefined) {
    const [name, message] = outcome.error;
    let caught: unknown;
    try {
      fn();
    } catch (error) {
      caught = error;
    }
    expect(caught, `${context}: expected ${name}: ${message}`).toBeInstanceOf(Error);
    expect((caught as Error).name, context).toBe(name);
    expect((caught as Error).message, context).toBe(message);
    return;
  }
  expectMatches(fn(), outcome.ok ?? null, context, bigInts);
}

/** A readable label for a case. */
export function label(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
}
