/**
 * The encodings of `fixtures/memoryview_cases.py`, decoded.
 *
 * Arguments (keys and values), as Python passed them:
 *   12 | {int: "…"} → number | bigint      {float: "0.5"} → number
 *   {str} → string   true/false/null        {bytes}/{bytearray} → this package's types
 *   {ellipsis} → Ellipsis   {slice: [a, b, c]} → slice(a, b, c)
 *   {tuple}/{list} → array   {exporter: spec} → a LayoutExporter
 *
 * Results, typed by the format's fields (the contract §2):
 *   12 → number   {q: "…"} → bigint (8-byte integers)   {f: "nan"} → number
 *   true/false → boolean   {b: hex} → Uint8Array   [...] → array (tuples, nesting)
 */
import { expect } from "vitest";
import { bytearray, bytes, Ellipsis, PyMemoryView, slice } from "../../../src/index.js";
import { fromHex, LayoutExporter, toHex, type LayoutSpec } from "./layout-exporter.js";

/** A fixture value as JSON. */
export type Encoded = unknown;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The number a Python float repr names. */
export function parseFloatRepr(repr: string): number {
  if (repr === "nan") return Number.NaN;
  if (repr === "inf") return Number.POSITIVE_INFINITY;
  if (repr === "-inf") return Number.NEGATIVE_INFINITY;
  return Number(repr);
}

/** The JavaScript argument for an encoded Python argument. */
export function decodeArg(v: Encoded): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "number") return v;
  if (Array.isArray(v)) return v.map(decodeArg);
  if (!isRecord(v)) throw new Error(`bad argument ${JSON.stringify(v)}`);
  if ("int" in v) return BigInt(v.int as string);
  if ("float" in v) return parseFloatRepr(v.float as string);
  if ("str" in v) return v.str;
  if ("bytes" in v) return bytes(fromHex(v.bytes as string));
  if ("bytearray" in v) return bytearray(fromHex(v.bytearray as string));
  if ("ellipsis" in v) return Ellipsis;
  if ("slice" in v) {
    const [start, stop, step] = (v.slice as Encoded[]).map(decodeArg);
    return slice(start, stop, step);
  }
  if ("tuple" in v) return (v.tuple as Encoded[]).map(decodeArg);
  if ("list" in v) return (v.list as Encoded[]).map(decodeArg);
  if ("exporter" in v) return new LayoutExporter(v.exporter as LayoutSpec);
  throw new Error(`bad argument ${JSON.stringify(v)}`);
}

/** The JavaScript value an encoded result stands for. */
export function decodeResult(v: Encoded): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "number") return v;
  if (Array.isArray(v)) return v.map(decodeResult);
  if (!isRecord(v)) throw new Error(`bad result ${JSON.stringify(v)}`);
  if ("q" in v) return BigInt(v.q as string);
  if ("f" in v) return parseFloatRepr(v.f as string);
  if ("b" in v) return fromHex(v.b as string);
  if ("str" in v) return v.str;
  if ("int" in v) return BigInt(v.int as string);
  throw new Error(`bad result ${JSON.stringify(v)}`);
}

/** Exact equality of a result with a decoded expectation (Object.is for numbers, types kept). */
export function expectSame(actual: unknown, expected: unknown, context: string): void {
  if (typeof expected === "number") {
    expect(typeof actual, `${context}: type of ${String(actual)}`).toBe("number");
    expect(Object.is(actual, expected), `${context}: ${String(actual)} is not ${String(expected)}`).toBe(true);
    return;
  }
  if (expected instanceof Uint8Array) {
    expect(actual instanceof Uint8Array, `${context}: expected a Uint8Array, got ${String(actual)}`).toBe(true);
    expect(toHex(actual as Uint8Array), context).toBe(toHex(expected));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${context}: expected an array, got ${String(actual)}`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${context}: length`).toBe(expected.length);
    expected.forEach((e, i) => {
      expectSame(list[i], e, `${context}[${i}]`);
    });
    return;
  }
  expect(actual, context).toStrictEqual(expected);
}

/** What a view result records. */
export interface ViewExpectation {
  format: string;
  itemsize: number;
  ndim: number;
  shape: number[];
  strides: number[];
  suboffsets: number[];
  nbytes: number;
  readonly: boolean;
  c_contiguous: boolean;
  f_contiguous: boolean;
  contiguous: boolean;
  tobytes: string;
  tolist: Encoded;
  /** Made by NumPy (a sub-array standing for the view): see {@link expectView}. */
  numpy?: boolean;
}

/**
 * Checks a memoryview against a recorded view. With `lenient` (views NumPy
 * made, where CPython refuses), a stride of a dimension of length 0 or 1,
 * and the contiguity of an empty view, are not compared: NumPy keeps any
 * stride there (and its step for an empty slice is 1), where a memoryview
 * multiplies the stride by the step as CPython's `init_slice` does; no item
 * is reached either way.
 */
export function expectView(actual: unknown, expected: ViewExpectation, context: string, lenient = false): void {
  expect(actual instanceof PyMemoryView, `${context}: expected a memoryview, got ${String(actual)}`).toBe(true);
  const m = actual as PyMemoryView;
  const got = {
    format: m.format,
    itemsize: m.itemsize,
    ndim: m.ndim,
    shape: m.shape,
    nbytes: m.nbytes,
    readonly: m.readonly,
    c_contiguous: m.c_contiguous,
    f_contiguous: m.f_contiguous,
    contiguous: m.contiguous,
    tobytes: toHex(m.tobytes()),
    strides: m.strides as number[] | undefined,
    suboffsets: m.suboffsets,
  };
  const want = {
    format: expected.format,
    itemsize: expected.itemsize,
    ndim: expected.ndim,
    shape: expected.shape,
    nbytes: expected.nbytes,
    readonly: expected.readonly,
    c_contiguous: expected.c_contiguous,
    f_contiguous: expected.f_contiguous,
    contiguous: expected.contiguous,
    tobytes: expected.tobytes,
    strides: expected.strides as number[] | undefined,
    suboffsets: expected.suboffsets.every((s) => s < 0) ? [] : expected.suboffsets,
  };
  if (lenient || expected.numpy === true) {
    const keep = (strides: number[]) => strides.map((s, d) => (expected.shape[d]! > 1 && expected.nbytes > 0 ? s : 0));
    got.strides = keep(got.strides!);
    want.strides = keep(want.strides!);
    // _testbuffer keeps suboffsets of -1 after a pointer was followed, which
    // makes CPython count the view as PIL-style (never contiguous).
    const representational = expected.suboffsets.length > 0 && expected.suboffsets.every((s) => s < 0);
    if (expected.nbytes === 0 || representational) {
      got.c_contiguous = got.f_contiguous = got.contiguous = true;
      want.c_contiguous = want.f_contiguous = want.contiguous = true;
    }
    if (expected.nbytes === 0) got.suboffsets = want.suboffsets = [];
  }
  expect(got, context).toStrictEqual(want);
  expectSame(m.tolist(), decodeResult(expected.tolist), `${context} tolist()`);
}
