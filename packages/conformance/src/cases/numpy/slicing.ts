/**
 * The `numpy/slicing` group: index, sliceDim and slice as NumPy's basic
 * indexing and slicing, slice specs.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryView from "./memory-view.js";

/** The `numpy/slicing` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "numpy/slicing",
  about: "index, sliceDim and slice as NumPy's basic indexing and slicing, slice specs",
  entries: [
    {
      needs: ["MemoryView"],
      cases: (ctx) => {
        memoryView.indexing(ctx);
        memoryView.slicing(ctx);
        memoryView.sliceSpecs(ctx);
      },
    },
  ],
};
