/**
 * The `numpy/copies` group: copyFrom (np.copyto, overlapping too), derive
 * (as_strided), equality.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryView from "./memory-view.js";

/** The `numpy/copies` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "numpy/copies",
  about: "copyFrom (np.copyto, overlapping too), derive (as_strided), equality",
  entries: [
    {
      needs: ["MemoryView"],
      cases: (ctx) => {
        memoryView.copies(ctx);
        memoryView.derives(ctx);
        memoryView.equality(ctx);
      },
    },
  ],
};
