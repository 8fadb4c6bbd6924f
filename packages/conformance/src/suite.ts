/**
 * The conformance suite of the buffer protocol: one function that registers
 * every case with the host's test function, against the module under test.
 *
 * @packageDocumentation
 */

import { createContext, groupContext, type Context, type SuiteOptions } from "./common.js";
import { GROUPS, missingNeed, selectGroups, type GroupDefinition } from "./groups.js";

export { GROUPS };

/**
 * Registers one group's cases: each entry whose needs the module meets (its
 * refusal twin instead, when the module declares the entry's feature
 * false). A group that registers no case is reported skipped with the
 * reasons; an entry left out of a group that runs is reported skipped too.
 */
function registerGroup(root: Context, group: GroupDefinition): void {
  const ctx = groupContext(root, group.name);
  let registered = 0;
  const counting: Context = {
    ...ctx,
    test: (name, body) => {
      registered++;
      ctx.test(name, body);
    },
  };
  const reasons: string[] = [];
  for (const entry of group.entries) {
    if (entry.when && !entry.when(ctx.supports)) continue;
    const missing = missingNeed(ctx.impl, entry.needs);
    if (missing !== null) {
      reasons.push(missing);
    } else if (entry.feature !== undefined && !ctx.supports[entry.feature]) {
      if (entry.refusal) entry.refusal(counting);
      else reasons.push(`the module declares ${entry.feature}: false`);
    } else {
      entry.cases?.(counting);
    }
  }
  const unique = [...new Set(reasons)];
  if (registered === 0) ctx.skip("", unique.length > 0 ? unique.join("; ") : "no case applies to this module");
  else for (const reason of unique) ctx.skip("", reason);
}

/**
 * Registers the whole suite with `test`, against `impl`. Returns the seed
 * of the randomized cases, so the host can print it (`--seed` replays it).
 *
 * @param options - `test` (the host's test function), `impl` (the module
 *   under test: its exports, or an adapter's), and optionally `seed`,
 *   `scale` (a multiple of the default number of random cases) and
 *   `groups` (group names or topics, e.g. `["struct", "memoryview/slicing"]`)
 * @returns the seed in use
 *
 * @example
 * ```ts
 * // my-impl.test.ts, in vitest:
 * import { test } from "vitest";
 * import { suite } from "@mv/conformance";
 * import * as impl from "./my-adapter.js";
 * const seed = suite({ test, impl });
 * console.log(`conformance seed ${seed}`);
 * ```
 *
 * @example
 * ```ts
 * // with node:test
 * import { test } from "node:test";
 * suite({ test, impl: await import("@mv/builtins"), seed: 42 }); // returns 42
 * ```
 */
export function suite(options: SuiteOptions): number {
  const ctx = createContext(options);
  for (const group of selectGroups(options.groups)) registerGroup(ctx, group);
  return ctx.seed;
}
