/**
 * Randomized property cases: random structures (any shape, negative and zero
 * strides, offsets, PIL-style suboffsets, every format) exported by the test
 * exporter, one random operation each, checked against the suite's model.
 * Each case draws from its own generator, derived from the run's seed and
 * its number, so `--seed S --filter "#N "` replays exactly one case.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt, ConformanceError } from "../../assert/index.js";
import { assertViewMatches, expectationOf } from "../../check/view-expectation.js";
import type { Context } from "../../common.js";
import type { GroupEntry } from "../../group-definition.js";
import type { MemoryViewLike } from "../../implementation.js";
import { readItem } from "../../model/format-model.js";
import {
  itemBytePosition,
  modelIndex,
  modelSlice,
  modelToBytes,
  modelToList,
  modelWriteItem,
  type ModelView,
} from "../../model/model-view.js";
import { viewContiguity } from "../../model/contiguity.js";
import type { Prng } from "../../model/prng.js";
import { sliceIndices } from "../../model/slice-indices.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";
import { toHex } from "../../golden/decode-value.js";
import { randomExporter, randomMemory, SIMPLE_FORMATS, STRUCT_FORMATS } from "../exporter-fixtures.js";

// The random streams keep the group's old name, so a seed draws the same cases as before.
const STREAM = "memoryview-random";
const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };

const OPERATIONS = [
  "attributes",
  "tolist",
  "tobytes",
  "hex",
  "get-item",
  "get-out-of-range",
  "subview",
  "slice",
  "set-item",
  "set-readonly",
  "slice-assign",
  "equals-copy",
  "iterate",
  "release",
  "cast-bytes",
  "toreadonly",
  "count-index",
  "reexport",
] as const;
/** The operations a random case can try. */
export type Operation = (typeof OPERATIONS)[number];

function isNaNItem(value: unknown): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(isNaNItem);
  return false;
}

function containsNaN(list: unknown): boolean {
  if (Array.isArray(list)) return list.some(containsNaN);
  return typeof list === "number" && Number.isNaN(list);
}

/** A random item of the view's format that is not NaN (NaN bytes may not round-trip). */
function randomItem(rng: Prng, view: ModelView): unknown {
  for (;;) {
    const bytes = randomMemory(rng, view.layout.format, view.layout.itemsize);
    const value = readItem(bytes, 0, view.layout);
    if (!isNaNItem(value)) return value;
  }
}

/** One slice for a dimension of `length`, with `null` for None. */
function randomSliceArgs(rng: Prng, length: number): [number | null, number | null, number] {
  const bound = (): number | null => (rng.chance(0.25) ? null : rng.int(-length - 2, length + 2));
  const step = rng.pick([1, 1, 1, 2, 3, -1, -1, -2, -3, length + 1]);
  return [bound(), bound(), step === 0 ? 1 : step];
}

function randomIndex(rng: Prng, view: ModelView): number[] {
  return view.shape.map((d) => rng.int(0, d - 1));
}

/** The key for a full index: a number for 1-D (sometimes negative or bigint), a tuple otherwise. */
function keyOf(rng: Prng, view: ModelView, index: number[]): unknown {
  if (view.shape.length === 1) {
    const i = index[0] as number;
    const signed = rng.chance(0.3) ? i - (view.shape[0] as number) : i;
    return rng.chance(0.2) ? BigInt(signed) : signed;
  }
  return index;
}

function hasItems(view: ModelView): boolean {
  return view.shape.every((d) => d > 0);
}

/** Runs one operation; returns false when the structure does not suit it (the case then checks attributes). */
function runOperation(ctx: Context, rng: Prng, op: Operation, exporter: TestExporter, what: string): void {
  const m = attempt(() => ctx.memoryview(exporter), `${what}: memoryview()`);
  const model = exporter.model();
  const readonly = exporter.base.readonly;
  const ndim = model.shape.length;
  const multi = ctx.supports.multiDimensionalSlicing;
  switch (op) {
    case "tolist":
      assertSameValue(
        attempt(() => m.tolist(), `${what}: tolist()`),
        modelToList(model),
        `${what}: tolist()`,
      );
      return;
    case "tobytes": {
      const order = rng.pick(["C", "F", "A"] as const);
      const { c, f } = viewContiguity({
        itemsize: model.layout.itemsize,
        shape: model.shape,
        strides: model.byteStrides,
        suboffsets: model.suboffsets,
      });
      const expected = modelToBytes(model, order, c || ndim <= 1, f || ndim <= 1);
      assertSameValue(
        attempt(() => m.tobytes(order), `${what}: tobytes('${order}')`),
        expected,
        `${what}: tobytes('${order}')`,
      );
      return;
    }
    case "hex": {
      const { c, f } = viewContiguity({
        itemsize: model.layout.itemsize,
        shape: model.shape,
        strides: model.byteStrides,
        suboffsets: model.suboffsets,
      });
      assertSameValue(
        attempt(() => m.hex(), `${what}: hex()`),
        toHex(modelToBytes(model, "C", c, f)),
        `${what}: hex()`,
      );
      return;
    }
    case "get-item": {
      if (!hasItems(model)) break;
      const index = randomIndex(rng, model);
      const key = ndim === 0 ? [] : keyOf(rng, model, index);
      const expected = readItem(model.memory, itemBytePosition(model, index), model.layout);
      assertSameValue(
        attempt(() => m.get(key), `${what}: get(${String(key)})`),
        expected,
        `${what}: get([${index}])`,
      );
      return;
    }
    case "get-out-of-range": {
      if (ndim === 0) break;
      const dim = rng.int(0, ndim - 1);
      const index = model.shape.map((d) => (d > 0 ? rng.int(0, d - 1) : 0));
      const size = model.shape[dim] as number;
      index[dim] = rng.chance(0.5) ? size + rng.int(0, 3) : -size - 1 - rng.int(0, 3);
      if (model.shape.some((d, k) => d === 0 && k < dim)) break;
      const key = ndim === 1 ? index[0] : index;
      assertThrows(
        () => m.get(key),
        { name: "IndexError", message: `index out of bounds on dimension ${dim + 1}` },
        `${what}: get([${index}])`,
      );
      return;
    }
    case "subview": {
      if (ndim < 2 || !multi || (model.shape[0] as number) === 0) break;
      const i = rng.int(0, (model.shape[0] as number) - 1);
      const sub = attempt(() => m.get(i), `${what}: get(${i})`) as MemoryViewLike;
      assertViewMatches(sub, expectationOf(modelIndex(model, i), readonly), `${what}: get(${i})`);
      return;
    }
    case "slice": {
      if (ndim === 0 || (ndim > 1 && !multi)) break;
      const dims = ndim === 1 ? 1 : rng.int(1, ndim);
      let expected = model;
      const keys: object[] = [];
      const shown: string[] = [];
      for (let d = 0; d < dims; d++) {
        const [start, stop, step] = randomSliceArgs(rng, model.shape[d] as number);
        keys.push(ctx.slice(start, stop, step));
        shown.push(`${start ?? ""}:${stop ?? ""}:${step}`);
        expected = modelSlice(expected, d, sliceIndices(start, stop, step, model.shape[d] as number));
      }
      const key = ndim === 1 && (!multi || rng.chance(0.7)) ? keys[0] : keys;
      const sliced = attempt(() => m.get(key), `${what}: get([${shown}])`) as MemoryViewLike;
      assertViewMatches(sliced, expectationOf(expected, readonly), `${what}: get([${shown}])`);
      return;
    }
    case "set-item": {
      if (readonly || !hasItems(model)) break;
      const index = randomIndex(rng, model);
      const value = randomItem(rng, model);
      const key = ndim === 0 ? [] : keyOf(rng, model, index);
      const expectedMemory = model.memory.slice();
      modelWriteItem({ ...model, memory: expectedMemory }, index, value);
      attempt(() => m.set(key, value), `${what}: set([${index}], ${String(value)})`);
      // Pad bytes of the written item ('x' and alignment) may be kept or zeroed.
      const actual = exporter.memory.slice();
      const at = itemBytePosition(model, index);
      const valueBytes = new Set(
        model.layout.fields.flatMap((f) => Array.from({ length: f.byteSize }, (_, k) => at + f.byteOffset + k)),
      );
      for (let b = at; b < at + model.layout.itemsize; b++) if (!valueBytes.has(b)) actual[b] = expectedMemory[b] as number;
      assertSameValue(actual, expectedMemory, `${what}: memory after set([${index}])`);
      return;
    }
    case "set-readonly": {
      if (!readonly || !hasItems(model)) break;
      const index = randomIndex(rng, model);
      const key = ndim === 0 ? [] : keyOf(rng, model, index);
      assertThrows(
        () => m.set(key, randomItem(rng, model)),
        { name: "TypeError", message: "cannot modify read-only memory" },
        `${what}: set on a read-only view`,
      );
      return;
    }
    case "slice-assign": {
      if (readonly || ndim !== 1) break;
      const [start, stop, step] = randomSliceArgs(rng, model.shape[0] as number);
      const target = modelSlice(model, 0, sliceIndices(start, stop, step, model.shape[0] as number));
      const count = target.shape[0] as number;
      const source = new TestExporter(randomMemory(rng, model.layout.format, count * model.layout.itemsize), {
        format: model.layout.format,
        shape: [count],
      });
      // Slice assignment copies whole items, bytes and all (copy_base in memoryobject.c).
      const expectedMemory = model.memory.slice();
      const itemsize = model.layout.itemsize;
      for (let k = 0; k < count; k++) {
        const to = itemBytePosition(target, [k]);
        expectedMemory.set(source.memory.subarray(k * itemsize, (k + 1) * itemsize), to);
      }
      attempt(() => m.set(ctx.slice(start, stop, step), source), `${what}: set(${start}:${stop}:${step}, exporter)`);
      assertSameValue(exporter.memory.slice(), expectedMemory, `${what}: memory after slice assignment`);
      assertSameValue(source.exports, 0, `${what}: the source's export was released`);
      return;
    }
    case "equals-copy": {
      const list = modelToList(model);
      const copy = new TestExporter(modelToBytes(model, "C", true, true), { format: model.layout.format, shape: model.shape });
      const other = attempt(() => ctx.memoryview(copy), `${what}: memoryview(copy)`);
      assertSameValue(
        attempt(() => m.equals(other), `${what}: equals(copy)`),
        !containsNaN(list),
        `${what}: equals(a C-contiguous copy)`,
      );
      assertSameValue(
        attempt(() => m.equals(m), `${what}: equals(itself)`),
        !containsNaN(list),
        `${what}: equals(itself)`,
      );
      return;
    }
    case "iterate": {
      if (ndim !== 1) break;
      assertSameValue(
        attempt(() => [...m], `${what}: [...view]`),
        modelToList(model),
        `${what}: [...view]`,
      );
      return;
    }
    case "release": {
      assertSameValue(exporter.exports, 1, `${what}: exports while the view lives`);
      attempt(() => m.release(), `${what}: release()`);
      assertSameValue(exporter.exports, 0, `${what}: exports after release()`);
      assertSameValue(exporter.releases, 1, `${what}: releases after release()`);
      assertSameValue(m.released, true, `${what}: released`);
      attempt(() => m.release(), `${what}: a second release()`);
      assertSameValue(exporter.log.misreleases, [], `${what}: misreleases`);
      assertThrows(() => m.tolist(), RELEASED, `${what}: tolist() after release()`);
      assertThrows(() => m.get(ndim === 0 ? [] : 0), RELEASED, `${what}: get() after release()`);
      return;
    }
    case "cast-bytes": {
      if (!ctx.supports.cast) break;
      const { c } = viewContiguity({
        itemsize: model.layout.itemsize,
        shape: model.shape,
        strides: model.byteStrides,
        suboffsets: model.suboffsets,
      });
      if (!c) {
        assertThrows(
          () => m.cast("B"),
          { name: "TypeError", message: "memoryview: casts are restricted to C-contiguous views" },
          `${what}: cast('B') of a non-contiguous view`,
        );
        return;
      }
      if (ndim !== 1 && model.shape.some((d) => d === 0)) {
        // CPython's memory_cast refuses a multi-dimensional view with a zero in its shape
        assertThrows(
          () => m.cast("B"),
          { name: "TypeError", message: "memoryview: cannot cast view with zeros in shape or strides" },
          `${what}: cast('B') of an empty view`,
        );
        return;
      }
      const bytes = modelToBytes(model, "C", true, true);
      const cast = attempt(() => m.cast("B"), `${what}: cast('B')`);
      assertViewMatches(
        cast,
        { ndim: 1, shape: [bytes.length], itemsize: 1, format: "B", tolist: Array.from(bytes), readonly },
        `${what}: cast('B')`,
      );
      return;
    }
    case "toreadonly": {
      const r = attempt(() => m.toreadonly(), `${what}: toreadonly()`);
      assertViewMatches(r, { readonly: true, shape: [...model.shape], tolist: modelToList(model) }, `${what}: toreadonly()`);
      if (hasItems(model)) {
        const index = model.shape.map(() => 0);
        assertThrows(
          () => r.set(ndim === 0 ? [] : ndim === 1 ? 0 : index, randomItem(rng, model)),
          { name: "TypeError", message: "cannot modify read-only memory" },
          `${what}: set on toreadonly()`,
        );
      }
      return;
    }
    case "count-index": {
      if (!ctx.supports.countIndex || ndim !== 1) break;
      const list = modelToList(model) as unknown[];
      if (list.some(isNaNItem)) break;
      const probe = list.length > 0 && rng.chance(0.7) ? list[rng.int(0, list.length - 1)] : randomItem(rng, model);
      const same = (a: unknown) =>
        JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v)) ===
        JSON.stringify(probe, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v));
      const expectedCount = list.filter(same).length;
      assertSameValue(
        attempt(() => m.count(probe), `${what}: count()`),
        expectedCount,
        `${what}: count(${String(probe)})`,
      );
      const first = list.findIndex(same);
      if (first >= 0)
        assertSameValue(
          attempt(() => m.index(probe), `${what}: index()`),
          first,
          `${what}: index(${String(probe)})`,
        );
      else
        assertThrows(
          () => m.index(probe),
          { name: "ValueError", message: "memoryview.index(x): x not found" },
          `${what}: index() of a missing value`,
        );
      return;
    }
    case "reexport": {
      const info = attempt(
        () =>
          (m as unknown as Record<symbol, (f: number) => import("../../protocol/buffer-info.js").BufferInfo>)[GET_BUFFER]!(
            BufferFlags.FULL_RO,
          ),
        `${what}: getbuffer(FULL_RO)`,
      );
      assertSameValue(info.obj === (m as unknown), true, `${what}: re-export obj is the view`);
      assertSameValue(info.buf === exporter.base.buf, true, `${what}: re-export buf is the exporter's memory`);
      assertSameValue([...(info.shape ?? [])], [...model.shape], `${what}: re-export shape`);
      assertSameValue([...(info.strides ?? [])], [...model.byteStrides], `${what}: re-export strides`);
      assertSameValue(info.offset, model.byteOffset, `${what}: re-export offset`);
      assertThrows(
        () => m.release(),
        { name: "BufferError", message: "memoryview has 1 exported buffer" },
        `${what}: release() with a live export`,
      );
      (m as unknown as Record<symbol, (i: unknown) => void>)[RELEASE_BUFFER]!(info);
      attempt(() => m.release(), `${what}: release() after the export was released`);
      assertSameValue(exporter.exports, 0, `${what}: exports after release()`);
      return;
    }
    case "attributes":
      break;
  }
  assertViewMatches(m, expectationOf(model, readonly, false), what);
  assertSameValue(m.obj === exporter, true, `${what}: obj is the exporter`);
  assertSameValue(exporter.log.requests, [BufferFlags.FULL_RO], `${what}: memoryview requested FULL_RO, once`);
}

/** The refusal twin: what an implementation declares it leaves out must be refused, with no export leaked. */
function checkRefusal(ctx: Context, exporter: TestExporter, what: string): void {
  let m: MemoryViewLike;
  try {
    m = ctx.memoryview(exporter);
  } catch (error) {
    const name = (error as Error)?.name;
    if (name !== "NotImplementedError" && name !== "BufferError") {
      throw new ConformanceError(
        `${what}: refused with ${name}: ${(error as Error)?.message}; expected NotImplementedError or BufferError`,
      );
    }
    assertSameValue(exporter.exports, 0, `${what}: exports after a refused memoryview()`);
    return;
  }
  assertTrue(exporter.exports <= 1, `${what}: one export at most`);
  assertThrows(
    () => m.tolist(),
    { name: ["NotImplementedError", "BufferError"] },
    `${what}: tolist() of an undeclared structure`,
  );
}

/** One randomized case, drawn once per context and handed to the group of its operation. */
interface RandomCase {
  readonly op: Operation;
  readonly name: string;
  readonly body: () => void;
}

/** The key of the drawn cases among the run's shared memos. */
const DRAWN = Symbol("memoryview random cases");

/**
 * Every randomized case of the run, drawn on first use: the operation of
 * each case comes from its own generator, so which group it belongs to is
 * known only once it is drawn.
 */
function randomCases(ctx: Context): readonly RandomCase[] {
  const known = ctx.shared.get(DRAWN) as readonly RandomCase[] | undefined;
  if (known) return known;
  const count = Math.round(8000 * ctx.scale);
  const allFormats = [...SIMPLE_FORMATS, ...STRUCT_FORMATS];
  const declared = allFormats.filter((f) => {
    const plain = f.replace(/^@(?=.$)/, "");
    return plain.length === 1 ? ctx.supports.formats.includes(plain) : ctx.supports.structFormats;
  });
  const cases: RandomCase[] = [];
  for (let i = 0; i < count; i++) {
    const rng = ctx.rng(`${STREAM}#${i}`);
    const withinLimits = rng.chance(0.9);
    const exporter = randomExporter(rng, {
      maxDim: withinLimits ? Math.min(4, ctx.supports.maxNdim) : 4,
      formats: withinLimits && declared.length > 0 ? declared : allFormats,
      pil: withinLimits && !ctx.supports.suboffsets ? false : undefined,
      maxItems: 96,
    });
    const op = rng.pick(OPERATIONS);
    const base = exporter.base;
    const format = (base.format as string).replace(/^@(?=.$)/, "");
    const supported =
      base.ndim <= ctx.supports.maxNdim &&
      (ctx.supports.suboffsets || !base.suboffsets) &&
      (format.length === 1 ? ctx.supports.formats.includes(format) : ctx.supports.structFormats);
    const what = `random #${i} ${supported ? op : "refusal"} ${exporter.describe()}`;
    cases.push({
      op,
      name: what,
      body: () => {
        if (supported) runOperation(ctx, rng, op, exporter, what);
        else checkRefusal(ctx, exporter, what);
      },
    });
  }
  ctx.shared.set(DRAWN, cases);
  return cases;
}

/**
 * The randomized cases whose operation is one of `ops`: random structures,
 * one operation each, checked against the suite's model (a structure the
 * module does not declare must be refused instead).
 */
export function random(ctx: Context, ops: readonly Operation[]): void {
  for (const c of randomCases(ctx)) if (ops.includes(c.op)) ctx.test(c.name, c.body);
}

/**
 * The entry of a group that runs the randomized cases of `ops`.
 *
 * @example
 * ```ts
 * const group = { name: "memoryview/hex", about: "…", entries: [randomEntry("hex")] };
 * ```
 */
export function randomEntry(...ops: Operation[]): GroupEntry {
  return { needs: ["memoryview"], cases: (ctx) => random(ctx, ops) };
}
