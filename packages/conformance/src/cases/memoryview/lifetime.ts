/**
 * The `memoryview/lifetime` group: release(): every later use refused, the
 * export given back once no view shares it.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as scenarios from "./recorded/replay.js";
import { randomEntry } from "./random/draw.js";
import * as randomLifetime from "./random/lifetime.js";

/** The `memoryview/lifetime` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/lifetime",
  about: "release(): every later use refused, the export given back once no view shares it",
  entries: [scenarios.scenarioEntry("lifetime"), randomEntry(randomLifetime.checks)],
};
