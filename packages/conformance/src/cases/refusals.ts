/**
 * The refusal twins: for each feature a module's manifest declares
 * unsupported, a check that it refuses that feature cleanly (a
 * NotImplementedError or BufferError, the view still usable or never made,
 * every export given back) rather than returning wrong data. The group
 * registry runs a twin in place of the feature's cases (abstract-level's
 * `supports.snapshots ? snapshot tests : no-snapshot tests`).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt, ConformanceError, errorMatches, outcome } from "../assert/index.js";
import type { Context } from "../common.js";
import type { MemoryViewLike } from "../implementation.js";
import { TestExporter } from "../test-exporter/index.js";

const REFUSED = ["NotImplementedError", "BufferError"] as const;

/**
 * `memoryview(exporter)` is either refused with NotImplementedError or
 * BufferError, or gives a view whose items cannot be read; either way every
 * export is given back.
 */
function checkViewRefused(ctx: Context, exporter: TestExporter, what: string): void {
  let m: MemoryViewLike;
  try {
    m = ctx.memoryview(exporter);
  } catch (error) {
    if (!errorMatches(error, { name: [...REFUSED] })) {
      throw new ConformanceError(
        `${what}: memoryview() threw ${(error as Error)?.name}: ${(error as Error)?.message}; expected NotImplementedError or BufferError`,
      );
    }
    assertSameValue(exporter.exports, 0, `${what}: exports after the refusal`);
    return;
  }
  assertThrows(() => m.tolist(), { name: [...REFUSED] }, `${what}: tolist() of an undeclared structure`);
  attempt(() => m.release(), `${what}: release()`);
  assertSameValue(exporter.exports, 0, `${what}: exports after release()`);
}

/** A method of a plain one-dimensional byte view is refused, and the view keeps working. */
function checkMethodRefused(ctx: Context, call: (m: MemoryViewLike) => unknown, label: string): void {
  const exporter = TestExporter.fromItems([1, 2, 3, 4]);
  const m = attempt(() => ctx.memoryview(exporter), `${label}: memoryview()`);
  assertThrows(() => call(m), { name: [...REFUSED] }, label);
  assertSameValue(
    attempt(() => m.tolist(), `${label}: tolist() afterwards`),
    [1, 2, 3, 4],
    `${label}: the view still reads`,
  );
  attempt(() => m.release(), `${label}: release()`);
  assertSameValue(exporter.exports, 0, `${label}: exports after release()`);
}

/** `supports.cast: false`: every cast is refused. */
export function castRefused(ctx: Context): void {
  ctx.test("refusal: cast('b'), cast('B', [2, 2]) and cast('h') are refused", () => {
    checkMethodRefused(ctx, (m) => m.cast("b"), "cast('b')");
    checkMethodRefused(ctx, (m) => m.cast("B", [2, 2]), "cast('B', [2, 2])");
    checkMethodRefused(ctx, (m) => m.cast("h"), "cast('h')");
  });
}

/** `supports.hash: false`: `hash()` of a read-only byte view is refused. */
export function hashRefused(ctx: Context): void {
  ctx.test("refusal: hash() is refused", () => {
    checkMethodRefused(ctx, (m) => m.toreadonly().hash(), "toreadonly().hash()");
  });
}

/** `supports.countIndex: false`: `count` and `index` are refused. */
export function countIndexRefused(ctx: Context): void {
  ctx.test("refusal: count() and index() are refused", () => {
    checkMethodRefused(ctx, (m) => m.count(1), "count(1)");
    checkMethodRefused(ctx, (m) => m.index(1), "index(1)");
  });
}

/** `supports.suboffsets: false`: a PIL-style exporter is refused. */
export function suboffsetsRefused(ctx: Context): void {
  ctx.test("refusal: a PIL-style exporter (suboffsets) is refused", () => {
    const exporter = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], pil: true });
    checkViewRefused(ctx, exporter, "memoryview(PIL exporter)");
  });
}

/** `supports.maxNdim` below 64: a view of one dimension more is refused. */
export function ndimRefused(ctx: Context): void {
  const ndim = ctx.supports.maxNdim + 1;
  ctx.test(`refusal: a ${ndim}-dimensional exporter is refused (maxNdim ${ctx.supports.maxNdim})`, () => {
    const exporter = TestExporter.fromItems([1, 2], { shape: [2, ...new Array<number>(ndim - 1).fill(1)] });
    checkViewRefused(ctx, exporter, `memoryview(${ndim}-dimensional exporter)`);
  });
}

/** `supports.structFormats: false`: views of byte-order prefixed, counted and multi-field formats are refused. */
export function structFormatsRefused(ctx: Context): void {
  for (const format of ["<h", ">i", "2B", "bi"]) {
    ctx.test(`refusal: a view of format '${format}' is refused`, () => {
      checkViewRefused(ctx, new TestExporter(new Uint8Array(32), { format, shape: [2] }), `memoryview('${format}')`);
    });
  }
}

/** `supports.multiDimensionalSlicing: false`: indexing a view of more than one dimension is refused. */
export function multiDimensionalRefused(ctx: Context): void {
  ctx.test("refusal: sub-views and multi-dimensional slices of a two-dimensional view are refused", () => {
    const exporter = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] });
    let m: MemoryViewLike;
    try {
      m = ctx.memoryview(exporter);
    } catch (error) {
      // a module of one dimension refuses the view itself
      if (!errorMatches(error, { name: [...REFUSED] })) throw error;
      assertSameValue(exporter.exports, 0, "exports after the refusal");
      return;
    }
    // A full index names one item, as in CPython (which reads it): refused or that item.
    const item = outcome(() => m.get([0, 1]));
    if ("error" in item) assertThrows(() => m.get([0, 1]), { name: [...REFUSED] }, "get([0, 1])");
    else assertSameValue(item.value, 2, "get([0, 1])");
    assertThrows(() => m.get(0), { name: [...REFUSED] }, "get(0), a sub-view");
    assertThrows(
      () => m.get([ctx.slice(0, 1, null), ctx.slice(0, 2, null)]),
      { name: [...REFUSED] },
      "get([slice(0, 1), slice(0, 2)])",
    );
    // Slicing the first dimension alone is CPython's too (a view of the rows): refused or that view.
    const rows = outcome(() => m.get(ctx.slice(0, 1, null)));
    if ("error" in rows) assertThrows(() => m.get(ctx.slice(0, 1, null)), { name: [...REFUSED] }, "get(slice(0, 1))");
    else {
      assertSameValue((rows.value as MemoryViewLike).tolist(), [[1, 2, 3]], "get(slice(0, 1)).tolist()");
      (rows.value as MemoryViewLike).release();
    }
    attempt(() => m.release(), "release()");
    assertSameValue(exporter.exports, 0, "exports after release()");
  });
}
