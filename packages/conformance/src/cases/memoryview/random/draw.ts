/**
 * The draw of the randomized memoryview cases: random structures (any
 * shape, negative and zero strides, offsets, PIL-style suboffsets, every
 * format) exported by the test exporter, one random operation each. Each
 * case draws from its own generator, derived from the run's seed and its
 * number, so `--seed S --filter "#N "` replays exactly one case.
 *
 * The cases are drawn once per run and handed to the groups: each group
 * brings the checks of its own operations (`random/<group>.ts`), against
 * the suite's model; a structure the module does not declare is checked
 * for a clean refusal instead.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt, ConformanceError } from "../../../assert/index.js";
import { assertViewMatches, expectationOf } from "../../../check/view-expectation.js";
import type { Context } from "../../../common.js";
import type { GroupEntry } from "../../../group-definition.js";
import type { MemoryViewLike } from "../../../implementation.js";
import { readItem } from "../../../model/format-model.js";
import type { ModelView } from "../../../model/model-view.js";
import type { Prng } from "../../../model/prng.js";
import { BufferFlags } from "../../../protocol/flags.js";
import type { TestExporter } from "../../../test-exporter/index.js";
import { randomExporter, randomMemory, SIMPLE_FORMATS, STRUCT_FORMATS } from "../../exporter-fixtures.js";

// The random streams keep the group's old name, so a seed draws the same cases as before.
const STREAM = "memoryview-random";

/** What every use of a released view throws. */
export const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };

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

/** One drawn case, as its operation's check sees it. */
export interface Trial {
  readonly ctx: Context;
  /** The case's own generator, for the operation's random arguments. */
  readonly rng: Prng;
  /** `memoryview(exporter)`. */
  readonly m: MemoryViewLike;
  readonly exporter: TestExporter;
  /** The suite's model of the exported view. */
  readonly model: ModelView;
  readonly readonly: boolean;
  readonly ndim: number;
  /** Whether the module declares multi-dimensional slicing. */
  readonly multi: boolean;
  /** The case's name, for messages. */
  readonly what: string;
}

/**
 * Checks one operation on a drawn case; returns false when the structure
 * does not suit the operation (the case then checks the view's attributes).
 */
export type OperationCheck = (trial: Trial) => boolean;

/** Whether an item (or any part of a multi-field one) is NaN. */
export function isNaNItem(value: unknown): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(isNaNItem);
  return false;
}

/** Whether a nested list holds a NaN. */
export function containsNaN(list: unknown): boolean {
  if (Array.isArray(list)) return list.some(containsNaN);
  return typeof list === "number" && Number.isNaN(list);
}

/** A random item of the view's format that is not NaN (NaN bytes may not round-trip). */
export function randomItem(rng: Prng, view: ModelView): unknown {
  for (;;) {
    const bytes = randomMemory(rng, view.layout.format, view.layout.itemsize);
    const value = readItem(bytes, 0, view.layout);
    if (!isNaNItem(value)) return value;
  }
}

/** One slice for a dimension of `length`, with `null` for None. */
export function randomSliceArgs(rng: Prng, length: number): [number | null, number | null, number] {
  const bound = (): number | null => (rng.chance(0.25) ? null : rng.int(-length - 2, length + 2));
  const step = rng.pick([1, 1, 1, 2, 3, -1, -1, -2, -3, length + 1]);
  return [bound(), bound(), step === 0 ? 1 : step];
}

/** A random full index of a view with items. */
export function randomIndex(rng: Prng, view: ModelView): number[] {
  return view.shape.map((d) => rng.int(0, d - 1));
}

/** The key for a full index: a number for 1-D (sometimes negative or bigint), a tuple otherwise. */
export function keyOf(rng: Prng, view: ModelView, index: number[]): unknown {
  if (view.shape.length === 1) {
    const i = index[0] as number;
    const signed = rng.chance(0.3) ? i - (view.shape[0] as number) : i;
    return rng.chance(0.2) ? BigInt(signed) : signed;
  }
  return index;
}

/** Whether a view has items (no zero in its shape). */
export function hasItems(view: ModelView): boolean {
  return view.shape.every((d) => d > 0);
}

/** Runs one operation's check on a drawn case, or the attribute checks when the structure does not suit it. */
function runOperation(ctx: Context, rng: Prng, check: OperationCheck, exporter: TestExporter, what: string): void {
  const m = attempt(() => ctx.memoryview(exporter), `${what}: memoryview()`);
  const model = exporter.model();
  const readonly = exporter.base.readonly;
  const trial: Trial = {
    ctx,
    rng,
    m,
    exporter,
    model,
    readonly,
    ndim: model.shape.length,
    multi: ctx.supports.multiDimensionalSlicing,
    what,
  };
  if (check(trial)) return;
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

/** One randomized case, drawn once per run and handed to the group of its operation. */
interface DrawnCase {
  readonly op: Operation;
  readonly name: string;
  readonly rng: Prng;
  readonly exporter: TestExporter;
  /** Whether the module declares the structure (else the refusal twin runs). */
  readonly supported: boolean;
}

/** The key of the drawn cases among the run's shared memos. */
const DRAWN = Symbol("memoryview random cases");

/**
 * Every randomized case of the run, drawn on first use: the operation of
 * each case comes from its own generator, so which group it belongs to is
 * known only once it is drawn.
 */
function drawnCases(ctx: Context): readonly DrawnCase[] {
  const known = ctx.shared.get(DRAWN) as readonly DrawnCase[] | undefined;
  if (known) return known;
  const count = Math.round(8000 * ctx.scale);
  const allFormats = [...SIMPLE_FORMATS, ...STRUCT_FORMATS];
  const declared = allFormats.filter((f) => {
    const plain = f.replace(/^@(?=.$)/, "");
    return plain.length === 1 ? ctx.supports.formats.includes(plain) : ctx.supports.structFormats;
  });
  const cases: DrawnCase[] = [];
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
    const name = `random #${i} ${supported ? op : "refusal"} ${exporter.describe()}`;
    cases.push({ op, name, rng, exporter, supported });
  }
  ctx.shared.set(DRAWN, cases);
  return cases;
}

/**
 * The entry of a group that runs the randomized cases of its operations,
 * each checked by the group's own check for it.
 *
 * @example
 * ```ts
 * const group = { name: "memoryview/hex", about: "…", entries: [randomEntry({ hex: checkHex })] };
 * ```
 */
export function randomEntry(checks: Partial<Record<Operation, OperationCheck>>): GroupEntry {
  return {
    needs: ["memoryview"],
    cases: (ctx) => {
      for (const c of drawnCases(ctx)) {
        const check = checks[c.op];
        if (check === undefined) continue;
        ctx.test(c.name, () => {
          if (c.supported) runOperation(ctx, c.rng, check, c.exporter, c.name);
          else checkRefusal(ctx, c.exporter, c.name);
        });
      }
    },
  };
}
