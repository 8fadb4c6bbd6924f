/**
 * The `memoryview/attributes` group: format, itemsize, shape, strides,
 * contiguity and nbytes of views of every layout; the constructor;
 * toreadonly; views of more dimensions than declared refused.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as scenarios from "./scenarios.js";
import * as methods from "./methods.js";
import * as randomOperations from "./random-operations.js";

/** The `memoryview/attributes` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/attributes",
  about: "format, itemsize, shape, strides, contiguity and nbytes of views of every layout; the constructor; toreadonly",
  entries: [
    scenarios.scenarioEntry("attributes"),
    randomOperations.randomEntry("attributes", "toreadonly"),
    { needs: ["memoryview"], cases: methods.construction },
  ],
};
