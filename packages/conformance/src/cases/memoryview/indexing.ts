/**
 * The `memoryview/indexing` group: get and set of one item (every format and
 * value kind, out-of-range indices, 0-d views, bad keys), writes of records
 * and their refusals.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as formatWrites from "./format-writes.js";
import * as records from "./record-items.js";
import * as itemWrites from "./item-writes.js";
import * as scenarios from "./recorded/replay.js";
import * as scalarsAndKeys from "./scalars-and-keys.js";
import { randomEntry } from "./random/draw.js";
import * as randomIndexing from "./random/indexing.js";

/** The `memoryview/indexing` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/indexing",
  about:
    "get and set of one item (every format and value kind, out-of-range indices, 0-d views, bad keys), writes of records and their refusals",
  entries: [
    scenarios.scenarioEntry("indexing"),
    randomEntry(randomIndexing.checks),
    { needs: ["memoryview"], cases: itemWrites.recorded },
    { needs: ["memoryview"], cases: records.records },
    {
      needs: ["memoryview"],
      cases: (ctx) => {
        formatWrites.truth(ctx);
        formatWrites.badWrites(ctx);
        formatWrites.complexWrites(ctx);
      },
    },
    { needs: ["memoryview"], cases: scalarsAndKeys.scalars },
    { needs: ["memoryview", "slice"], cases: scalarsAndKeys.badKeys },
  ],
};
