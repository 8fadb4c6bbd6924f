/**
 * The `numpy/pil` group: PIL-style views and their inner pointers.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryView from "./memory-view.js";

/** The `numpy/pil` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "numpy/pil",
  about: "PIL-style views and their inner pointers",
  entries: [
    {
      needs: ["MemoryView"],
      cases: (ctx) => {
        memoryView.pil(ctx);
        memoryView.innerPointers(ctx);
      },
    },
  ],
};
