/**
 * The implementation module itself: its manifest, the names it exports,
 * and its error classes (each named for the Python exception).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertTrue } from "../assert/index.js";
import type { Context } from "../common.js";
import { construct, ERROR_NAMES } from "../implementation.js";
import { FULL_SUPPORT } from "../supports.js";
import type { GroupDefinition } from "../group-definition.js";

/** The manifest's shape (the suite has already refused a malformed one). */
export function manifest(ctx: Context): void {
  ctx.test(`supports has every key with the right type`, () => {
    for (const [key, value] of Object.entries(FULL_SUPPORT)) {
      assertSameValue(typeof (ctx.supports as unknown as Record<string, unknown>)[key], typeof value, `supports.${key}`);
    }
    assertTrue(Object.isFrozen(ctx.supports), "the suite's copy of the manifest is frozen");
  });
}

/** The error classes the module exports. */
export function errors(ctx: Context): void {
  for (const name of ERROR_NAMES) {
    const cls = (ctx.impl as Record<string, unknown>)[name];
    if (cls === undefined) {
      ctx.skip(`${name} class`, `the module exports no ${name}`);
      continue;
    }
    ctx.test(`${name} is an Error class named '${name}'`, () => {
      assertSameValue(typeof cls, "function", `${name} is a class`);
      const e = construct(cls, "message") as Error;
      assertTrue(e instanceof Error, `new ${name}() is an Error`);
      assertTrue(e instanceof (cls as new () => unknown), `new ${name}() is a ${name}`);
      assertSameValue(e.name, name, `${name}.prototype.name`);
      assertSameValue(e.message, "message", `${name} message`);
    });
  }
}

/** The `manifest` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "manifest",
  about: "the manifest's shape; each error class named for its Python exception",
  entries: [
    {
      needs: [],
      cases: (ctx) => {
        manifest(ctx);
        errors(ctx);
      },
    },
  ],
};
