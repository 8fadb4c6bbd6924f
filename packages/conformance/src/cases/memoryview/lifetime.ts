/**
 * The `memoryview/lifetime` group: release(): every later use refused, the
 * export given back once no view shares it.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as scenarios from "./scenarios.js";
import * as randomOperations from "./random-operations.js";

/** The `memoryview/lifetime` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/lifetime",
  about: "release(): every later use refused, the export given back once no view shares it",
  entries: [scenarios.scenarioEntry("lifetime"), randomOperations.randomEntry("release")],
};
