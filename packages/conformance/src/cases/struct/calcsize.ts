/**
 * The `struct/calcsize` group: calcsize recorded from CPython, and its
 * format argument of every type.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as formatArguments from "./format-arguments.js";
import * as recordedCalls from "./recorded-calls.js";
import * as nativeSizes from "./native-sizes.js";

/** The `struct/calcsize` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/calcsize",
  about: "calcsize recorded from CPython, its format argument of every type, and the native sizes of the declared data model",
  entries: [
    { needs: ["struct"], cases: (ctx) => recordedCalls.recorded(ctx, ["calcsize"]) },
    { needs: ["struct"], cases: formatArguments.formatArguments },
    { needs: ["struct"], cases: (ctx) => nativeSizes.nativeSizes(ctx, ctx.impl.struct!) },
  ],
};
