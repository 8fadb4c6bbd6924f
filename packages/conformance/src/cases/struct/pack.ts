/**
 * The `struct/pack` group: pack recorded from CPython, random formats and
 * values against the suite's byte model, large structs, native pointers.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as recordedCalls from "./recorded-calls.js";
import * as randomCodec from "./random-codec.js";

const struct = (ctx: Context) => ctx.impl.struct!;

/** The `struct/pack` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/pack",
  about: "pack recorded from CPython, random formats and values against the suite's byte model, large structs, native pointers",
  entries: [
    { needs: ["struct"], cases: (ctx) => recordedCalls.recorded(ctx, ["pack"]) },
    {
      needs: ["struct"],
      cases: (ctx) => {
        randomCodec.random(ctx, struct(ctx));
        randomCodec.largeStructs(ctx, struct(ctx));
      },
    },
  ],
};
