/**
 * MemoryView against CPython's memoryview, struct and NumPy: the cases
 * fixtures/view_cases.py recorded (random layouts over random bytes, and
 * the results of slicing, indexing, transposing, reshaping, casting,
 * tolist, tobytes, element reads and writes, and equality).
 */

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MemoryView, type StructValue } from "../../src/index.js";
import { fromHex, TestExporter, toHex, type TestLayout } from "./test-exporter.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, "../../fixtures/view_cases.json"), "utf8")) as Fixture;

interface Expect {
  error?: [string, string];
  offset?: number;
  shape?: number[];
  strides?: number[];
  bytes?: string;
  tolist?: unknown;
  value?: unknown;
  item?: string;
  at?: number;
}

interface Op {
  op: string;
  args: unknown[];
  value?: unknown;
  expect: Expect;
}

interface Case extends TestLayout {
  id: number;
  buf: string;
  readonly: boolean;
  c: boolean;
  f: boolean;
  tolist: unknown;
  tobytes: { C: string; F: string | null; A: string | null };
  ops: Op[];
}

interface EqualCase {
  a: TestLayout & { buf: string };
  b: TestLayout & { buf: string };
  equal: boolean;
}

interface Fixture {
  python: string;
  numpy: string;
  cases: Case[];
  equals: EqualCase[];
}

/** The fixture's value encoding (see view_cases.py) to the contract's values. */
function decode(v: unknown): StructValue {
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v === "string") {
    if (v === "NaN") return NaN;
    if (v === "Infinity") return Infinity;
    if (v === "-Infinity") return -Infinity;
    if (v === "-0") return -0;
    if (v.endsWith("n")) return BigInt(v.slice(0, -1));
    throw new Error(`unknown encoded value ${v}`);
  }
  if (typeof v === "object" && v !== null) return new Uint8Array(fromHex((v as { b: string }).b));
  return v as StructValue;
}

function viewOf(c: TestLayout & { buf: string }): { view: MemoryView; exporter: TestExporter; memory: ArrayBuffer } {
  const memory = fromHex(c.buf);
  const exporter = new TestExporter(memory, c);
  return { view: MemoryView.from(exporter), exporter, memory };
}

function expectError(fn: () => unknown, error: [string, string], label: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `${label}: expected ${error[0]}`).toBeInstanceOf(Error);
  expect([(caught as Error).name, (caught as Error).message], label).toEqual(error);
}

function checkLayout(view: MemoryView, expected: Expect, label: string): void {
  const layout = view.layout;
  expect(layout.shape, `${label} shape`).toEqual(expected.shape);
  if (!expected.shape!.includes(0)) {
    expect(layout.byteStrides, `${label} strides`).toEqual(expected.strides);
    expect(layout.byteOffset, `${label} offset`).toBe(expected.offset);
  } else {
    // Empty results: CPython keeps slice starts where NumPy moves them to 0.
    expect(view.nbytes).toBe(0);
  }
  if (expected.bytes !== undefined) expect(toHex(view.toBytes()), `${label} bytes`).toBe(expected.bytes);
  if (expected.tolist !== undefined) expect(view.toList(), `${label} tolist`).toEqual(decode(expected.tolist));
}

function run(c: Case, op: Op, view: MemoryView): void {
  const label = `case ${c.id} ${op.op}(${JSON.stringify(op.args)})`;
  const e = op.expect;
  let derive: () => MemoryView;
  switch (op.op) {
    case "slice":
      derive = () => view.slice(...(op.args as [number | null, number | null, number | null][]));
      break;
    case "index":
      derive = () => view.index(op.args[0] as number, op.args[1] as number);
      break;
    case "transpose":
      derive = () => view.transpose();
      break;
    case "permute":
      derive = () => view.permute(op.args as number[]);
      break;
    case "reshape":
      derive = () => view.reshape(op.args as number[]);
      break;
    case "cast":
      derive = () => view.cast(op.args[0] as string, op.args[1] as number[] | undefined);
      break;
    case "get": {
      const get = () => view.get(...(op.args as number[]));
      if (e.error) expectError(get, e.error, label);
      else expect(get(), label).toEqual(decode(e.value));
      return;
    }
    case "set": {
      const { view: target, memory } = viewOf(c);
      const before = new Uint8Array(memory).slice();
      const value = decode(op.value);
      const set = () => target.set(...(op.args as number[]), value);
      if (e.error) {
        expectError(set, e.error, label);
        expect(toHex(new Uint8Array(memory)), `${label} wrote nothing`).toBe(toHex(before));
      } else {
        set();
        const after = new Uint8Array(memory);
        const size = e.item!.length / 2;
        expect(toHex(after.subarray(e.at!, e.at! + size)), label).toBe(e.item);
        expect(toHex(after.subarray(0, e.at!)) + toHex(after.subarray(e.at! + size)), `${label} elsewhere`).toBe(
          toHex(before.subarray(0, e.at!)) + toHex(before.subarray(e.at! + size)),
        );
      }
      target.release();
      return;
    }
    default:
      throw new Error(`unknown op ${op.op}`);
  }
  if (e.error) {
    expectError(derive, e.error, label);
    return;
  }
  const derived = derive();
  checkLayout(derived, e, label);
  derived.release();
}

describe(`view fixture (Python ${fixture.python}, NumPy ${fixture.numpy})`, () => {
  it(`has thousands of cases`, () => {
    const ops = fixture.cases.reduce((n, c) => n + c.ops.length, 0);
    expect(fixture.cases.length + fixture.equals.length + ops).toBeGreaterThan(10000);
  });

  it(`${fixture.cases.length} layouts: attributes, tolist, tobytes and derived views`, () => {
    for (const c of fixture.cases) {
      const label = `case ${c.id} (${c.format} shape ${JSON.stringify(c.shape)} strides ${JSON.stringify(c.strides)})`;
      const { view, exporter } = viewOf(c);
      expect([view.format, view.itemsize, view.ndim, view.readonly], label).toEqual([
        c.format,
        c.itemsize,
        c.shape.length,
        c.readonly,
      ]);
      expect([view.shape, view.strides], label).toEqual([c.shape, c.strides]);
      expect([view.cContiguous, view.fContiguous, view.contiguous], label).toEqual([c.c, c.f, c.c || c.f]);
      expect(view.toList(), `${label} tolist`).toEqual(decode(c.tolist));
      expect(toHex(view.toBytes("C")), `${label} tobytes C`).toBe(c.tobytes.C);
      expect(toHex(view.toBytes("F")), `${label} tobytes F`).toBe(c.tobytes.F ?? c.tobytes.C);
      expect(toHex(view.toBytes("A")), `${label} tobytes A`).toBe(c.tobytes.A ?? c.tobytes.C);
      for (const op of c.ops) run(c, op, view);
      view.release();
      expect([exporter.live, exporter.released], `${label} released once`).toEqual([0, 1]);
    }
  });

  it(`${fixture.equals.length} pairs compared as values`, () => {
    for (const [i, pair] of fixture.equals.entries()) {
      const a = viewOf(pair.a).view;
      const b = viewOf(pair.b).view;
      const label = `pair ${i}: ${pair.a.format} ${JSON.stringify(pair.a.shape)} vs ${pair.b.format} ${JSON.stringify(pair.b.shape)}`;
      expect(a.equals(b), label).toBe(pair.equal);
      expect(b.equals(a), `${label} (reversed)`).toBe(pair.equal);
      a.release();
      b.release();
    }
  });
});
