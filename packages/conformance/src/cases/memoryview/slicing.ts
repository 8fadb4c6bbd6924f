/**
 * The `memoryview/slicing` group: slices and sub-views (NumPy's multi-
 * dimensional slicing), slice assignment, and the slice object itself.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as sliceObjects from "./slice-objects.js";
import * as scenarios from "./recorded/replay.js";
import { randomEntry } from "./random/draw.js";
import * as randomSlicing from "./random/slicing.js";
import * as refusals from "../refusals.js";

/** The `memoryview/slicing` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/slicing",
  about: "slices and sub-views (NumPy's multi-dimensional slicing), slice assignment, and the slice object itself",
  entries: [
    scenarios.scenarioEntry("slicing"),
    randomEntry(randomSlicing.checks),
    { needs: ["slice"], feature: "sliceObjects", cases: sliceObjects.recorded },
    { needs: ["memoryview"], feature: "multiDimensionalSlicing", refusal: refusals.multiDimensionalRefused },
  ],
};
