/**
 * The `struct/errors` group: the exact 3.14 wording of every integer range
 * error.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as rangeMessages from "./range-messages.js";

const struct = (ctx: Context) => ctx.impl.struct!;

/** The `struct/errors` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/errors",
  about: "the exact 3.14 wording of every integer range error",
  entries: [{ needs: ["struct"], cases: (ctx) => rangeMessages.rangeMessages(ctx, struct(ctx)) }],
};
