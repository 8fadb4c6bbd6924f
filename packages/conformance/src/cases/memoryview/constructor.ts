/**
 * The memoryview constructor, with and without `new`, its type, and every
 * member of a released view refused.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { MemoryViewLike } from "../../implementation.js";
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
