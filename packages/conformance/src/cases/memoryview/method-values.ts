/**
 * What memoryview's methods answer where CPython fixes it: iteration,
 * equality with other exporters, `hash`, `count` and `index`, `toString`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };

/** Iteration, equality with other exporters, hash, count and index. */
export function values(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  t("iteration of a 1-D view yields its items", () => {
    assertSameValue([...ctx.memoryview(TestExporter.fromItems([1.5, -2], { format: "d" }))], [1.5, -2], "[...m]");
  });
  if (ctx.supports.multiDimensionalSlicing) {
    t("iteration of a 2-D view yields sub-views (NumPy)", () => {
      const rows = [...ctx.memoryview(TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] }))] as MemoryViewLike[];
      assertSameValue(
        rows.map((r) => r.tolist()),
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        "rows",
      );
    });
  }
  t("equals() compares values across formats, and NaN never equals", () => {
    const a = ctx.memoryview(TestExporter.fromItems([1, 2, 3], { format: "b" }));
    const b = ctx.memoryview(TestExporter.fromItems([1, 2, 3], { format: "<q" }));
    const c = ctx.memoryview(TestExporter.fromItems([1, NaN], { format: "d" }));
    if (ctx.supports.structFormats) assertSameValue(a.equals(b), true, "b [1,2,3] equals <q [1,2,3]");
    assertSameValue(c.equals(c), false, "a view with NaN does not equal itself");
    assertSameValue(a.equals(5), false, "equals(5)");
    assertSameValue(a.equals(TestExporter.fromItems([1, 2, 3], { format: "b" })), true, "equals(an exporter of the same values)");
  });
  t("equals() of released views: only identical views", () => {
    const a = ctx.memoryview(TestExporter.fromItems([1]));
    const b = ctx.memoryview(TestExporter.fromItems([1]));
    a.release();
    assertSameValue(a.equals(a), true, "a released view equals itself");
    assertSameValue(a.equals(b), false, "a released view equals no other");
  });
  if (ctx.supports.hash) {
    t("hash() follows bytes, and refuses writable and non-byte views", () => {
      const data = [104, 105, 33];
      const m = ctx.memoryview(TestExporter.fromItems(data));
      const strided = ctx.memoryview(TestExporter.fromItems([104, 0, 105, 0, 33, 0], { shape: [3], strides: [2] }));
      assertSameValue(m.hash(), strided.hash(), "equal views hash equal");
      if (ctx.has("bytes")) {
        const b = construct(ctx.impl.bytes, Uint8Array.from(data)) as { hash?: () => unknown };
        if (typeof b.hash === "function") assertSameValue(m.hash(), b.hash(), "hash() equals bytes(...).hash()");
      }
      assertThrows(
        () => ctx.memoryview(TestExporter.fromItems(data, { writable: true })).hash(),
        { name: "ValueError", message: "cannot hash writable memoryview object" },
        "hash() of a writable view",
      );
      assertThrows(
        () => ctx.memoryview(TestExporter.fromItems([1], { format: "h" })).hash(),
        { name: "ValueError", message: "memoryview: hashing is restricted to formats 'B', 'b' or 'c'" },
        "hash() of an 'h' view",
      );
      const before = m.hash();
      m.release();
      // SPEC.md §8, 2: every use of a released view throws; CPython returns the hash it cached.
      if (ctx.supports.deliberateDifferences) assertThrows(() => m.hash(), RELEASED, "hash() of a released view");
      else
        assertSameValue(
          attempt(() => m.hash(), "hash() of a released view"),
          before,
          "hash() of a released view is the one cached (CPython)",
        );
    });
  }
  if (ctx.supports.countIndex) {
    t("count() and index(value, start, stop)", () => {
      const m = ctx.memoryview(TestExporter.fromItems([5, 1, 5, 2, 5], { format: "i" }));
      assertSameValue(m.count(5), 3, "count(5)");
      assertSameValue(m.count(9), 0, "count(9)");
      assertSameValue(m.index(5), 0, "index(5)");
      assertSameValue(m.index(5, 1), 2, "index(5, 1)");
      assertSameValue(m.index(5, -2), 4, "index(5, -2)");
      assertThrows(() => m.index(5, 1, 2), { name: "ValueError", message: "memoryview.index(x): x not found" }, "index(5, 1, 2)");
    });
  }
}
