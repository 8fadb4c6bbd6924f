/**
 * The `struct/iter_unpack` group: iter_unpack recorded from CPython; the
 * export given back when a loop is left early.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as recordedCalls from "./recorded-calls.js";
import * as exportRelease from "./export-release.js";

const struct = (ctx: Context) => ctx.impl.struct!;

/** The `struct/iter_unpack` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/iter_unpack",
  about: "iter_unpack recorded from CPython; the export given back when a loop is left early",
  entries: [
    { needs: ["struct"], cases: (ctx) => recordedCalls.recorded(ctx, ["iter_unpack"]) },
    { needs: ["struct"], feature: "structArguments", cases: (ctx) => exportRelease.exportRelease(ctx, struct(ctx)) },
  ],
};
