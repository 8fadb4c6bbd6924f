/**
 * The `struct/Struct` group: the compiled Struct: every recorded case again
 * through a Struct object, its attributes, methods and repr.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import * as structApi from "./struct-api.js";
import * as structObjects from "./struct-objects.js";

const struct = (ctx: Context) => ctx.impl.struct!;

/** The `struct/Struct` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/Struct",
  about: "the compiled Struct: every recorded case again through a Struct object, its attributes, methods and repr",
  entries: [
    { needs: ["struct"], cases: structObjects.structObjects },
    {
      needs: ["struct"],
      cases: (ctx) => {
        structApi.api(ctx, struct(ctx));
        structApi.structRepr(ctx, struct(ctx));
      },
    },
  ],
};
