/**
 * The `memoryview/attributes` group: format, itemsize, shape, strides,
 * contiguity and nbytes of views of every layout; the constructor;
 * toreadonly; views of more dimensions than declared refused.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as scenarios from "./recorded/replay.js";
import * as constructors from "./constructor.js";
import { randomEntry } from "./random/draw.js";
import * as randomAttributes from "./random/attributes.js";

/** The `memoryview/attributes` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/attributes",
  about: "format, itemsize, shape, strides, contiguity and nbytes of views of every layout; the constructor; toreadonly",
  entries: [
    scenarios.scenarioEntry("attributes"),
    randomEntry(randomAttributes.checks),
    { needs: ["memoryview"], cases: constructors.construction },
  ],
};
