/**
 * The optional ndarray extension (`MemoryView` in the adapter, `@mv/core`'s
 * N-dimensional view): NumPy's operations where CPython's memoryview stops,
 * checked against `fixtures/golden_ndarray.json` (recorded from NumPy by
 * `fixtures/golden_ndarray.py`). The contract: where CPython refuses and
 * NumPy does it, NumPy is the reference; item access, item assignment and
 * `release` keep CPython's memoryview rules and wording.
 *
 * Every source is a test exporter of exactly NumPy's layout (offset, shape,
 * byte strides) over the recorded memory: C and Fortran order, sliced,
 * negative strides, transposed, 0-d, zero-length and length-1 dimensions,
 * zero strides, in formats of every size (multi-byte integers in both byte
 * orders, floats, `?`, a two-field struct).
 *
 * Where NumPy's and CPython's wording differ for the same refusal, the case
 * accepts either (noted at the case); NumPy's `AxisError` is a subclass of
 * both ValueError and IndexError, so either name passes.
 *
 * @packageDocumentation
 */

import {
  assertSameValue,
  assertThrows,
  assertTrue,
  attempt,
  ConformanceError,
  errorMatches,
  showValue,
} from "../../assert/index.js";
import type { ExpectedError } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex, toHex } from "../../golden/decode-value.js";
import {
  goldenNdarray as golden,
  type GoldenNdError,
  type GoldenNdLayout,
  type GoldenNdResult,
  type GoldenNdSource,
} from "../../golden/golden-ndarray-data.js";
import type { NdarrayViewClass, NdarrayViewLike } from "../../implementation.js";
import { modelLayout } from "../../model/format-model.js";
import { modelToList, readPointer } from "../../model/model-view.js";
import { RawExporter, TestExporter } from "../../test-exporter/index.js";

const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };
const READONLY = { name: "TypeError", message: "cannot modify read-only memory" };
/** np.copyto's and CPython's memoryview wording for a shape that does not fit. */
const STRUCTURE = { name: "ValueError", message: /could not broadcast|lvalue and rvalue have different structures/ };
/** Whether the host is little-endian (where "<" formats are in the host's order). */
const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The TypedArray each format's items fit (SPEC §1.5's table, read backwards). */
const TYPED_ARRAYS: Readonly<Record<string, string>> = {
  b: "Int8Array",
  B: "Uint8Array",
  "?": "Uint8Array",
  h: "Int16Array",
  H: "Uint16Array",
  i: "Int32Array",
  I: "Uint32Array",
  q: "BigInt64Array",
  Q: "BigUint64Array",
  e: "Float16Array",
  f: "Float32Array",
  d: "Float64Array",
};

type Test = (name: string, body: () => void) => void;

function tester(ctx: Context): Test {
  return (name, body) => ctx.test(`${name}`, body);
}

function cls(ctx: Context): NdarrayViewClass {
  return ctx.impl.MemoryView as NdarrayViewClass;
}

/** A test exporter of `layout` over a copy of `memoryHex`. */
function exporterOf(
  format: string,
  memoryHex: string,
  layout: GoldenNdLayout,
  options: { writable?: boolean; pil?: boolean } = {},
): TestExporter {
  return new TestExporter(fromHex(memoryHex), {
    format,
    shape: layout.shape,
    strides: layout.strides,
    offset: layout.offset,
    writable: options.writable ?? false,
    pil: options.pil ?? false,
  });
}

/** A view of `source` (read-only unless `writable`), and its exporter. */
function sourceView(
  ctx: Context,
  source: GoldenNdSource,
  options: { writable?: boolean; pil?: boolean } = {},
): [NdarrayViewLike, TestExporter] {
  const x = exporterOf(source.format, golden().bases[source.format]!, source, options);
  return [attempt(() => cls(ctx).from(x), `MemoryView.from(${source.id})`), x];
}

/** A view of the whole base memory of `format`, one dimension (derive's and copy's ground). */
function wholeView(ctx: Context, format: string, memoryHex: string, writable: boolean): [NdarrayViewLike, TestExporter] {
  const x = new TestExporter(fromHex(memoryHex), { format, writable });
  return [cls(ctx).from(x), x];
}

function decodeError(e: GoldenNdError): ExpectedError {
  // NumPy's AxisError subclasses ValueError and IndexError.
  return { name: e[0] === "AxisError" ? ["ValueError", "IndexError"] : e[0], message: e[1] };
}

/**
 * The strides that address something: those of dimensions longer than 1
 * in a non-empty view (the others are free: NumPy and CPython's slicing
 * leave different values there).
 */
function liveStrides(shape: readonly number[], strides: readonly number[]): (number | null)[] {
  const empty = shape.includes(0);
  return strides.map((s, dim) => (empty || shape[dim]! <= 1 ? null : s));
}

/**
 * Checks a derived view against NumPy's shape, strides and items; with
 * `anyFreeStrides`, only the strides that address something.
 */
function assertResult(view: NdarrayViewLike, result: GoldenNdResult, what: string, anyFreeStrides = false): void {
  const [shape, strides, list] = result;
  assertSameValue(view.shape, shape, `${what}: shape`);
  if (anyFreeStrides) assertSameValue(liveStrides(view.shape, view.strides), liveStrides(shape, strides), `${what}: strides`);
  else assertSameValue(view.strides, strides, `${what}: strides`);
  assertSameValue(
    attempt(() => view.toList(), `${what}: toList()`),
    decodeValue(list),
    `${what}: toList()`,
  );
}

/** Runs `op` and checks it against a recorded result or error. */
function expectOutcome(op: () => NdarrayViewLike, outcome: { r?: GoldenNdResult; e?: GoldenNdError }, what: string): void {
  if (outcome.e) {
    assertThrows(op, decodeError(outcome.e), what);
    return;
  }
  assertResult(attempt(op, what), outcome.r!, what);
}

/** Every multi-index of `shape`, in C order. */
function* indices(shape: readonly number[]): Generator<number[]> {
  const count = shape.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < count; flat++) {
    const index = new Array<number>(shape.length);
    let rest = flat;
    for (let dim = shape.length - 1; dim >= 0; dim--) {
      index[dim] = rest % shape[dim]!;
      rest = Math.floor(rest / shape[dim]!);
    }
    yield index;
  }
}

/** The entry of nested `list` at `index`. */
function entry(list: unknown, index: readonly number[]): unknown {
  return index.reduce<unknown>((l, i) => (l as unknown[])[i], list);
}

/** Flat C-order items re-nested into `shape` (a 0-d shape gives the one item). */
function nest(flat: readonly unknown[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const step = flat.length / shape[0]!;
  const out: unknown[] = [];
  for (let i = 0; i < shape[0]!; i++) out.push(nest(flat.slice(i * step, (i + 1) * step), shape.slice(1)));
  return out;
}

function baseChar(format: string): string {
  return /^[@=<>!]/.test(format) ? format.slice(1) : format;
}

function isHostOrder(format: string): boolean {
  const prefix = format[0];
  if (prefix === "<") return HOST_LITTLE;
  if (prefix === ">" || prefix === "!") return !HOST_LITTLE;
  return true;
}

/** The sources with recorded reshapes (read from the fixture on first use). */
const layoutSources = (): GoldenNdSource[] => golden().sources.filter((s) => s.reshape !== undefined);

/** Iteration walks the first dimension: items of a 1-D view, sub-views of the others. */
function assertIteration(v: NdarrayViewLike, source: GoldenNdSource, list: unknown): void {
  if (source.shape.length === 0) {
    assertThrows(() => [...v], { name: "TypeError", message: "invalid indexing of 0-dim memory" }, "[...v] of a 0-d view");
    return;
  }
  const items = attempt(() => [...v], "[...v]");
  const got = source.shape.length === 1 ? items : items.map((row) => (row as NdarrayViewLike).toList());
  assertSameValue(got, list, "[...v]");
}

/** `toTypedArray()` of `view`: the flat items in the format's TypedArray, or TypeError for a format none holds. */
function assertTypedArray(view: NdarrayViewLike, format: string, list: unknown): void {
  const kind = TYPED_ARRAYS[baseChar(format)];
  if (kind === "Float16Array" && typeof (globalThis as Record<string, unknown>).Float16Array !== "function") return;
  if (kind === undefined) {
    assertThrows(() => view.toTypedArray(), { name: "TypeError" }, `toTypedArray() of format '${format}'`);
    return;
  }
  const flat = view.shape.length === 0 ? [list] : (list as unknown[]).flat(view.shape.length - 1);
  const expected = format === "?" ? flat.map((b) => (b ? 1 : 0)) : flat;
  const ta = attempt(() => view.toTypedArray(), "toTypedArray()");
  assertSameValue(
    [Object.getPrototypeOf(ta)?.constructor?.name, Array.from(ta as ArrayLike<unknown>)],
    [kind, expected],
    "toTypedArray(): [kind, items]",
  );
}

// ------------------------------------------------------------- the cases --

/** Attributes, items, iteration and `toReadonly` of every source. */
export function sources(ctx: Context): void {
  const t = tester(ctx);
  for (const source of golden().sources) {
    t(`${source.id}: attributes, items, tolist, tobytes and iteration are NumPy's`, () => {
      const [v] = sourceView(ctx, source);
      const list = decodeValue(source.list);
      assertSameValue(v.shape, source.shape, "shape");
      assertSameValue(v.strides, source.strides, "strides");
      assertSameValue(v.ndim, source.shape.length, "ndim");
      assertSameValue(v.format, source.format, "format");
      assertSameValue(v.layout.byteOffset, source.offset, "layout.byteOffset");
      assertSameValue(v.nbytes, source.bytes.C.length / 2, "nbytes");
      assertSameValue([v.cContiguous, v.fContiguous], [...source.flags], "[cContiguous, fContiguous] (NumPy's flags)");
      assertSameValue(
        attempt(() => v.toList(), "toList()"),
        list,
        "toList()",
      );
      for (const index of indices(source.shape)) {
        const what = `get(${index.join(", ")})`;
        assertSameValue(
          attempt(() => v.get(...index), what),
          entry(list, index),
          what,
        );
        const negative = index.map((i, dim) => i - source.shape[dim]!);
        assertSameValue(
          attempt(() => v.get(...negative), `get(${negative.join(", ")})`),
          entry(list, index),
          `get(${negative.join(", ")})`,
        );
      }
      const ro = attempt(() => v.toReadonly(), "toReadonly()");
      assertSameValue([ro.readonly, v.readonly], [true, true], "[toReadonly().readonly, readonly]");
      assertSameValue(ro.toList(), list, "toReadonly().toList()");
      for (const order of ["C", "F", "A"] as const) {
        assertSameValue(
          toHex(attempt(() => v.toBytes(order), `toBytes("${order}")`)),
          source.bytes[order],
          `toBytes("${order}") (NumPy's tobytes)`,
        );
      }
      assertSameValue(toHex(v.toBytes()), source.bytes.C, "toBytes()");
      assertIteration(v, source, list);
    });
  }
}

/** `toTypedArray`: the flat C-order items in the format's TypedArray. */
export function typedArrays(ctx: Context): void {
  const t = tester(ctx);
  for (const source of golden().sources) {
    const kind = TYPED_ARRAYS[baseChar(source.format)];
    if (kind === "Float16Array" && typeof (globalThis as Record<string, unknown>).Float16Array !== "function") continue;
    t(`${source.id}: toTypedArray() holds NumPy's ravel()`, () => {
      const [v, x] = sourceView(ctx, source, { writable: true });
      if (kind === undefined) {
        assertThrows(() => v.toTypedArray(), { name: "TypeError" }, `toTypedArray() of format '${source.format}'`);
        return;
      }
      const ta = attempt(() => v.toTypedArray(), "toTypedArray()");
      assertSameValue(Object.getPrototypeOf(ta)?.constructor?.name, kind, "the TypedArray's kind");
      const flat = decodeValue(source.flat) as unknown[];
      const expected = source.format === "?" ? flat.map((b) => (b ? 1 : 0)) : flat;
      assertSameValue(Array.from(ta as ArrayLike<unknown>), expected, "the items");
      const aligned = source.offset % v.itemsize === 0;
      if (source.flags[0] && flat.length > 0 && isHostOrder(source.format) && aligned) {
        // Documented: the exporter's memory itself, not a copy.
        assertTrue(ta.buffer === x.base.buf, "toTypedArray() of a writable C-contiguous host-order view shares its memory");
      }
      const [ro, y] = sourceView(ctx, source);
      const copy = attempt(() => ro.toTypedArray(), "toTypedArray() of a read-only view");
      assertTrue(copy.buffer !== y.base.buf, "toTypedArray() of a read-only view is a copy (it cannot write through)");
      assertSameValue(Array.from(copy as ArrayLike<unknown>), expected, "the items of the read-only view's copy");
    });
  }
}

/** `fill` and `set`: NumPy's `a.fill(v)` and item assignment, nothing written outside the view. */
export function writes(ctx: Context): void {
  const t = tester(ctx);
  for (const source of golden().sources) {
    const filled = source.fill;
    if (filled === undefined) continue; // zero strides: items share memory
    t(`${source.id}: fill(v) and set(...index, v) write NumPy's items and nothing else`, () => {
      const [v, x] = sourceView(ctx, source, { writable: true });
      const value = decodeValue(golden().fillValues[source.format]);
      attempt(() => v.fill(value), `fill(${showValue(value)})`);
      const expected = fromHex(golden().bases[source.format]!);
      const item = fromHex(golden().fillItems[source.format]!);
      for (const i of filled) expected.set(item, i * item.length);
      assertSameValue(toHex(x.memory), toHex(expected), "the memory after fill");
      const [ro, y] = sourceView(ctx, source);
      assertThrows(() => ro.fill(value), READONLY, "fill() of a read-only view");
      assertSameValue(toHex(y.memory), golden().bases[source.format]!, "the read-only memory is untouched");
      // Then every item in turn, the items of the source in reverse order.
      const flat = decodeValue(source.flat) as unknown[];
      const reversed = [...flat].reverse();
      let k = 0;
      for (const index of indices(source.shape)) {
        const next = reversed[k++];
        attempt(() => v.set(...index, next), `set(${index.join(", ")}, ${showValue(next)})`);
      }
      assertSameValue(v.toList(), nest(reversed, source.shape), "toList() after writing the items in reverse");
      const first = source.shape.map(() => 0);
      if (flat.length > 0) assertThrows(() => ro.set(...first, flat[0]), READONLY, "set() on a read-only view");
    });
  }
}

/** `reshape(shape, order)`: `np.reshape(a, shape, order=order, copy=False)`. */
export function reshapes(ctx: Context): void {
  const t = tester(ctx);
  for (const source of layoutSources()) {
    t(`${source.id}: reshape is NumPy's reshape(copy=False), or its refusal`, () => {
      const [v] = sourceView(ctx, source);
      source.reshape!.forEach((r, k) => {
        // Every other case passes the shape as bigints (indices may be either).
        const shape = k % 2 === 0 ? [...r.s] : r.s.map((n) => BigInt(n));
        expectOutcome(() => v.reshape(shape, r.o), r, `reshape([${r.s.join(", ")}], "${r.o}")`);
      });
    });
  }
  t("reshape refuses an order other than C or F", () => {
    const [v] = sourceView(ctx, layoutSources()[0]!);
    assertThrows(() => v.reshape([-1], "A" as "C"), { name: "ValueError" }, 'reshape([-1], "A")');
  });
  t("a reshape shares the memory (no copy)", () => {
    const source = layoutSources().find((s) => s.id.endsWith("/c3"))!;
    const [v, x] = sourceView(ctx, source, { writable: true });
    const r = v.reshape([4, -1]);
    r.set(3, 5, 7);
    assertSameValue(v.get(1, 2, 3), 7, "the source's last item after writing it through reshape([4, -1])");
    assertSameValue(x.memory[23], 7, "the memory");
  });
}

/** `permute(...axes)` and `transpose()`: `np.transpose(a, axes)` and `a.T`. */
export function permutes(ctx: Context): void {
  const t = tester(ctx);
  for (const source of layoutSources()) {
    t(`${source.id}: permute and transpose are NumPy's transpose`, () => {
      const [v] = sourceView(ctx, source);
      source.permute!.forEach((p, k) => {
        const axes = [...p.a];
        if (k % 2 === 0) expectOutcome(() => v.permute(...axes), p, `permute(${axes.join(", ")})`);
        else expectOutcome(() => v.permute(axes), p, `permute([${axes.join(", ")}])`);
      });
      const reversed = source.permute!.find((p) => p.a.join() === source.shape.map((_, i) => source.shape.length - 1 - i).join());
      if (reversed?.r)
        assertResult(
          attempt(() => v.transpose(), "transpose()"),
          reversed.r,
          "transpose()",
        );
    });
  }
  t("permute refuses an axis that is not an integer", () => {
    const [v] = sourceView(ctx, layoutSources().find((s) => s.id.endsWith("/c3"))!);
    assertThrows(() => v.permute(0, 1.5, 2), { name: "TypeError" }, "permute(0, 1.5, 2)");
  });
}

/** `index(dim, i)`: NumPy's integer indexing of one dimension. */
export function indexing(ctx: Context): void {
  const t = tester(ctx);
  for (const source of layoutSources()) {
    t(`${source.id}: index(dim, i) is NumPy's a[..., i, ...]`, () => {
      const [v] = sourceView(ctx, source);
      if (source.shape.length === 0) {
        assertThrows(
          () => v.index(0, 0),
          { name: "TypeError", message: "invalid indexing of 0-dim memory" },
          "index(0, 0) of a 0-d view",
        );
        return;
      }
      for (const c of source.index!) {
        const what = `index(${c.d}, ${c.i})`;
        if (c.e) {
          // NumPy: "index 2 is out of bounds for axis 0 with size 2"; CPython: "index out of bounds on dimension 1".
          assertThrows(() => v.index(c.d, c.i), { name: "IndexError", message: /out of bounds/ }, what);
        } else {
          assertResult(
            attempt(() => v.index(c.d, c.i), what),
            c.r!,
            what,
          );
          assertResult(
            attempt(() => v.index(c.d - source.shape.length, BigInt(c.i)), `${what} (negative dim, bigint index)`),
            c.r!,
            what,
          );
        }
      }
      const ndim = source.shape.length;
      assertThrows(
        () => v.index(ndim, 0),
        { name: ["ValueError", "IndexError"], message: `axis ${ndim} is out of bounds for array of dimension ${ndim}` },
        `index(${ndim}, 0)`,
      );
      assertThrows(
        () => v.index(-ndim - 1, 0),
        { name: ["ValueError", "IndexError"], message: `axis ${-ndim - 1} is out of bounds for array of dimension ${ndim}` },
        `index(${-ndim - 1}, 0)`,
      );
    });
  }
}

/** `sliceDim` and `slice`: NumPy's basic slicing of one dimension. */
export function slicing(ctx: Context): void {
  const t = tester(ctx);
  for (const source of layoutSources()) {
    if (source.shape.length === 0) continue;
    t(`${source.id}: sliceDim and slice are NumPy's basic slicing`, () => {
      const [v] = sourceView(ctx, source);
      source.slices!.forEach((c, k) => {
        const [start, stop, step] = c.k;
        const what = `sliceDim(${c.d}, ${start}, ${stop}, ${step})`;
        // CPython's slicing (the reference for one dimension) and NumPy's differ only in free strides.
        assertResult(
          attempt(() => v.sliceDim(c.d, start, stop, step), what),
          c.r,
          what,
          true,
        );
        // The same slice through slice(...specs), as an array or an object, bounds as bigints.
        const big = (b: number | null): bigint | null => (b === null ? null : BigInt(b));
        const spec = k % 2 === 0 ? ([start, stop, step] as const) : { start: big(start), stop: big(stop), step: big(step) };
        const specs = [...new Array<null>(c.d).fill(null), spec];
        const sliced = `slice(${showValue(specs)})`;
        assertResult(
          attempt(() => v.slice(...specs), sliced),
          c.r,
          sliced,
          true,
        );
      });
    });
  }
  t("slice bounds beyond any length clamp, as Python's", () => {
    const source = layoutSources().find((s) => s.id === "B/c1")!;
    const [v] = sourceView(ctx, source);
    const list = decodeValue(source.list) as unknown[];
    assertSameValue(v.slice([-(2n ** 70n), 2n ** 70n]).toList(), list, "slice([-2n**70n, 2n**70n])");
    assertSameValue(v.slice([2n ** 70n, -(2n ** 70n), -1]).toList(), [...list].reverse(), "slice([2n**70n, -2n**70n, -1])");
    assertSameValue(
      v.sliceDim(0, -100, 100, 2).toList(),
      list.filter((_, i) => i % 2 === 0),
      "sliceDim(0, -100, 100, 2)",
    );
    assertSameValue(v.slice(null).toList(), list, "slice(null)");
    assertSameValue(v.slice().toList(), list, "slice()");
  });
  t("slice refuses a zero step, non-integer bounds, and more slices than dimensions", () => {
    const [v] = sourceView(ctx, layoutSources().find((s) => s.id === "B/c3")!);
    assertThrows(
      () => v.sliceDim(1, null, null, 0),
      { name: "ValueError", message: "slice step cannot be zero" },
      "sliceDim(1, null, null, 0)",
    );
    assertThrows(
      () => v.slice([null, null, 0]),
      { name: "ValueError", message: "slice step cannot be zero" },
      "slice([null, null, 0])",
    );
    assertThrows(() => v.slice([1.5]), { name: "TypeError" }, "slice([1.5])");
    assertThrows(
      () => v.slice(null, null, null, null),
      { name: "IndexError", message: "too many indices for array: array is 3-dimensional, but 4 were indexed" },
      "slice() with 4 specs",
    );
    const [s] = sourceView(ctx, golden().sources.find((x) => x.id === "B/scalar")!);
    assertThrows(
      () => s.slice(null),
      { name: "TypeError", message: "invalid indexing of 0-dim memory" },
      "slice(null) of a 0-d view",
    );
    assertThrows(
      () => s.sliceDim(0),
      { name: "TypeError", message: "invalid indexing of 0-dim memory" },
      "sliceDim(0) of a 0-d view",
    );
  });
}

/** `cast`: memoryview.cast for C-contiguous views, NumPy's `a.view(dtype)` for the others. */
export function casts(ctx: Context): void {
  const t = tester(ctx);
  for (const source of golden().sources) {
    if (source.view === undefined || source.view.length === 0) continue;
    t(`${source.id}: cast is NumPy's view(dtype), then reshape`, () => {
      const [v] = sourceView(ctx, source);
      source.view!.forEach((c, k) => {
        const what = c.s === null ? `cast("${c.f}")` : `cast("${c.f}", [${c.s.join(", ")}])`;
        // Every other shape as bigints (a shape entry is an integer, either kind).
        const shape = c.s === null ? undefined : k % 2 === 0 ? [...c.s] : c.s.map((n) => BigInt(n));
        expectOutcome(() => (shape === undefined ? v.cast(c.f) : v.cast(c.f, shape as number[])), c, what);
      });
    });
  }
}

/** Bad shape and format arguments: NumPy's reshape refusals, CPython's cast refusals. */
export function argumentErrors(ctx: Context): void {
  const t = tester(ctx);
  const sliced = golden().sources.find((s) => s.id === "<h/sliced")!;
  for (const c of golden().shapeErrors.reshape) {
    t(`reshape to ${c.s.length} dimensions is refused as NumPy refuses it`, () => {
      const [v] = sourceView(ctx, sliced);
      assertThrows(() => v.reshape([...c.s]), { name: c.e[0], message: c.e[1] }, `reshape([${c.s.length} entries])`);
    });
  }
  for (const c of golden().shapeErrors.cast) {
    const label = Array.isArray(c.s) && c.s.length > 4 ? `${c.s.length} entries` : showValue(c.s);
    t(`cast("B", ${label}) is refused as CPython refuses it, whatever the layout`, () => {
      for (const source of [sliced, golden().sources.find((s) => s.id === "<h/c3")!]) {
        const [v] = sourceView(ctx, source);
        assertThrows(() => v.cast("B", c.s as number[]), { name: c.e[0], message: c.e[1] }, `${source.id}: cast("B", ${label})`);
      }
    });
  }
  t("cast to a format that is not a struct format, or not a string, is refused", () => {
    for (const source of [sliced, golden().sources.find((s) => s.id === "<h/c3")!]) {
      const [v] = sourceView(ctx, source);
      assertThrows(() => v.cast("Z"), { name: "ValueError" }, `${source.id}: cast("Z")`);
      assertThrows(() => v.cast(2 as unknown as string), { name: "TypeError" }, `${source.id}: cast(2)`);
    }
  });
  t("reshape refuses entries that are not integers, and a shape that is not an array", () => {
    const [v] = sourceView(ctx, sliced);
    assertThrows(() => v.reshape([1.5, 4]), { name: "TypeError" }, "reshape([1.5, 4])");
    assertThrows(() => v.reshape("12" as unknown as number[]), { name: "TypeError" }, 'reshape("12")');
    // NumPy: TypeError "'float' object cannot be interpreted as an integer", even where the product fits.
    assertThrows(() => v.reshape([1.5, 8]), { name: "TypeError" }, "reshape([1.5, 8]) of 12 items");
    // NumPy: TypeError "'str' object cannot be interpreted as an integer", even for the current shape.
    assertThrows(
      () => v.reshape(["2", "3", "2"] as unknown as number[]),
      { name: "TypeError" },
      'reshape(["2", "3", "2"]) of shape [2, 3, 2]',
    );
    assertThrows(() => v.reshape(["12"] as unknown as number[]), { name: "TypeError" }, 'reshape(["12"])');
    // NumPy: TypeError "expected a sequence of integers or a single integer" for a mapping.
    const arrayLike = { length: 2, 0: 3, 1: 4 } as unknown as number[];
    assertThrows(() => v.reshape(arrayLike), { name: "TypeError" }, "reshape({ length: 2, 0: 3, 1: 4 })");
  });
  t(`reshape to ${golden().shapeErrors.reshapeMaxNdim} dimensions, NumPy's limit, is allowed`, () => {
    const [v] = sourceView(ctx, golden().sources.find((s) => s.id === "B/scalar")!);
    const ones = new Array<number>(golden().shapeErrors.reshapeMaxNdim).fill(1);
    const r = attempt(() => v.reshape(ones), `reshape([${ones.length} ones])`);
    assertSameValue([r.ndim, r.toBytes().length], [ones.length, 1], "[ndim, toBytes().length]");
  });
  for (const c of golden().shapeErrors.castOrder) {
    const label = Array.isArray(c.s) ? `${c.s.length} entries` : showValue(c.s);
    t(`cast("${c.f}", ${label}) of a C-contiguous view is refused for the shape first, as CPython does`, () => {
      const [v] = sourceView(ctx, golden().sources.find((s) => s.id === "<h/c3")!);
      assertThrows(() => v.cast(c.f, c.s as number[]), { name: c.e[0], message: c.e[1] }, `cast("${c.f}", ${label})`);
    });
  }
  t("permute refuses a list of axes followed by more axes (NumPy: TypeError)", () => {
    const [v] = sourceView(ctx, layoutSources().find((s) => s.id === "B/transposed")!);
    const axes = [[1, 0], 0] as unknown as number[];
    assertThrows(() => v.permute(...axes), { name: "TypeError" }, "permute([1, 0], 0)");
  });
}

/** `copyFrom`: `np.copyto(dst, src)` between layouts, overlapping ones too. */
export function copies(ctx: Context): void {
  const t = tester(ctx);
  golden().copies.forEach((c, k) => {
    const what = `#${k} '${c.format}' copyFrom [${c.src.shape.join(", ")}] -> [${c.dst.shape.join(", ")}]${c.same ? " (one memory)" : ""}`;
    t(`${what} is np.copyto`, () => {
      const base = golden().bases[c.format]!;
      const [whole, x] = wholeView(ctx, c.format, base, true);
      const dst = attempt(
        () => whole.derive({ byteOffset: c.dst.offset, shape: c.dst.shape, byteStrides: c.dst.strides }),
        "the destination",
      );
      let src: unknown;
      if (c.same) {
        src = attempt(
          () => whole.derive({ byteOffset: c.src.offset, shape: c.src.shape, byteStrides: c.src.strides }),
          "the source",
        );
      } else {
        // Every other case passes the exporter itself rather than a view of it.
        const y = exporterOf(c.format, golden().others[c.format]!, c.src);
        src = k % 2 === 0 ? cls(ctx).from(y) : y;
      }
      if (c.e) {
        assertThrows(() => dst.copyFrom(src), STRUCTURE, "copyFrom");
        assertSameValue(toHex(x.memory), base, "nothing written");
        return;
      }
      attempt(() => dst.copyFrom(src), "copyFrom");
      assertSameValue(toHex(x.memory), c.memory, "the memory after the copy");
    });
  });
  for (const c of golden().formatPairs) {
    t(`copyFrom '${c.src}' into '${c.dst}' is CPython's m[:] = other (a leading '@' is the native format)`, () => {
      const dst = cls(ctx).from(TestExporter.fromItems([1, 2, 3], { format: c.dst, shape: [3], writable: true }));
      const src = cls(ctx).from(TestExporter.fromItems([4, 5, 6], { format: c.src, shape: [3] }));
      if (c.e) {
        assertThrows(() => dst.copyFrom(src), { name: c.e[0], message: c.e[1] }, "copyFrom");
        assertSameValue(dst.toList(), [1, 2, 3], "nothing written");
        return;
      }
      attempt(() => dst.copyFrom(src), "copyFrom");
      assertSameValue(dst.toList(), c.list, "the items after the copy");
    });
  }
  t("copyFrom refuses another format, and a read-only destination", () => {
    const [d] = wholeView(ctx, "B", golden().bases.B!, true);
    const [s] = wholeView(ctx, "b", golden().bases.b!, false);
    assertThrows(() => d.copyFrom(s), { name: "ValueError" }, "copyFrom a view of another format");
    assertThrows(() => d.toReadonly().copyFrom(d), READONLY, "copyFrom into a read-only view");
  });
}

/** `fill` refusals: CPython's errors for item assignment, nothing written. */
export function fillErrors(ctx: Context): void {
  const t = tester(ctx);
  golden().fillErrors.forEach((c) => {
    const value = decodeValue(c.value);
    t(`fill(${showValue(value)}) of format '${c.format}' is refused as m[0] = value is`, () => {
      const [v, x] = wholeView(ctx, c.format, golden().bases[c.format] ?? "", true);
      const shaped = v.reshape([2, -1]).sliceDim(1, null, null, 2);
      assertThrows(() => shaped.fill(value), { name: c.e[0], message: c.e[1] }, `fill(${showValue(value)})`);
      assertSameValue(toHex(x.memory), golden().bases[c.format], "nothing written");
    });
  });
}

/** `derive`: `as_strided` over the export, refused where it would reach outside. */
export function derives(ctx: Context): void {
  const t = tester(ctx);
  golden().derives.forEach((c, k) => {
    const options = {
      byteOffset: c.offset,
      shape: c.shape,
      byteStrides: c.strides,
      ...(c.view === null ? {} : { format: c.view }),
    };
    const what = `#${k} derive(${showValue(options)}) over ${golden().items} items of '${c.format}'`;
    t(what, () => {
      // Writable, so that toTypedArray may share the memory where the layout allows it.
      const [v] = wholeView(ctx, c.format, golden().bases[c.format]!, true);
      if (c.outside) {
        assertThrows(() => v.derive(options), { name: "BufferError" }, "a layout reaching outside the export");
        return;
      }
      const d = attempt(() => v.derive(options), "derive");
      assertSameValue(d.toList(), decodeValue(c.list), "toList()");
      assertSameValue([d.shape, d.strides, d.format], [c.shape, c.strides, c.view ?? c.format], "[shape, strides, format]");
      assertTypedArray(d, c.view ?? c.format, decodeValue(c.list));
    });
  });
  t("derive refuses malformed fields", () => {
    const [v] = wholeView(ctx, "<h", golden().bases["<h"]!, false);
    const d = v.derive as (options: unknown) => NdarrayViewLike;
    assertThrows(() => d.call(v, null), { name: "TypeError" }, "derive(null)");
    assertThrows(() => d.call(v, 5), { name: "TypeError" }, "derive(5)");
    assertThrows(() => d.call(v, "{}"), { name: "TypeError" }, 'derive("{}")');
    assertThrows(() => d.call(v, { format: 5 }), { name: "TypeError" }, "derive({ format: 5 })");
    assertThrows(() => d.call(v, { readonly: "yes" }), { name: "TypeError" }, 'derive({ readonly: "yes" })');
    assertThrows(() => d.call(v, { byteOffset: 1.5 }), { name: "BufferError" }, "derive({ byteOffset: 1.5 })");
    // The offset is checked for itself, even where no item would be read.
    assertThrows(
      () => d.call(v, { byteOffset: 1.5, shape: [0] }),
      { name: "BufferError" },
      "derive({ byteOffset: 1.5, shape: [0] })",
    );
    assertThrows(
      () => d.call(v, { byteOffset: "2", shape: [0] }),
      { name: "BufferError" },
      'derive({ byteOffset: "2", shape: [0] })',
    );
    assertThrows(() => d.call(v, { format: "<i" }), { name: "BufferError" }, 'derive({ format: "<i" }) reaching past the export');
    assertThrows(
      () => d.call(v, { shape: [2], suboffsets: [0] }),
      { name: "BufferError" },
      "derive({ suboffsets }) over an export without them",
    );
    assertThrows(
      () => d.call(v, { shape: [2, 2], byteStrides: [2] }),
      { name: ["ValueError", "BufferError", "TypeError"] },
      "derive() with strides of another length",
    );
    const half = attempt(() => d.call(v, { format: "<i", shape: [24] }), 'derive({ format: "<i", shape: [24] })');
    assertSameValue([half.itemsize, half.strides, half.nbytes], [4, [4], 96], "[itemsize, strides, nbytes]");
  });
  t("derive keeps unspecified fields and never makes read-only memory writable", () => {
    const [v] = wholeView(ctx, "<h", golden().bases["<h"]!, false);
    const s = v.sliceDim(0, 2, 10, 2);
    const same = attempt(() => s.derive({}), "derive({})");
    assertSameValue([same.shape, same.strides, same.toList()], [s.shape, s.strides, s.toList()], "derive({})");
    const shaped = attempt(() => s.derive({ shape: [2, 2] }), "derive({ shape: [2, 2] })");
    assertSameValue([shaped.strides, shaped.layout.byteOffset], [[4, 2], 4], "derive({ shape }): C strides from the same offset");
    const plain = attempt(
      () => (s.derive as (o: unknown) => NdarrayViewLike)({ suboffsets: null }),
      "derive({ suboffsets: null })",
    );
    assertSameValue(
      [plain.shape, plain.strides, plain.toList()],
      [s.shape, s.strides, s.toList()],
      "derive({ suboffsets: null }) of a view without them",
    );
    // DeriveOptions: byteStrides default to C-contiguous for the shape when the item size changes.
    const bytes = attempt(() => v.derive({ format: "B" }), 'derive({ format: "B" })');
    const base = fromHex(golden().bases["<h"]!);
    assertSameValue(
      [bytes.shape, bytes.strides, bytes.toList()],
      [[48], [1], Array.from(base.subarray(0, 48))],
      'derive({ format: "B" }) of 48 items of "<h"',
    );
    assertThrows(() => v.derive({ readonly: false }), { name: "BufferError" }, "derive({ readonly: false }) of a read-only view");
    const [w] = wholeView(ctx, "<h", golden().bases["<h"]!, true);
    assertSameValue(w.derive({ readonly: true }).readonly, true, "derive({ readonly: true }).readonly");
    assertThrows(
      () => w.derive({ format: "<i", shape: [24], byteStrides: [4], readonly: true }).set(0, 1),
      READONLY,
      "set() on a derived read-only view",
    );
  });
}

/** `get` refusals: CPython's memoryview errors for `m[i, j, …]`. */
export function getErrors(ctx: Context): void {
  const t = tester(ctx);
  golden().getErrors.forEach((c) => {
    const what = `get(${c.key.map((k) => showValue(k)).join(", ")}) of shape [${c.shape.join(", ")}]`;
    t(`${what} is refused as m[key] is`, () => {
      const count = c.shape.reduce((a, b) => a * b, 1);
      const items = Array.from({ length: count }, (_, i) => i);
      const x = TestExporter.fromItems(items, { shape: c.shape });
      const v = cls(ctx).from(x);
      assertThrows(() => v.get(...(c.key as number[])), { name: c.e[0], message: c.e[1] }, what);
    });
  });
  t("get with fewer indices than dimensions is refused (an item needs one per dimension)", () => {
    const v = cls(ctx).from(TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] }));
    // CPython: NotImplementedError "sub-views are not implemented"; index() makes the sub-view here.
    assertThrows(() => v.get(0), { name: ["TypeError", "NotImplementedError"] }, "get(0) of a 2-D view");
    assertSameValue([v.get(1n, -1n), v.get(-2, 0)], [6, 1], "[get(1n, -1n), get(-2, 0)]");
  });
}

/** PIL-style sources (suboffsets): the same items, and refusals where NumPy has no strided form. */
export function pil(ctx: Context): void {
  const t = tester(ctx);
  for (const source of layoutSources()) {
    if (source.shape.length === 0 || source.shape.includes(0) || source.fill === undefined) continue;
    t(`${source.id} through pointers: items, index, slices and tobytes are the strided ones'`, () => {
      const [v, x] = sourceView(ctx, source, { pil: true });
      assertSameValue(v.toList(), decodeValue(source.list), "toList()");
      assertSameValue(toHex(v.toBytes("F")), source.bytes.F, 'toBytes("F")');
      for (const c of source.index!) {
        if (c.e) continue;
        assertSameValue(
          attempt(() => v.index(c.d, c.i), `index(${c.d}, ${c.i})`).toList(),
          decodeValue(c.r![2]),
          `index(${c.d}, ${c.i})`,
        );
      }
      source.slices!.forEach((c, k) => {
        const what = `sliceDim(${c.d}, ${c.k.join(", ")})`;
        assertSameValue(attempt(() => v.sliceDim(c.d, ...c.k), what).toList(), decodeValue(c.r[2]), what);
        if (k % 3 !== 0) return; // slice(...specs) takes the same path: a third of the records suffice
        const specs = [...new Array<null>(c.d).fill(null), c.k];
        const sliced = `slice(${showValue(specs)})`;
        assertSameValue(attempt(() => v.slice(...specs), sliced).toList(), decodeValue(c.r[2]), sliced);
      });
      // Slicing makes new views: the source's items are as they were.
      assertSameValue(v.toList(), decodeValue(source.list), "toList() after the slices");
      // No strides describe a reshape or permutation of a pointer dimension: a refusal or NumPy's items.
      for (const r of source.reshape!) {
        if (r.e) continue;
        checkOrRefuse(() => v.reshape([...r.s], r.o).toList(), decodeValue(r.r![2]), `reshape([${r.s.join(", ")}], "${r.o}")`);
      }
      for (const p of source.permute!) {
        if (p.e) continue;
        checkOrRefuse(() => v.permute(...p.a).toList(), decodeValue(p.r![2]), `permute(${p.a.join(", ")})`);
      }
      assertPilDerive(v, x, source);
      // CPython refuses to cast a view that follows pointers, with this message.
      assertThrows(
        () => v.cast("B"),
        { name: "TypeError", message: "memoryview: casts are restricted to C-contiguous views" },
        'cast("B")',
      );
    });
    t(`${source.id} through pointers: copyFrom and fill`, () => {
      const [v, x] = sourceView(ctx, source, { writable: true, pil: true });
      const [plain] = sourceView(ctx, source, { writable: true });
      const flat = (decodeValue(source.flat) as unknown[]).reverse();
      const reversed = cls(ctx).from(TestExporter.fromItems(flat, { format: source.format, shape: source.shape }));
      attempt(() => v.copyFrom(reversed), "copyFrom a C-contiguous source");
      assertSameValue(v.toList(), nest(flat, source.shape), "toList() after copyFrom");
      attempt(() => plain.copyFrom(v), "a strided view copyFrom the pointer view");
      assertSameValue(plain.toList(), nest(flat, source.shape), "the strided view after copyFrom");
      const value = decodeValue(golden().fillValues[source.format]);
      attempt(() => v.fill(value), "fill");
      assertSameValue(
        v.toList(),
        nest(
          flat.map(() => value),
          source.shape,
        ),
        "toList() after fill",
      );
      assertTrue(x.exports === 1, "one export");
    });
    if (source.shape.length >= 2 && source.shape[0]! >= 2 && source.strides[0]! > 0) {
      t(`${source.id} through pointers: copyFrom a plain view of the same items, reversed, reads the source first`, () => {
        const [v, x] = sourceView(ctx, source, { writable: true, pil: true });
        // The pointed-to memory seen without the pointers: the same items, one strided view.
        const first = readPointer(x.memory, x.base.offset) + x.base.suboffsets![0]!;
        const plain = attempt(
          () =>
            v.derive({
              byteOffset: first,
              shape: source.shape,
              byteStrides: source.strides.map((s, d) => (d === 0 ? s : v.strides[d]!)),
            }),
          "a plain view of the items",
        );
        const list = decodeValue(source.list) as unknown[];
        assertSameValue(plain.toList(), list, "the plain view's items");
        attempt(() => v.copyFrom(plain.sliceDim(0, null, null, -1)), "copyFrom(the plain view reversed)");
        assertSameValue(v.toList(), [...list].reverse(), "np.copyto(a, a[::-1]): the rows reversed");
      });
    }
  }
}

/** `derive` over a PIL export: no fields keep the pointers; a new shape or strides read the memory as it lies. */
function assertPilDerive(v: NdarrayViewLike, x: TestExporter, source: GoldenNdSource): void {
  const derive = v.derive as (options: unknown) => NdarrayViewLike;
  assertSameValue(
    attempt(() => derive.call(v, {}), "derive({})").toList(),
    decodeValue(source.list),
    "derive({}) keeps the pointers",
  );
  const head = attempt(
    () => derive.call(v, { byteOffset: 0, format: "B", shape: [8] }),
    'derive({ byteOffset: 0, format: "B", shape: [8] })',
  );
  assertSameValue(head.toList(), Array.from(x.memory.subarray(0, 8)), "a new shape: the first pointer's bytes, without pointers");
  const strides = v.strides.map(() => 1);
  const raw = attempt(() => derive.call(v, { byteStrides: strides }), `derive({ byteStrides: [${strides.join(", ")}] })`);
  const expected = modelToList({
    memory: x.memory,
    byteOffset: v.layout.byteOffset,
    shape: v.shape,
    byteStrides: strides,
    suboffsets: null,
    layout: modelLayout(v.format),
  });
  assertSameValue(raw.toList(), expected, "new strides: the memory as it lies, without pointers");
  const same = attempt(
    () => derive.call(v, { suboffsets: x.base.suboffsets }),
    "derive({ suboffsets }) over an export that has them",
  );
  assertSameValue(same.toList(), decodeValue(source.list), "derive({ suboffsets: the view's own })");
}

function checkOrRefuse(op: () => unknown, expected: unknown, what: string): void {
  let result: unknown;
  try {
    result = op();
  } catch (error) {
    if (errorMatches(error, { name: "NotImplementedError" })) return;
    throw new ConformanceError(`${what}: expected NumPy's items or NotImplementedError, got ${showValue(error)}`);
  }
  assertSameValue(result, expected, what);
}

/** `exports`, `release` and the released state (CPython's rules and wording). */
export function lifetime(ctx: Context): void {
  const t = tester(ctx);
  const getBuffer = ctx.impl.getBuffer as ((obj: unknown, flags?: number) => unknown) | undefined;
  const releaseBuffer = ctx.impl.releaseBuffer as ((info: unknown) => void) | undefined;
  if (getBuffer !== undefined && releaseBuffer !== undefined) {
    t("a view with live exports refuses release, with CPython's message", () => {
      const v = cls(ctx)
        .from(TestExporter.fromItems([1, 2, 3, 4], { shape: [2, 2] }))
        .transpose();
      const a = getBuffer(v);
      assertSameValue(v.exports, 1, "exports after one getBuffer");
      assertThrows(() => v.release(), { name: "BufferError", message: "memoryview has 1 exported buffer" }, "release()");
      const b = getBuffer(v);
      assertThrows(() => v.release(), { name: "BufferError", message: "memoryview has 2 exported buffers" }, "release()");
      releaseBuffer(a);
      releaseBuffer(b);
      assertSameValue(v.exports, 0, "exports after releasing both");
      v.release();
      assertSameValue(v.released, true, "released");
    });
  }
  t("every derivation of a released view throws ValueError", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], writable: true });
    const v = cls(ctx).from(x);
    const other = cls(ctx).from(TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] }));
    v.release();
    v.release(); // twice does nothing
    const ops: [string, () => unknown][] = [
      ["get(0, 0)", () => v.get(0, 0)],
      ["set(0, 0, 1)", () => v.set(0, 0, 1)],
      ["slice(null)", () => v.slice(null)],
      ["sliceDim(0)", () => v.sliceDim(0)],
      ["index(0, 0)", () => v.index(0, 0)],
      ["transpose()", () => v.transpose()],
      ["permute(1, 0)", () => v.permute(1, 0)],
      ["reshape([6])", () => v.reshape([6])],
      ["cast('B')", () => v.cast("B")],
      ["toReadonly()", () => v.toReadonly()],
      ["derive({})", () => v.derive({})],
      ["toBytes()", () => v.toBytes()],
      ["toList()", () => v.toList()],
      ["toTypedArray()", () => v.toTypedArray()],
      ["copyFrom(other)", () => v.copyFrom(other)],
      ["fill(0)", () => v.fill(0)],
      ["other.copyFrom(v)", () => other.toReadonly().derive({}).copyFrom(v)],
      ["shape", () => v.shape],
      ["[...v]", () => [...v]],
      ["MemoryView.from(v)", () => cls(ctx).from(v)],
    ];
    for (const [what, op] of ops) {
      if (what === "other.copyFrom(v)") continue; // the read-only destination is refused first
      assertThrows(op, RELEASED, what);
    }
    assertSameValue([v.equals(v), v.equals(other), other.equals(v)], [true, false, false], "a released view equals only itself");
    assertTrue(x.exports === 0, "the export is given back");
  });
}

/** `equals` across layouts: NumPy's `array_equal`. */
export function equality(ctx: Context): void {
  const t = tester(ctx);
  for (const source of layoutSources()) {
    if (source.format !== "B") continue; // the comparison rules are memoryview's, tested elsewhere
    t(`${source.id}: equals its C-order copy, not one of another shape`, () => {
      const [v] = sourceView(ctx, source);
      const flat = decodeValue(source.flat) as unknown[];
      const copy = TestExporter.fromItems(flat, { format: source.format, shape: source.shape });
      const hasNaN = flat.some((x) => typeof x === "number" && Number.isNaN(x));
      assertSameValue(v.equals(copy), !hasNaN, "equals(C-order copy)");
      assertSameValue(cls(ctx).from(copy).equals(v), !hasNaN, "the copy equals the view");
      if (flat.length > 1)
        assertSameValue(
          v.equals(TestExporter.fromItems(flat, { format: source.format, shape: [flat.length] })),
          source.shape.length === 1,
          "equals(a copy of another shape)",
        );
      assertSameValue(v.equals({}), false, "equals({})");
    });
  }
}

/** `a[5:11].fill(v)` inside a larger export: the six items change, nothing after them. */
export function partialFills(ctx: Context): void {
  const t = tester(ctx);
  t("fill of a contiguous part of a larger export writes that part only, in every format", () => {
    for (const format of Object.keys(golden().fillValues)) {
      const [whole, x] = wholeView(ctx, format, golden().bases[format]!, true);
      const value = decodeValue(golden().fillValues[format]);
      attempt(() => whole.sliceDim(0, 5, 11).fill(value), `'${format}': sliceDim(0, 5, 11).fill(${showValue(value)})`);
      const expected = fromHex(golden().bases[format]!);
      const item = fromHex(golden().fillItems[format]!);
      for (let i = 5; i < 11; i++) expected.set(item, i * item.length);
      assertSameValue(toHex(x.memory), toHex(expected), `'${format}': the memory after filling items 5 to 10`);
    }
  });
}

/** `set` and `get` with every index form on N-dimensional writable views (memoryview's item rules). */
export function itemIndices(ctx: Context): void {
  const t = tester(ctx);
  for (const id of ["<h/c3", "<h/negative", "B/transposed"]) {
    const source = golden().sources.find((s) => s.id === id)!;
    t(`${id}: set with bigint and negative indices writes the item; out of range writes nothing`, () => {
      const [v, x] = sourceView(ctx, source, { writable: true });
      const last = source.shape.map((n) => n - 1);
      attempt(() => v.set(...last.map((i) => BigInt(i)), 7), `set(${last.map((i) => `${i}n`).join(", ")}, 7)`);
      assertSameValue(v.get(...last), 7, `get(${last.join(", ")}) after the bigint set`);
      attempt(() => v.set(...source.shape.map(() => -1), 9), "set(-1, …, 9)");
      assertSameValue(v.get(...last), 9, "the last item after set(-1, …, 9)");
      const before = toHex(x.memory);
      const outside = source.shape.map((n, d) => (d === 0 ? n : 0));
      assertThrows(
        () => v.set(...outside, 1),
        { name: "IndexError", message: "index out of bounds on dimension 1" },
        `set(${outside.join(", ")}, 1)`,
      );
      const low = source.shape.map((n, d) => (d === source.shape.length - 1 ? -n - 1 : 0));
      assertThrows(
        () => v.set(...low, 1),
        { name: "IndexError", message: `index out of bounds on dimension ${source.shape.length}` },
        `set(${low.join(", ")}, 1)`,
      );
      assertThrows(() => v.set(...source.shape.map(() => "0"), 1), { name: "TypeError" }, 'set("0", …, 1)');
      assertSameValue(toHex(x.memory), before, "nothing written by the refused sets");
    });
  }
}

/** `slice` with no specs, malformed specs, and an export that names no format. */
export function sliceSpecs(ctx: Context): void {
  const t = tester(ctx);
  t("slice() with no specs is the whole view, a 0-d view too (NumPy's a[...])", () => {
    const scalar = golden().sources.find((s) => s.id === "<h/scalar")!;
    const [v] = sourceView(ctx, scalar);
    const whole = attempt(() => v.slice(), "slice() of a 0-d view");
    assertSameValue([whole.shape, whole.toList()], [[], decodeValue(scalar.list)], "[shape, toList()]");
  });
  t("slice refuses a spec of more than three entries, or one that is not an array, object or null", () => {
    const [v] = sourceView(ctx, layoutSources().find((s) => s.id === "B/c3")!);
    const slice = v.slice as (...specs: unknown[]) => NdarrayViewLike;
    // Python: slice() takes at most 3 arguments (TypeError).
    assertThrows(() => slice.call(v, [0, 2, 1, 5]), { name: "TypeError" }, "slice([0, 2, 1, 5])");
    assertThrows(() => slice.call(v, 1), { name: "TypeError" }, "slice(1)");
    assertThrows(() => slice.call(v, null, "1:2"), { name: "TypeError" }, 'slice(null, "1:2")');
  });
  t("an export that names no format is read as 'B' (memoryview's rule)", () => {
    const x = new RawExporter({
      buf: Uint8Array.of(5, 6, 7).buffer,
      offset: 0,
      len: 3,
      readonly: true,
      itemsize: 1,
      format: null,
      ndim: 1,
      shape: [3],
      strides: [1],
      suboffsets: null,
    });
    const v = attempt(() => cls(ctx).from(x), "MemoryView.from(an export with format null)");
    assertSameValue([v.format, v.toList()], ["B", [5, 6, 7]], "[format, toList()]");
  });
}

/** One hand-made export with pointers on inner dimensions (SPEC §1.2's addressing). */
interface PointerLayout {
  readonly name: string;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly suboffsets: readonly number[];
  /** The pointer slots: [slot byte, target byte]. */
  readonly pointers: readonly (readonly [number, number])[];
  readonly size: number;
}

/**
 * Layouts whose pointers are not (only) on the first dimension, which
 * `_testbuffer` cannot make: the items are those `PyBuffer_GetPointer`
 * reaches (the suite's model), and every derivation keeps them.
 */
function pointerLayouts(): PointerLayout[] {
  // [2, 2, 3] "B": a 2x2 table of pointers to rows of 3 (rows stored in reverse order).
  const rows = [0, 1, 2, 3].map((r) => [r * 8, 32 + 3 * (3 - r)] as const);
  // [2, 2, 2] "B": a pointer per item, on the last dimension (items in reverse order).
  const items = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => [k * 8, 64 + (7 - k)] as const);
  return [
    {
      name: "pointers on dimension 1 of 3",
      shape: [2, 2, 3],
      strides: [16, 8, 1],
      suboffsets: [-1, 0, -1],
      pointers: rows,
      size: 44,
    },
    {
      name: "pointers on the last of 3 dimensions",
      shape: [2, 2, 2],
      strides: [32, 16, 8],
      suboffsets: [-1, -1, 0],
      pointers: items,
      size: 72,
    },
    { name: "suboffsets that are all negative", shape: [2, 3], strides: [3, 1], suboffsets: [-1, -1], pointers: [], size: 6 },
  ];
}

function pointerExporter(p: PointerLayout): RawExporter {
  const memory = new Uint8Array(p.size);
  for (let i = 0; i < p.size; i++) memory[i] = (i * 37 + 11) & 0xff;
  const dv = new DataView(memory.buffer);
  for (const [slot, target] of p.pointers) dv.setBigUint64(slot, BigInt(target), true);
  const len = p.shape.reduce((a, b) => a * b, 1);
  return new RawExporter({
    buf: memory.buffer,
    offset: 0,
    len,
    readonly: false,
    itemsize: 1,
    format: "B",
    ndim: p.shape.length,
    shape: [...p.shape],
    strides: [...p.strides],
    suboffsets: [...p.suboffsets],
  });
}

/** `list` with dimension `dim` fixed at `i` (NumPy's a[..., i, ...]). */
function pick(list: unknown, dim: number, i: number): unknown {
  return dim === 0 ? (list as unknown[])[i] : (list as unknown[]).map((row) => pick(row, dim - 1, i));
}

/** `list` with dimension `dim` reversed (a[..., ::-1, ...]). */
function reverseDim(list: unknown, dim: number): unknown {
  return dim === 0 ? [...(list as unknown[])].reverse() : (list as unknown[]).map((row) => reverseDim(row, dim - 1));
}

/** Exports with pointers on inner dimensions: items, index, get and slices follow them. */
export function innerPointers(ctx: Context): void {
  if (!ctx.supports.suboffsets) return;
  const t = tester(ctx);
  for (const p of pointerLayouts()) {
    t(`${p.name}: items, index, get and sliceDim follow the pointers (or refuse)`, () => {
      const x = pointerExporter(p);
      const v = attempt(() => cls(ctx).from(x), "MemoryView.from");
      const list = modelToList({
        memory: new Uint8Array(x.info.buf as ArrayBuffer),
        byteOffset: 0,
        shape: p.shape,
        byteStrides: p.strides,
        suboffsets: p.suboffsets,
        layout: modelLayout("B"),
      });
      assertSameValue(v.toList(), list, "toList()");
      for (const index of indices(p.shape)) assertSameValue(v.get(...index), entry(list, index), `get(${index.join(", ")})`);
      p.shape.forEach((n, dim) => {
        for (let i = 0; i < n; i++) checkOrRefuse(() => v.index(dim, i).toList(), pick(list, dim, i), `index(${dim}, ${i})`);
        checkOrRefuse(() => v.sliceDim(dim, null, null, -1).toList(), reverseDim(list, dim), `sliceDim(${dim}, null, null, -1)`);
      });
      assertSameValue(v.toList(), list, "toList() after the derivations");
      if (p.pointers.length > 0) {
        // A pointer rewritten after the export to lead outside buf: refused, never read (SPEC §1.2).
        new DataView(x.info.buf as ArrayBuffer).setBigUint64(p.pointers[0]![0], BigInt(p.size + 100), true);
        const first = p.shape.map(() => 0);
        assertThrows(() => v.get(...first), { name: "BufferError" }, `get(${first.join(", ")}) through a pointer outside buf`);
      }
    });
  }
}
