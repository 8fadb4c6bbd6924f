/**
 * The `capi/pointers` group: getPointer of every index and its refusals,
 * suboffset pointers outside the memory or corrupted after the export, the
 * contract's pointer encoding.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import { exportsOf } from "./support.js";
import * as api from "./api.js";
import * as pointerWalks from "./pointer-walks.js";

const capi = (ctx: Context) => ctx.impl.capi!;

/** The `capi/pointers` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "capi/pointers",
  about:
    "getPointer of every index and its refusals, suboffset pointers outside the memory or corrupted after the export, the contract's pointer encoding",
  entries: [
    { needs: ["capi"], cases: (ctx) => api.reportMissing(ctx, capi(ctx)) },
    {
      needs: ["capi"],
      cases: (ctx) => {
        const exports = exportsOf(ctx);
        api.pointers(ctx, capi(ctx), exports);
        api.pointerErrors(ctx, capi(ctx), exports);
        api.badPointers(ctx, capi(ctx), exports);
        pointerWalks.corruptWalks(ctx, capi(ctx), exports);
        pointerWalks.pointerEncoding(ctx, capi(ctx), exports);
        pointerWalks.rawLayouts(ctx, capi(ctx), exports);
      },
    },
  ],
};
