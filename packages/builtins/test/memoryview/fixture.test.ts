/**
 * memoryview against `fixtures/memoryview_cases.json`, recorded from CPython
 * (and NumPy, for the contract's extensions) by
 * `fixtures/memoryview_cases.py`: each scenario builds the recorded layout
 * over the same bytes, makes a memoryview of it and replays the operations,
 * expecting the same values, views (every attribute, the items, the bytes)
 * and errors (type and message).
 *
 * Results marked "ref":
 *   "numpy" / "ndarray": where CPython raises NotImplementedError or refuses
 *     a key NumPy's basic indexing takes, the reference object's answer on
 *     the same memory; its errors are compared by type only (NumPy words
 *     them its own way);
 *   "3.14": behaviour of CPython 3.14 that the python3 the fixture was made
 *     with (3.11) lacks, computed from 3.14's source by the generator:
 *     `count` and `index` (new in 3.14), the 'e' format (read, written and
 *     cast by memoryview since 3.12), iteration checking release first;
 *   "struct": element access and casts for struct formats CPython's
 *     memoryview leaves to NotImplementedError (the contract's extension),
 *     read and packed by the struct module.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bytearray, bytes, hashBytes, memoryview, type PyMemoryView, slice } from "../../src/index.js";
import { fromHex, LayoutExporter, toHex, type LayoutSpec } from "./support/layout-exporter.js";
import { decodeArg, decodeResult, expectSame, expectView, type Encoded, type ViewExpectation } from "./support/values.js";

interface Result {
  ok?: Encoded;
  view?: ViewExpectation;
  items?: Encoded[];
  error?: [string, string | null];
  ref?: string;
  after?: string | null;
}

interface Scenario {
  exporter: LayoutSpec;
  ops: [string, ...Encoded[]][];
  results: Result[];
}

interface HashCase {
  bytes: string;
  slice?: Encoded;
  format?: string;
  special?: string;
  view_format?: string;
  result: Result;
  equals_bytes?: boolean;
}

interface Fixture {
  python: string;
  numpy: string;
  hash_seed: number;
  counts: Record<string, number>;
  scenarios: Record<string, Scenario[]>;
  hashes: HashCase[];
  constructors: { arg: Encoded; result: Result }[];
  slices: { args: Encoded[]; length: Encoded; result: Result; repr: string }[];
}

function expectOutcome(fn: () => unknown, expected: Result, context: string, compare: (value: unknown) => void): void {
  let value: unknown;
  try {
    value = fn();
  } catch (error) {
    if (expected.error === undefined) throw error;
    expect((error as Error).name, `${context}: ${(error as Error).message}`).toBe(expected.error[0]);
    if (expected.error[1] !== null) expect((error as Error).message, context).toBe(expected.error[1]);
    return;
  }
  expect(expected.error, `${context}: expected an error, got ${String(value)}`).toBeUndefined();
  compare(value);
}

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, "../../fixtures/memoryview_cases.json"), "utf8")) as Fixture;

function apply(m: PyMemoryView, name: string, args: unknown[]): unknown {
  switch (name) {
    case "attrs":
    case "toreadonly":
      return name === "attrs" ? m : m.toreadonly();
    case "len":
      return m.length;
    case "tolist":
      return m.tolist();
    case "tobytes":
      return (m.tobytes as (...a: unknown[]) => Uint8Array)(...args);
    case "hex":
      return (m.hex as (...a: unknown[]) => string)(...args);
    case "iter":
      return [...m];
    case "get":
      return m.get(args[0] as number);
    case "set":
      m.set(args[0] as number, args[1]);
      return null;
    case "count":
      return m.count(args[0]);
    case "index":
      return (m.index as (...a: unknown[]) => number)(...args);
    case "cast":
      return (m.cast as (...a: unknown[]) => PyMemoryView)(...args);
    case "equals":
      return m.equals(args[0]);
    case "release":
      m.release();
      return null;
    case "getattr":
      return (m as unknown as Record<string, unknown>)[args[0] as string];
    default:
      throw new Error(`unknown operation ${name}`);
  }
}

function check(m: PyMemoryView, name: string, args: unknown[], expected: Result, context: string): void {
  let result: unknown;
  let error: unknown;
  let threw = false;
  try {
    result = apply(m, name, args);
  } catch (e) {
    threw = true;
    error = e;
  }
  if (expected.error !== undefined) {
    const [type, message] = expected.error;
    expect(threw, `${context}: expected ${type}: ${message}, got ${String(result)}`).toBe(true);
    expect((error as Error).name, `${context}: ${(error as Error).message}`).toBe(type);
    if (message !== null) expect((error as Error).message, context).toBe(message);
  } else {
    if (threw) throw new Error(`${context}: threw ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
    const lenient = expected.ref === "numpy" || expected.ref === "ndarray";
    if (expected.view !== undefined) {
      expectView(result, expected.view, context, lenient);
    } else if (expected.items !== undefined) {
      const items = result as unknown[];
      expect(items.length, `${context}: length`).toBe(expected.items.length);
      expected.items.forEach((item, i) => {
        if (item !== null && typeof item === "object" && !Array.isArray(item) && "view" in item) {
          expectView(items[i], (item as { view: ViewExpectation }).view, `${context}[${i}]`, lenient);
        } else {
          expectSame(items[i], decodeResult(item), `${context}[${i}]`);
        }
      });
    } else if (name === "set" || name === "release") {
      expect(result, context).toBe(null);
    } else if (name === "hex") {
      expect(result, context).toBe((expected.ok as { str: string }).str);
    } else {
      expectSame(result, decodeResult(expected.ok ?? null), context);
    }
  }
  if (name === "set" && expected.after !== undefined && expected.after !== null) {
    expect(toHex(m.tobytes()), `${context}: bytes after the assignment`).toBe(expected.after);
  }
}

/** Replays one scenario; returns how many operations it checked. */
function replay(scenario: Scenario, label: string): number {
  const exporter = new LayoutExporter(scenario.exporter);
  const m = memoryview(exporter);
  scenario.ops.forEach(([name, ...encodedArgs], k) => {
    const args = encodedArgs.map(decodeArg);
    check(m, name, args, scenario.results[k]!, `${label} op ${k}: ${name}(${JSON.stringify(encodedArgs)})`);
  });
  return scenario.ops.length;
}

describe(`memoryview against CPython ${fixture.python} and NumPy ${fixture.numpy}`, () => {
  it("records its source and size", () => {
    expect(fixture.python).toMatch(/^3\./);
    expect(fixture.hash_seed).toBe(0);
    expect(fixture.counts.operations).toBeGreaterThan(10_000);
  });

  describe("hash (PYTHONHASHSEED=0)", () => {
    it.each(
      fixture.hashes.map(
        (c, i) => [`#${i} ${c.special ?? `${c.bytes.slice(0, 16)} ${JSON.stringify(c.slice)} ${c.format}`}`, c] as const,
      ),
    )("%s", (label, c) => {
      const data = fromHex(c.bytes);
      let m: PyMemoryView;
      const make = (): PyMemoryView => {
        if (c.special === "writable") return memoryview(Uint8Array.from(data));
        if (c.special === "bytearray readonly") return memoryview(bytearray(data)).toreadonly();
        const view = memoryview(bytes(data)).get(decodeArg(c.slice) as object) as PyMemoryView;
        return c.format !== "B" && view.c_contiguous ? view.cast(c.format!) : view;
      };
      expectOutcome(
        () => {
          m = make();
          return m.hash();
        },
        c.result,
        label,
        (value) => {
          const python = BigInt((c.result.ok as { int: string }).int);
          expect(value, label).toBe(Number(BigInt.asIntN(53, python)));
          if (c.equals_bytes) expect(value, label).toBe(hashBytes(m.tobytes()));
          expect(m.format, label).toBe(c.view_format);
        },
      );
    });
  });

  describe("memoryview(x) of values that export nothing", () => {
    it.each(fixture.constructors.map((c) => [JSON.stringify(c.arg), c] as const))("memoryview(%s)", (label, c) => {
      expectOutcome(
        () => memoryview(decodeArg(c.arg)),
        c.result,
        label,
        () => {},
      );
    });
  });

  describe("slice", () => {
    it.each(fixture.slices.map((c) => [`${c.repr}.indices(${JSON.stringify(c.length)})`, c] as const))("%s", (label, c) => {
      const s = slice(...(c.args.map(decodeArg) as [unknown]));
      expect(String(s), label).toBe(c.repr);
      expectOutcome(
        () => s.indices(decodeArg(c.length) as number),
        c.result,
        label,
        (value) => {
          expect(value, label).toStrictEqual(decodeArg(c.result.ok));
        },
      );
    });
  });

  for (const [section, scenarios] of Object.entries(fixture.scenarios)) {
    describe(section, () => {
      it.each(
        scenarios.map(
          (s, i) =>
            [
              `#${i} ${s.exporter.format} shape=[${s.exporter.shape}] strides=[${s.exporter.strides}]${s.exporter.pil ? " pil" : ""}`,
              s,
              i,
            ] as const,
        ),
      )("%s", (label, scenario) => {
        expect(replay(scenario, `${section} ${label}`)).toBe(scenario.ops.length);
      });
    });
  }
});
