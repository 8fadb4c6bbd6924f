/**
 * The `numpy/shape` group: reshape (exact strides, or NumPy's refusal),
 * permute and transpose, cast of non-contiguous views, their argument
 * errors.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryView from "./memory-view.js";

/** The `numpy/shape` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "numpy/shape",
  about:
    "reshape (exact strides, or NumPy's refusal), permute and transpose, cast of non-contiguous views, their argument errors",
  entries: [
    {
      needs: ["MemoryView"],
      cases: (ctx) => {
        memoryView.reshapes(ctx);
        memoryView.permutes(ctx);
        memoryView.casts(ctx);
        memoryView.argumentErrors(ctx);
      },
    },
  ],
};
