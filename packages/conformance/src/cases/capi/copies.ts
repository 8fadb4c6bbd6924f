/**
 * The `capi/copies` group: copyBuffer and copyData between layouts,
 * overlapping and aliased memory too.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import { exportsOf } from "./support.js";
import * as api from "./api.js";

const capi = (ctx: Context) => ctx.impl.capi!;

/** The `capi/copies` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "capi/copies",
  about: "copyBuffer and copyData between layouts, overlapping and aliased memory too",
  entries: [{ needs: ["capi"], cases: (ctx) => api.copies(ctx, capi(ctx), exportsOf(ctx)) }],
};
