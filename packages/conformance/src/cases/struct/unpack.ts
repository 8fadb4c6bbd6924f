/**
 * The `struct/unpack` group: unpack recorded from CPython, and formats of
 * more than 8 values in every byte order.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as recordedCalls from "./recorded-calls.js";
import * as buffersAndOffsets from "./buffers-and-offsets.js";
import * as longFormats from "./long-formats.js";

const struct = (ctx: Context) => ctx.impl.struct!;

/** The `struct/unpack` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/unpack",
  about: "unpack recorded from CPython, and formats of more than 8 values in every byte order",
  entries: [
    { needs: ["struct"], cases: (ctx) => recordedCalls.recorded(ctx, ["unpack"]) },
    {
      needs: ["struct"],
      feature: "structArguments",
      cases: (ctx) => {
        if (buffersAndOffsets.hasFunctions(struct(ctx))) longFormats.longFormats(ctx);
        else ctx.skip("long formats", "the module's struct lacks pack, unpack, unpackFrom or packInto");
      },
    },
  ],
};
