/**
 * The `capi/contiguous` group: toContiguous and fromContiguous in each
 * order, isContiguous under four requests, fillContiguousStrides, 0-d
 * exports.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import { exportsOf } from "./support.js";
import * as api from "./api.js";

const capi = (ctx: Context) => ctx.impl.capi!;

/** The `capi/contiguous` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "capi/contiguous",
  about: "toContiguous and fromContiguous in each order, isContiguous under four requests, fillContiguousStrides, 0-d exports",
  entries: [
    {
      needs: ["capi"],
      cases: (ctx) => {
        const exports = exportsOf(ctx);
        api.toContiguous(ctx, capi(ctx), exports);
        api.fromContiguous(ctx, capi(ctx), exports);
        api.contiguity(ctx, capi(ctx), exports);
        api.scalars(ctx, capi(ctx), exports);
        api.strides(ctx, capi(ctx));
      },
    },
  ],
};
