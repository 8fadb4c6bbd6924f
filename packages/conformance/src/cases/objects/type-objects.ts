/**
 * The module's objects as Python objects: each type is named as in Python
 * (and memoryview callable with and without `new`), `Ellipsis` is a singleton whose repr
 * is `Ellipsis`, and `==` (`equals`) reflects to the other operand's own
 * `equals` when the left one cannot compare (Python's `NotImplemented`),
 * as `memory_richcompare` and `bytes_richcompare` do for a value that
 * exports no buffer.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertTrue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct, type ImplementationModule } from "../../implementation.js";

/** Each type the contract names, its Python name, and the arguments that build one. */
const TYPES: readonly { readonly key: keyof ImplementationModule; readonly python: string; readonly args: () => unknown[] }[] = [
  { key: "memoryview", python: "memoryview", args: () => [Uint8Array.of(1, 2)] },
  { key: "bytes", python: "bytes", args: () => [Uint8Array.of(1, 2)] },
  { key: "bytearray", python: "bytearray", args: () => [Uint8Array.of(1, 2)] },
  { key: "array", python: "array", args: () => ["B", [1, 2]] },
  { key: "slice", python: "slice", args: () => [1, 2, 1] },
  { key: "buffer", python: "buffer", args: () => [Uint8Array.of(1, 2)] },
];

/** The types: named as in Python, callable with and without `new`. */
export function types(ctx: Context): void {
  for (const { key, python, args } of TYPES) {
    if (!ctx.has(key)) continue;
    ctx.test(`${python} is named '${python}'`, () => {
      const type = ctx.impl[key] as new (...a: unknown[]) => unknown;
      assertSameValue(type.name, python, `${python}.name`);
      assertTrue(construct(type, ...args()) instanceof type, `${python}(...) instanceof ${python}`);
    });
  }
  if (ctx.has("memoryview")) {
    // The contract: memoryview is callable with or without `new`.
    ctx.test(`memoryview(...) and new memoryview(...) build the same kind of object`, () => {
      const type = ctx.impl.memoryview as ((obj: unknown) => unknown) & (new (obj: unknown) => unknown);
      const called = type(Uint8Array.of(1));
      const built = new type(Uint8Array.of(1));
      assertTrue(called instanceof type, "memoryview(...) instanceof memoryview");
      assertTrue(built instanceof type, "new memoryview(...) instanceof memoryview");
      assertSameValue(Object.getPrototypeOf(called), Object.getPrototypeOf(built), "one prototype");
    });
  }
  if (ctx.has("Ellipsis")) {
    ctx.test(`Ellipsis is a singleton whose repr is 'Ellipsis'`, () => {
      const e = ctx.Ellipsis as object;
      assertSameValue(String(e), "Ellipsis", "repr(Ellipsis)");
      // type(Ellipsis)() is Ellipsis
      const made = construct((e as { constructor: unknown }).constructor);
      assertTrue(made === e, "type(Ellipsis)() is Ellipsis");
    });
  }
}

/** A non-exporter with its own `equals`, recording what it was asked. */
function reflecting(answer: boolean): { asked: unknown[]; equals(other: unknown): boolean } {
  return {
    asked: [],
    equals(other) {
      this.asked.push(other);
      return answer;
    },
  };
}

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
