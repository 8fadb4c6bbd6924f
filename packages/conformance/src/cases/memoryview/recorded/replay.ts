/**
 * Golden view cases: scenarios recorded from CPython's memoryview over
 * `_testbuffer.ndarray`, and from NumPy where the contract follows NumPy
 * (multi-dimensional indexing and slicing, sub-views, casts between any two
 * formats). Each replays the same operations on the same memory and expects
 * the same values, views and errors (name and message).
 *
 * This is the replay engine the memoryview groups share: each group takes
 * the scenarios of its own topic (`scenarioEntry("slicing")`), sorted by
 * their first operation (`topicOf`), so each recorded case runs in exactly
 * one group.
 *
 * @packageDocumentation
 */

import { assertSameValue, ConformanceError, errorMatches, showValue } from "../../../assert/index.js";
import { assertViewMatches, type ViewExpectation } from "../../../check/view-expectation.js";
import type { Context } from "../../../common.js";
import type { GroupEntry } from "../../../group-definition.js";
import type { MemoryViewLike } from "../../../implementation.js";
import { decodeValue, fromHex } from "../../../golden/decode-value.js";
import { golden, type GoldenResult, type GoldenScenario } from "../../../golden/golden-data.js";
import { goldenExporter } from "../../../golden/golden-exporter.js";
import type { GoldenExporter } from "../../../golden/golden-data.js";

type Source = "cpython" | "numpy";

/**
 * CPython 3.14's own refusals of what the contract adds with NumPy's
 * semantics (SPEC.md §8, 9): a key mixing indices and slices, and a cast
 * between two formats neither of which is a byte format. A module that
 * declares the extension absent may refuse it so, as CPython does.
 */
const CPYTHON_REFUSALS = [
  { name: "TypeError", message: "memoryview: invalid slice key" },
  { name: "TypeError", message: "memoryview: cannot cast between two non-byte formats" },
];

function decodeKey(ctx: Context, key: unknown): unknown {
  if (Array.isArray(key)) return key.map((k) => decodeKey(ctx, k));
  if (key && typeof key === "object" && "slice" in key) {
    const [start, stop, step] = (key as { slice: (number | null)[] }).slice;
    return ctx.slice(start ?? null, stop ?? null, step ?? null);
  }
  if (key && typeof key === "object" && "ellipsis" in key) return ctx.Ellipsis;
  return key;
}

function showOp(op: unknown[]): string {
  const args = op
    .slice(1)
    .map((a) =>
      a && typeof a === "object" && "memory" in (a as object)
        ? "<exporter>"
        : a && typeof a === "object" && "$exporter" in (a as object)
          ? "<exporter>"
          : JSON.stringify(a),
    );
  return `${op[0]}(${args.join(", ")})`;
}

/** Features a scenario needs beyond plain one-dimensional views. */
function isDeclared(ctx: Context, scenario: GoldenScenario, source: Source): boolean {
  const e = scenario.exporter;
  const s = ctx.supports;
  if (e.shape.length > s.maxNdim) return false;
  if (e.pil && !s.suboffsets) return false;
  const formats = [e.format, ...scenario.ops.filter((op) => op[0] === "cast").map((op) => op[1] as string)];
  for (const op of scenario.ops) {
    const other =
      op[0] === "eq"
        ? (op[1] as GoldenExporter)
        : op[0] === "set"
          ? (op[2] as { $exporter?: GoldenExporter })?.$exporter
          : undefined;
    if (other && typeof other === "object" && "format" in other) formats.push(other.format);
  }
  for (const f of formats) {
    const plain = f.startsWith("@") ? f.slice(1) : f;
    if (plain.length === 1 ? !s.formats.includes(plain) : !s.structFormats) return false;
  }
  if (scenario.ops.some((op) => op[0] === "cast") && !s.cast) return false;
  if (source === "numpy" && !s.multiDimensionalSlicing) return false;
  if (e.shape.length > 1 && scenario.ops.some((op) => op[0] === "get" || op[0] === "set") && !s.multiDimensionalSlicing) {
    return false;
  }
  return true;
}

function apply(ctx: Context, m: MemoryViewLike, op: unknown[]): unknown {
  switch (op[0]) {
    case "view":
      return m;
    case "get":
      return m.get(decodeKey(ctx, op[1]));
    case "set": {
      const raw = op[2] as { $exporter?: GoldenExporter };
      const value =
        raw && typeof raw === "object" && "$exporter" in raw ? goldenExporter(raw.$exporter as GoldenExporter) : decodeValue(raw);
      m.set(decodeKey(ctx, op[1]), value);
      return undefined;
    }
    case "tolist":
      return m.tolist();
    case "tobytes":
      return op.length > 1 ? m.tobytes(op[1] as string | null) : m.tobytes();
    case "hex":
      return (m.hex as (...a: unknown[]) => string)(...op.slice(1));
    case "len":
      return m.length;
    case "cast":
      return op.length > 2 ? m.cast(op[1] as string, op[2] as number[]) : m.cast(op[1] as string);
    case "release":
      m.release();
      return undefined;
    case "toreadonly":
      return m.toreadonly();
    case "eq":
      return m.equals(ctx.memoryview(goldenExporter(op[1] as GoldenExporter)));
    default:
      throw new ConformanceError(`unknown golden operation ${String(op[0])}`);
  }
}

function expectationFromGolden(d: Record<string, unknown>, source: Source, skipFormat: boolean): ViewExpectation {
  const out: ViewExpectation = {};
  for (const key of [
    "ndim",
    "shape",
    "strides",
    "suboffsets",
    "itemsize",
    "nbytes",
    "readonly",
    "c_contiguous",
    "f_contiguous",
    "contiguous",
  ] as const) {
    if (d[key] !== undefined) (out as Record<string, unknown>)[key] = d[key];
  }
  // NumPy keeps whatever stride a dimension of length 0 or 1 had; CPython's
  // slicing arithmetic (init_slice) multiplies it by the step. No item ever
  // moves by such a stride, so only the strides of longer dimensions count.
  const shape = d.shape as number[] | undefined;
  if (source === "numpy" && shape && out.strides && shape.some((n) => n <= 1)) delete out.strides;
  if (!skipFormat && d.format !== undefined) out.format = d.format as string;
  if (d.tolist !== undefined) out.tolist = decodeValue(d.tolist);
  if (d.tobytes !== undefined) out.tobytes = fromHex(d.tobytes as string);
  return out;
}

function checkValue(op: unknown[], result: unknown, expected: GoldenResult, what: string): void {
  if (expected.value === null || expected.value === undefined) return;
  if (expected.kind === "bytes") {
    assertSameValue(result, fromHex(expected.value as string), what);
  } else {
    assertSameValue(result, decodeValue(expected.value), what);
  }
  void op;
}

function replay(ctx: Context, scenario: GoldenScenario, source: Source, what: string): void {
  const declared = isDeclared(ctx, scenario, source);
  const refusal = (error: unknown): boolean =>
    !declared &&
    (errorMatches(error, { name: ["NotImplementedError", "BufferError"] }) ||
      CPYTHON_REFUSALS.some((r) => errorMatches(error, r)));
  const exporter = goldenExporter(scenario.exporter);
  let m: MemoryViewLike;
  try {
    m = ctx.memoryview(exporter);
  } catch (error) {
    if (refusal(error)) return;
    throw new ConformanceError(`${what}: memoryview() threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  for (let k = 0; k < scenario.ops.length; k++) {
    const op = scenario.ops[k] as unknown[];
    const expected = scenario.results[k];
    if (!expected) return;
    const step = `${what} ${showOp(op)}`;
    let result: unknown;
    try {
      result = apply(ctx, m, op);
    } catch (error) {
      if (refusal(error)) return;
      if (expected.error) {
        const [name, message] = expected.error;
        if (!errorMatches(error, message === null ? { name } : { name, message })) {
          const detail = { expected: `${name}: ${message}`, actual: `${(error as Error)?.name}: ${(error as Error)?.message}` };
          throw new ConformanceError(`${step}: expected ${detail.expected}, got ${detail.actual}`, detail);
        }
        return;
      }
      throw new ConformanceError(`${step}: threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
    }
    if (expected.error) {
      const detail = { expected: `${expected.error[0]}: ${expected.error[1]}`, actual: `returned ${showValue(result)}` };
      throw new ConformanceError(`${step}: expected ${detail.expected}, ${detail.actual}`, detail);
    }
    if (expected.view) {
      const view = result as MemoryViewLike;
      if (!view || typeof view !== "object" || typeof view.tolist !== "function") {
        throw new ConformanceError(`${step}: expected a view, got ${showValue(result)}`);
      }
      try {
        assertViewMatches(view, expectationFromGolden(expected.view, source, source === "numpy" && op[0] === "cast"), step);
      } catch (error) {
        if (declared) throw error;
        // an undeclared feature may be refused on first use, inside the check
        if (!/threw (NotImplementedError|BufferError)/.test((error as Error).message)) throw error;
        return;
      }
      m = view;
    } else {
      checkValue(op, result, expected, step);
    }
  }
}

/** What a recorded scenario is about, from its first operation: the memoryview sub-group that holds it. */
export type ScenarioTopic = "attributes" | "indexing" | "slicing" | "cast" | "compare" | "hex" | "tolist-tobytes" | "lifetime";

/** Whether a key (as recorded) holds a slice or Ellipsis, rather than only indices. */
function slicesIn(key: unknown): boolean {
  if (Array.isArray(key)) return key.some(slicesIn);
  return typeof key === "object" && key !== null && ("slice" in key || "ellipsis" in key);
}

/**
 * The topic of a scenario: its first operation says what it exercises
 * (the later ones read the result back).
 *
 * @example
 * ```ts
 * topicOf({ ops: [["get", { slice: [null, 2, null] }]] }); // returns "slicing"
 * ```
 */
export function topicOf(scenario: Pick<GoldenScenario, "ops">): ScenarioTopic {
  const op = scenario.ops[0] ?? ["view"];
  switch (op[0]) {
    case "get":
    case "set":
      return slicesIn(op[1]) ? "slicing" : "indexing";
    case "cast":
      return "cast";
    case "eq":
      return "compare";
    case "hex":
      return "hex";
    case "tobytes":
    case "tolist":
      return "tolist-tobytes";
    case "release":
      return "lifetime";
    default:
      return "attributes";
  }
}

function register(ctx: Context, scenarios: readonly GoldenScenario[], source: Source, topic: ScenarioTopic): void {
  scenarios.forEach((scenario, i) => {
    if (topicOf(scenario) !== topic) return;
    const e = scenario.exporter;
    const what = `${source} #${i} [${e.format} shape=[${e.shape}] strides=[${e.strides}] offset=${e.offset}${e.pil ? " pil" : ""}${e.writable ? " writable" : ""}] ${scenario.ops.map(showOp).join(" ")}`;
    ctx.test(`${what}`, () => replay(ctx, scenario, source, what));
  });
}

/** Scenarios recorded from CPython on `topic` (numbered across all of them). */
export function cpython(ctx: Context, topic: ScenarioTopic): void {
  register(ctx, golden().views, "cpython", topic);
}

/** Scenarios on `topic` where the contract follows NumPy (numbered across all of them). */
export function numpy(ctx: Context, topic: ScenarioTopic): void {
  register(ctx, golden().numpy_views, "numpy", topic);
}

/**
 * The entry of a memoryview group that replays the recorded scenarios on
 * `topic`, from CPython and from NumPy.
 *
 * @example
 * ```ts
 * const group = { name: "memoryview/hex", about: "…", entries: [scenarioEntry("hex")] };
 * ```
 */
export function scenarioEntry(topic: ScenarioTopic): GroupEntry {
  return {
    needs: ["memoryview"],
    cases: (ctx) => {
      cpython(ctx, topic);
      numpy(ctx, topic);
    },
  };
}
