/**
 * memoryview's members one by one, where CPython fixes the behaviour: the
 * constructor with and without `new`, 0-dim views, bad keys, iteration,
 * `hash`, `equals` with other exporters, `count`/`index`, `toString`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };

/** The constructor and its type. */
export function construction(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const mv = ctx.impl.memoryview as new (obj: unknown) => MemoryViewLike;
  t("memoryview(x) and new memoryview(x) both make views", () => {
    const a = attempt(() => ctx.memoryview(TestExporter.fromItems([1, 2])), "memoryview(x)");
    const b = attempt(() => new mv(TestExporter.fromItems([1, 2])), "new memoryview(x)");
    assertTrue(a instanceof mv, "memoryview(x) instanceof memoryview");
    assertTrue(b instanceof mv, "new memoryview(x) instanceof memoryview");
    assertSameValue(b.tolist(), [1, 2], "tolist()");
  });
  for (const [label, value] of [
    ["a number", 5],
    ["a string", "abc"],
    ["a plain object", {}],
    ["null", null],
    ["undefined", undefined],
  ] as const) {
    t(`memoryview(${label}) throws TypeError`, () => {
      assertThrows(() => ctx.memoryview(value), { name: "TypeError" }, `memoryview(${label})`);
    });
  }
  t("toString() is the repr, and says when the view is released", () => {
    const m = ctx.memoryview(TestExporter.fromItems([1]));
    assertTrue(/^<memory at .+>$/.test(String(m.toString())), `toString() '${m.toString()}' is <memory at …>`);
    m.release();
    assertTrue(/^<released memory at .+>$/.test(String(m.toString())), `toString() '${m.toString()}' is <released memory at …>`);
  });
  t("every member of a released view throws ValueError", () => {
    const m = ctx.memoryview(TestExporter.fromItems([1, 2, 3, 4], { writable: true }));
    m.release();
    const calls: [string, () => unknown][] = [
      ["tolist()", () => m.tolist()],
      ["tobytes()", () => m.tobytes()],
      ["hex()", () => m.hex()],
      ["get(0)", () => m.get(0)],
      ["set(0, 1)", () => m.set(0, 1)],
      ["toreadonly()", () => m.toreadonly()],
      ["length", () => m.length],
      ["nbytes", () => m.nbytes],
      ["shape", () => m.shape],
      ["format", () => m.format],
      ["[...m]", () => [...m]],
    ];
    if (ctx.supports.cast) calls.push(["cast('B')", () => m.cast("B")]);
    for (const [name, call] of calls) assertThrows(call, RELEASED, `${name} of a released view`);
  });
}

/** Scalars (0-dim views). */
export function scalars(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const scalar = (writable = false) => TestExporter.fromItems([-7], { format: "h", shape: [], writable });
  t("0-dim: get([]) is the item, get(Ellipsis) the view", () => {
    const m = ctx.memoryview(scalar());
    assertSameValue(m.get([]), -7, "get([])");
    const e = m.get(ctx.Ellipsis) as MemoryViewLike;
    assertSameValue(e.tolist(), -7, "get(Ellipsis).tolist()");
    assertSameValue(m.tolist(), -7, "tolist()");
    assertSameValue([...m.shape], [], "shape");
  });
  t("0-dim: length, get(0) and iteration throw TypeError", () => {
    const m = ctx.memoryview(scalar());
    assertThrows(() => m.length, { name: "TypeError", message: "0-dim memory has no length" }, "length");
    assertThrows(() => m.get(0), { name: "TypeError", message: "invalid indexing of 0-dim memory" }, "get(0)");
    assertThrows(() => [...m], { name: "TypeError", message: "invalid indexing of 0-dim memory" }, "[...m]");
  });
  t("0-dim: set([]) and set(Ellipsis) write the item", () => {
    const x = scalar(true);
    const m = ctx.memoryview(x);
    m.set([], 300);
    assertSameValue(m.tolist(), 300, "after set([], 300)");
    m.set(ctx.Ellipsis, -1);
    assertSameValue(m.get([]), -1, "after set(Ellipsis, -1)");
    assertThrows(() => m.set(0, 1), { name: "TypeError", message: "invalid indexing of 0-dim memory" }, "set(0, 1)");
  });
}

/** Keys the view must refuse. */
export function badKeys(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const view = () => ctx.memoryview(TestExporter.fromItems([1, 2, 3, 4], { writable: true }));
  for (const [label, key] of [
    ["a string", "1"],
    ["a fractional number", 1.5],
    ["a plain object", {}],
    ["null", null],
  ] as const) {
    t(`get(${label}) throws TypeError`, () => {
      assertThrows(() => view().get(key), { name: "TypeError" }, `get(${label})`);
    });
  }
  t("a zero slice step throws ValueError", () => {
    assertThrows(
      () => view().get(ctx.slice(null, null, 0)),
      { name: "ValueError", message: "slice step cannot be zero" },
      "get(::0)",
    );
  });
  t("slice(stop) works as Python's", () => {
    const s = construct(ctx.impl.slice, 2) as object;
    assertSameValue((view().get(s) as MemoryViewLike).tolist(), [1, 2], "get(slice(2))");
  });
  t("bigint indices", () => {
    assertSameValue(view().get(-1n), 4, "get(-1n)");
    assertSameValue((view().get(ctx.slice(1n, 3n, null)) as MemoryViewLike).tolist(), [2, 3], "get(slice(1n, 3n))");
  });
}

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
      m.release();
      assertThrows(() => m.hash(), RELEASED, "hash() of a released view");
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
