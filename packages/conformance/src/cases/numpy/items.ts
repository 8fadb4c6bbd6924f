/**
 * The `numpy/items` group: MemoryView against NumPy: items, tobytes,
 * toTypedArray, writes and fill, item indices and their errors.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryView from "./memory-view.js";

/** The `numpy/items` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "numpy/items",
  about: "MemoryView against NumPy: items, tobytes, toTypedArray, writes and fill, item indices and their errors",
  entries: [
    {
      needs: ["MemoryView"],
      cases: (ctx) => {
        memoryView.sources(ctx);
        memoryView.typedArrays(ctx);
        memoryView.writes(ctx);
        memoryView.fillErrors(ctx);
        memoryView.getErrors(ctx);
        memoryView.partialFills(ctx);
        memoryView.itemIndices(ctx);
      },
    },
  ],
};
