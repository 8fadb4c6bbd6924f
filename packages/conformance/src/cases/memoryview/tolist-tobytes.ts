/**
 * The `memoryview/tolist-tobytes` group: tolist(), tobytes() in C, F and A
 * order, and iteration, over every layout.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as scenarios from "./recorded/replay.js";
import { randomEntry } from "./random/draw.js";
import * as randomTolistTobytes from "./random/tolist-tobytes.js";

/** The `memoryview/tolist-tobytes` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/tolist-tobytes",
  about: "tolist(), tobytes() in C, F and A order, and iteration, over every layout",
  entries: [scenarios.scenarioEntry("tolist-tobytes"), randomEntry(randomTolistTobytes.checks)],
};
