/**
 * The `memoryview/indexing` group: get and set of one item (every format and
 * value kind, out-of-range indices, 0-d views, bad keys), writes of records
 * and their refusals.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as pep3118Formats from "../struct/pep3118-formats.js";
import * as records from "./records.js";
import * as itemWrites from "./item-writes.js";
import * as scenarios from "./scenarios.js";
import * as methods from "./methods.js";
import * as randomOperations from "./random-operations.js";

/** The `memoryview/indexing` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/indexing",
  about:
    "get and set of one item (every format and value kind, out-of-range indices, 0-d views, bad keys), writes of records and their refusals",
  entries: [
    scenarios.scenarioEntry("indexing"),
    randomOperations.randomEntry("get-item", "get-out-of-range", "set-item", "set-readonly"),
    { needs: ["memoryview"], cases: itemWrites.recorded },
    { needs: ["memoryview"], cases: records.records },
    {
      needs: ["memoryview"],
      cases: (ctx) => {
        pep3118Formats.truth(ctx);
        pep3118Formats.badWrites(ctx);
        pep3118Formats.complexWrites(ctx);
      },
    },
    { needs: ["memoryview"], cases: methods.scalars },
    { needs: ["memoryview", "slice"], cases: methods.badKeys },
  ],
};
