/**
 * The module's objects as Python objects: each type is named as in Python
 * (and memoryview callable with and without `new`), `Ellipsis` is a singleton whose repr
 * is `Ellipsis` (the `objects/types` group). Its `reflecting` object serves
 * `memoryview/reflected-equality.ts`.
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
export function reflecting(answer: boolean): { asked: unknown[]; equals(other: unknown): boolean } {
  return {
    asked: [],
    equals(other) {
      this.asked.push(other);
      return answer;
    },
  };
}
