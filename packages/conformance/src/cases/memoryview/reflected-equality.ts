/**
 * The `memoryview/compare` group's reflected equality: `x == obj` asks an
 * object with its own `equals`, with the left operand, for memoryview and
 * the module's objects alike; a released view compares by identity.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertTrue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct } from "../../implementation.js";
import { reflecting } from "../objects/type-objects.js";

/** `x == y` reflects to `y.equals(x)` when `y` exports no buffer. */
export function reflectedEquality(ctx: Context): void {
  const makers: [string, () => { equals(other: unknown): boolean }][] = [];
  if (ctx.has("memoryview")) makers.push(["memoryview", () => ctx.memoryview(Uint8Array.of(1, 2))]);
  for (const key of ["bytes", "bytearray"] as const) {
    // equals on bytes and bytearray is the module's own addition: tested where it exists.
    const has = ctx.has(key) && typeof (construct(ctx.impl[key], Uint8Array.of(1)) as { equals?: unknown }).equals === "function";
    if (has) makers.push([key, () => construct(ctx.impl[key], Uint8Array.of(1, 2)) as { equals(o: unknown): boolean }]);
  }
  for (const [name, make] of makers) {
    ctx.test(`${name} == an object with its own equals asks that object`, () => {
      const x = make();
      for (const answer of [true, false]) {
        const other = reflecting(answer);
        assertSameValue(x.equals(other), answer, `${name}.equals(obj whose equals returns ${answer})`);
        assertSameValue(other.asked.length, 1, `${name}: asked once`);
        assertTrue(other.asked[0] === x, `${name}: asked with the left operand`);
      }
      assertSameValue(x.equals({}), false, `${name}.equals({}) (no equals of its own)`);
      assertSameValue(x.equals(null), false, `${name}.equals(null)`);
      assertSameValue(x.equals(2), false, `${name}.equals(2)`);
    });
  }
  if (ctx.has("memoryview")) {
    ctx.test(`a released memoryview compares by identity, without asking the other side`, () => {
      const m = ctx.memoryview(Uint8Array.of(1, 2));
      m.release();
      const other = reflecting(true);
      assertSameValue(m.equals(other), false, "released m == obj");
      assertSameValue(other.asked.length, 0, "the other side is not asked");
      assertSameValue(m.equals(m), true, "released m == m");
    });
  }
}
