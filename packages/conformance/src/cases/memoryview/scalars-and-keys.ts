/**
 * Items by key where CPython fixes the behaviour: 0-dimensional views
 * (scalars), and the keys a view must refuse.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

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
