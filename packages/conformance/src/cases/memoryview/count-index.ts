/**
 * The `memoryview/count-index` group: count(value) and index(value, start,
 * stop) (Python 3.14).
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import { randomEntry } from "./random/draw.js";
import * as randomCountIndex from "./random/count-index.js";
import * as refusals from "../refusals.js";

/** The `memoryview/count-index` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/count-index",
  about: "count(value) and index(value, start, stop) (Python 3.14)",
  entries: [
    randomEntry(randomCountIndex.checks),
    { needs: ["memoryview"], feature: "countIndex", refusal: refusals.countIndexRefused },
  ],
};
