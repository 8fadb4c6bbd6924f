/**
 * The `capi/fill-info` group: fillInfo under every request, sizeFromFormat.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import { exportsOf } from "./support.js";
import * as api from "./api.js";

const capi = (ctx: Context) => ctx.impl.capi!;

/** The `capi/fill-info` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "capi/fill-info",
  about: "fillInfo under every request, sizeFromFormat",
  entries: [
    {
      needs: ["capi"],
      cases: (ctx) => {
        api.fillInfo(ctx, capi(ctx), exportsOf(ctx));
        api.sizes(ctx, capi(ctx));
      },
    },
  ],
};
