/**
 * The `memoryview/count-index` group: count(value) and index(value, start,
 * stop) (Python 3.14).
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as randomOperations from "./random-operations.js";
import * as refusals from "../refusals.js";

/** The `memoryview/count-index` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/count-index",
  about: "count(value) and index(value, start, stop) (Python 3.14)",
  entries: [
    randomOperations.randomEntry("count-index"),
    { needs: ["memoryview"], feature: "countIndex", refusal: refusals.countIndexRefused },
  ],
};
