/**
 * Golden object cases: `bytes`, `bytearray` and `array` driven through
 * their public API (constructors, `fromhex`, `hex`, reprs, indexing and
 * slicing, item and slice assignment, deletion, every mutating method,
 * equality), replaying scenarios recorded from CPython
 * (`fixtures/golden_objects.py`). Each step must give CPython's result, or
 * its error (name and message), and leave the object in CPython's state
 * (repr and length), so a failed call is checked to have changed nothing.
 *
 * Export counting is replayed for every resizing method: while a
 * memoryview (or a raw export through the registry symbol) is live, each
 * throws BufferError "Existing exports of data: object cannot be re-sized"
 * and changes nothing; once released, the same call works.
 *
 * What the module lacks is left out: a type it does not export, a type
 * whose objects have no repr (`toString`) or length, and each scenario that
 * uses a method its objects do not have (reported once per type).
 *
 * @packageDocumentation
 */

import { assertSameValue, ConformanceError, errorMatches, showValue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import { fromHex } from "../../golden/decode-value.js";
import {
  goldenObjects,
  type GoldenObjectKind,
  type GoldenObjectScenario,
  type GoldenObjectState,
  type GoldenObjectStep,
} from "../../golden/golden-objects-data.js";
import { resizeRefusal } from "./resize-while-exported.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";

type Obj = Record<PropertyKey, unknown>;
type ExportMode = "memoryview" | "getbuffer";

/** The name a step's operation needs on the object (a method or property). */
const MEMBER_OF: Record<string, PropertyKey> = {
  get: "get",
  set: "set",
  del: "delete",
  slice: "slice",
  eq: "equals",
  len: "length",
  repr: "toString",
  iter: Symbol.iterator,
  export: GET_BUFFER,
  release: RELEASE_BUFFER,
};

const FLOATS: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 };

function fail(what: string, detail: string): never {
  throw new ConformanceError(`${what}: ${detail}`);
}

function describeError(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  return e && typeof e === "object" ? `${String(e.name)}: ${String(e.message)}` : `non-error ${showValue(error)}`;
}

/** The JavaScript value a tagged argument or result stands for (fresh objects each time). */
function decode(ctx: Context, raw: unknown, self?: unknown): unknown {
  if (Array.isArray(raw)) return raw.map((x) => decode(ctx, x, self));
  if (!raw || typeof raw !== "object") return raw;
  const t = raw as Record<string, unknown>;
  if ("$big" in t) return BigInt(t.$big as string);
  if ("$float" in t) return FLOATS[t.$float as string] ?? Number(t.$float);
  if ("$bytes" in t) return fromHex(t.$bytes as string);
  if ("$u8" in t) return fromHex(t.$u8 as string);
  if ("$self" in t) return self;
  if ("$iter" in t) {
    const items = decode(ctx, t.$iter, self) as unknown[];
    return (function* () {
      yield* items;
    })();
  }
  if ("$slice" in t) {
    const [start, stop, step] = decode(ctx, t.$slice, self) as (number | bigint | null)[];
    return ctx.has("slice") ? ctx.slice(start, stop, step) : { start, stop, step };
  }
  if ("$obj" in t) {
    if (t.$obj === "array") return construct(ctx.impl.array, t.tc, decode(ctx, t.items, self));
    return construct(ctx.impl[t.$obj as "bytes" | "bytearray"], fromHex(t.hex as string));
  }
  if ("$mv" in t) {
    let m = ctx.memoryview(construct(ctx.impl.bytes, fromHex(t.$mv as string)));
    if (t.slice) m = m.get(decode(ctx, { $slice: t.slice })) as MemoryViewLike;
    if (t.released) m.release();
    return m;
  }
  return raw;
}

/** The module's exports a scenario's arguments use (besides its own type). */
function exportsUsed(raw: unknown, into: Set<GoldenObjectKind | "memoryview">): Set<GoldenObjectKind | "memoryview"> {
  if (Array.isArray(raw)) for (const x of raw) exportsUsed(x, into);
  else if (raw && typeof raw === "object") {
    const t = raw as Record<string, unknown>;
    if ("$obj" in t) into.add(t.$obj as GoldenObjectKind);
    if ("$mv" in t) into.add("memoryview").add("bytes");
    for (const value of Object.values(t)) exportsUsed(value, into);
  }
  return into;
}

function hasOwnRepr(obj: unknown): boolean {
  return typeof obj === "object" && obj !== null && (obj as Obj).toString !== Object.prototype.toString;
}

/** A sample object of `kind`, to see which members the module's objects have. */
function probe(ctx: Context, kind: GoldenObjectKind): Obj | undefined {
  try {
    const obj = kind === "array" ? construct(ctx.impl.array, "b", [1]) : construct(ctx.impl[kind], Uint8Array.of(1));
    return obj && typeof obj === "object" ? (obj as Obj) : undefined;
  } catch {
    return undefined;
  }
}

function memberOf(step: GoldenObjectStep): PropertyKey {
  const name = step.op[0];
  if (name === "attr") return step.op[1] as string;
  return MEMBER_OF[name] ?? name;
}

/** The members a scenario needs that the sample object lacks. */
function missingMembers(ctx: Context, scenario: GoldenObjectScenario, sample: Obj): string[] {
  const missing: string[] = [];
  if (scenario.via === "fromhex" && typeof (ctx.impl[scenario.t] as Obj | undefined)?.fromhex !== "function") {
    missing.push(`${scenario.t}.fromhex`);
  }
  for (const step of scenario.s ?? []) {
    const member = memberOf(step);
    const present = member === "length" || step.op[0] === "attr" ? member in sample : typeof sample[member] === "function";
    if (!present) missing.push(typeof member === "symbol" ? (member.description ?? "symbol") : String(member));
  }
  return missing;
}

function shortText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function showArg(raw: unknown): string {
  if (Array.isArray(raw)) return `[${raw.map(showArg).join(", ")}]`;
  if (raw && typeof raw === "object") {
    const t = raw as Record<string, unknown>;
    if ("$big" in t) return `${t.$big}n`;
    if ("$float" in t) return String(t.$float);
    if ("$u8" in t || "$bytes" in t) return `u8(${(t.$u8 ?? t.$bytes) as string})`;
    if ("$self" in t) return "self";
    if ("$iter" in t) return `iter(${showArg(t.$iter)})`;
    if ("$slice" in t) return `[${(t.$slice as unknown[]).map((x) => (x === null ? "" : showArg(x))).join(":")}]`;
    if ("$obj" in t) return t.$obj === "array" ? `array('${t.tc}', ${showArg(t.items)})` : `${t.$obj}(${t.hex})`;
  }
  return JSON.stringify(raw);
}

function showOp(op: readonly unknown[]): string {
  return `${String(op[0])}(${op.slice(1).map(showArg).join(", ")})`;
}

function describeScenario(scenario: GoldenObjectScenario): string {
  const made = scenario.m.r ?? `${scenario.t}${scenario.via ? `.${scenario.via}` : ""}(${scenario.a.map(showArg).join(", ")})`;
  const ops = (scenario.s ?? []).map((s) => showOp(s.op)).join(" ");
  return `${shortText(made, 48)}${ops ? ` ${shortText(ops, 90)}` : ""}`;
}

function checkState(obj: Obj, state: GoldenObjectState, what: string): void {
  if (state.r !== undefined) assertSameValue(String((obj.toString as () => unknown).call(obj)), state.r, `${what}: repr`);
  if (state.n !== undefined) assertSameValue(obj.length, state.n, `${what}: length`);
}

function make(ctx: Context, scenario: GoldenObjectScenario): unknown {
  const ctor = ctx.impl[scenario.t];
  const args = scenario.a.map((a) => decode(ctx, a));
  if (scenario.via === "fromhex") return ((ctor as Obj).fromhex as (s: unknown) => unknown)(args[0]);
  return construct(ctor, ...args);
}

/** The live exports of one replay, released in reverse order. */
class Exports {
  readonly #live: (() => void)[] = [];
  constructor(
    private readonly ctx: Context,
    private readonly mode: ExportMode,
  ) {}

  take(obj: Obj): void {
    if (this.mode === "memoryview") {
      const m: MemoryViewLike = this.ctx.memoryview(obj);
      this.#live.push(() => m.release());
    } else {
      const info = (obj[GET_BUFFER] as (flags: number) => BufferInfo).call(obj, BufferFlags.FULL_RO);
      this.#live.push(() => (obj[RELEASE_BUFFER] as (i: BufferInfo) => void).call(obj, info));
    }
  }

  release(): void {
    this.#live.pop()?.();
  }

  releaseAll(): void {
    while (this.#live.length > 0) this.release();
  }
}

function apply(ctx: Context, obj: Obj, step: GoldenObjectStep, exports: Exports): unknown {
  const [name, ...raw] = step.op;
  const args = raw.map((a) => decode(ctx, a, obj));
  const call = (member: PropertyKey, ...a: unknown[]): unknown => (obj[member] as (...x: unknown[]) => unknown).call(obj, ...a);
  switch (name) {
    case "del":
      return call("delete", ...args);
    case "eq":
      return call("equals", ...args);
    case "len":
      return obj.length;
    case "repr":
      return String(call("toString"));
    case "iter":
      return Array.from(obj as unknown as Iterable<unknown>);
    case "attr":
      return obj[args[0] as string];
    case "export":
      exports.take(obj);
      return undefined;
    case "release":
      exports.release();
      return undefined;
    default:
      return call(name, ...args);
  }
}

/**
 * `hash(b)`: the value is the implementation's own (CPython's is seeded per
 * process), but it is a number or bigint, the same on every call, and the
 * same as the hash of a read-only memoryview of the same bytes.
 */
function checkHash(ctx: Context, obj: Obj, result: unknown, what: string): void {
  if (typeof result !== "number" && typeof result !== "bigint") fail(what, `hash() returned ${showValue(result)}`);
  assertSameValue((obj.hash as () => unknown).call(obj), result, `${what}: a second hash()`);
  if (ctx.has("memoryview") && ctx.supports.hash) {
    const m = ctx.memoryview(obj);
    try {
      assertSameValue(m.hash(), result, `${what}: hash() of a memoryview of it`);
    } finally {
      m.release();
    }
  }
}

function checkStep(
  ctx: Context,
  kind: GoldenObjectKind,
  obj: Obj,
  recorded: GoldenObjectStep,
  exports: Exports,
  what: string,
): void {
  // SPEC.md §8, 5: CPython's own array words a resize under an export its own way.
  const contractResize = resizeRefusal({ ...ctx, supports: { ...ctx.supports, deliberateDifferences: true } }, kind);
  const step =
    recorded.e && recorded.e[0] === contractResize.name && recorded.e[1] === contractResize.message
      ? { ...recorded, e: [resizeRefusal(ctx, kind).name, resizeRefusal(ctx, kind).message] as [string, string] }
      : recorded;
  let result: unknown;
  try {
    result = apply(ctx, obj, step, exports);
  } catch (error) {
    if (error instanceof ConformanceError) throw error;
    if (!step.e) fail(what, `threw ${describeError(error)}`);
    const [name, message] = step.e;
    if (!errorMatches(error, { name, message })) fail(what, `expected ${name}: ${message}, got ${describeError(error)}`);
    checkState(obj, step, `${what} (after the error)`);
    return;
  }
  if (step.e) fail(what, `expected ${step.e[0]}: ${step.e[1]}, returned ${showValue(result)}`);
  if (step.op[0] === "hash") checkHash(ctx, obj, result, what);
  if (step.o !== undefined) {
    // An immutable bytes may be returned itself for a slice of all of it, as CPython does.
    const same = result === obj && kind !== "bytes";
    if (!result || typeof result !== "object" || same) fail(what, `expected a new object ${step.o}, got ${showValue(result)}`);
    assertSameValue(String(result), step.o, `${what}: the new object's repr`);
  } else if ("v" in step) {
    assertSameValue(result, decode(ctx, step.v, obj), `${what}: result`);
  }
  checkState(obj, step, `${what}: afterwards`);
}

function replay(ctx: Context, scenario: GoldenObjectScenario, mode: ExportMode, what: string): void {
  let made: unknown;
  try {
    made = make(ctx, scenario);
  } catch (error) {
    if (error instanceof ConformanceError) throw error;
    if (!scenario.m.e) fail(what, `the constructor threw ${describeError(error)}`);
    const [name, message] = scenario.m.e;
    if (!errorMatches(error, { name, message })) {
      fail(what, `the constructor: expected ${name}: ${message}, got ${describeError(error)}`);
    }
    return;
  }
  if (scenario.m.e) fail(what, `the constructor: expected ${scenario.m.e[0]}: ${scenario.m.e[1]}, returned ${showValue(made)}`);
  if (!made || typeof made !== "object") fail(what, `the constructor returned ${showValue(made)}`);
  const obj = made as Obj;
  checkState(obj, scenario.m, `${what}: the new object`);
  const exports = new Exports(ctx, mode);
  try {
    (scenario.s ?? []).forEach((step, k) => {
      checkStep(ctx, scenario.t, obj, step, exports, `${what} step ${k} ${showOp(step.op)}`);
    });
  } finally {
    exports.releaseAll();
  }
}

/**
 * Whether a scenario recorded on LP64 meets the data model: an array of
 * native `l` or `L` (8 bytes there, 4 under ILP32), or an integer argument
 * beyond 32 bits, which CPython converts through a C `long` or a
 * `Py_ssize_t` before its own range check (so ILP32 overflows first, with
 * another error).
 */
function dependsOnLp64(scenario: GoldenObjectScenario): boolean {
  const wide = (raw: unknown): boolean => {
    if (Array.isArray(raw)) return raw.some(wide);
    if (typeof raw === "number") return Number.isInteger(raw) && (raw > 0x7fffffff || raw < -0x80000000);
    if (raw && typeof raw === "object") {
      const t = raw as Record<string, unknown>;
      if ("$big" in t) {
        const v = BigInt(t.$big as string);
        return v > 0x7fffffffn || v < -0x80000000n;
      }
      if ("$obj" in t && t.$obj === "array" && (t.tc === "l" || t.tc === "L")) return true;
      return Object.values(t).some(wide);
    }
    return false;
  };
  const typecode = scenario.t === "array" ? scenario.a[0] : undefined;
  return typecode === "l" || typecode === "L" || wide(scenario.a) || (scenario.s ?? []).some((s) => wide(s.op));
}

/** The scenarios of one kind, with what their objects must have. */
function register(ctx: Context, kind: GoldenObjectKind, topic: string, select: (s: GoldenObjectScenario) => boolean): void {
  if (!ctx.has(kind)) return;
  const sample = probe(ctx, kind);
  if (!sample || !hasOwnRepr(sample) || typeof sample.length !== "number") {
    ctx.skip(`${topic}`, `the module's ${kind} objects have no repr (toString) or length`);
    return;
  }
  const missing = new Set<string>();
  let withheld = 0;
  for (const scenario of goldenObjects().scenarios) {
    if (scenario.t !== kind || !select(scenario)) continue;
    if (ctx.supports.dataModel !== "LP64" && dependsOnLp64(scenario)) {
      withheld++;
      continue;
    }
    const absentKinds = [...exportsUsed([scenario.a, (scenario.s ?? []).map((s) => s.op)], new Set())].filter((k) => !ctx.has(k));
    const absent = [...missingMembers(ctx, scenario, sample), ...absentKinds];
    if (absent.length > 0) {
      for (const name of absent) missing.add(name);
      continue;
    }
    const exporting = scenario.s?.some((s) => s.op[0] === "export");
    const modes: ExportMode[] = exporting ? (ctx.has("memoryview") ? ["memoryview", "getbuffer"] : ["getbuffer"]) : ["getbuffer"];
    for (const mode of modes) {
      const label = `${scenario.id}${exporting ? ` (${mode})` : ""}`;
      ctx.test(`${label} ${describeScenario(scenario)}`, () => replay(ctx, scenario, mode, label));
    }
  }
  if (withheld > 0) {
    const reason = `recorded on LP64: an array of native l or L, or an integer beyond 32 bits that wasm32's C long and Py_ssize_t cannot hold, under the module's dataModel ${ctx.supports.dataModel}`;
    ctx.skip(`${topic}: ${withheld} scenario${withheld === 1 ? "" : "s"}`, reason);
  }
  if (missing.size > 0) {
    ctx.skip(`${topic} (some scenarios)`, `the module's ${kind} lacks ${[...missing].sort().join(", ")}`);
  }
}

const isExport = (s: GoldenObjectScenario): boolean => s.id.includes("/export/");

/** The repr of byte strings: every byte value, and quoting. */
export function reprs(ctx: Context): void {
  for (const kind of ["bytes", "bytearray"] as const) {
    if (!ctx.has(kind)) continue;
    const sample = probe(ctx, kind);
    if (!sample || !hasOwnRepr(sample)) continue;
    const rows = goldenObjects().reprs.filter((r) => r.t === kind);
    for (let i = 0; i < rows.length; i += 32) {
      const chunk = rows.slice(i, i + 32);
      ctx.test(`${kind} reprs ${i}-${i + chunk.length - 1} ${shortText(chunk.map((r) => r.r).join(" "), 60)}`, () => {
        for (const row of chunk) {
          const obj = construct(ctx.impl[kind], fromHex(row.hex)) as Obj;
          assertSameValue(String(obj), row.r, `repr of ${kind} ${row.hex}`);
        }
      });
    }
  }
  if (ctx.has("array") && typeof (ctx.impl.array as Obj).typecodes === "string") {
    ctx.test(`array.typecodes`, () => {
      assertSameValue((ctx.impl.array as Obj).typecodes, goldenObjects().typecodes, "array.typecodes");
    });
  }
}

/** `bytes`: constructors, fromhex, hex, reprs, indexing, slicing, equality. */
export function bytes(ctx: Context): void {
  register(ctx, "bytes", "bytes", (s) => !isExport(s));
}

/** `bytearray`: the same, and every mutation. */
export function bytearray(ctx: Context): void {
  register(ctx, "bytearray", "bytearray", (s) => !isExport(s));
}

/** `array`: every type code, boundary values, reprs, every method. */
export function array(ctx: Context): void {
  register(ctx, "array", "array", (s) => !isExport(s));
}

/** Every resizing method of `bytearray` and `array` while exported, and after the release. */
export function exports(ctx: Context): void {
  register(ctx, "bytearray", "bytearray exports", isExport);
  register(ctx, "array", "array exports", isExport);
}
