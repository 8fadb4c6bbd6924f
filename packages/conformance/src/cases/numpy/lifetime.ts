/**
 * The `numpy/lifetime` group: release and export counting of MemoryView.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryView from "./memory-view.js";

/** The `numpy/lifetime` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "numpy/lifetime",
  about: "release and export counting of MemoryView",
  entries: [{ needs: ["MemoryView"], cases: memoryView.lifetime }],
};
