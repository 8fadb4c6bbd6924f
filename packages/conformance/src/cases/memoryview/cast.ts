/**
 * The `memoryview/cast` group: cast between any two formats whose sizes fit,
 * to and from bytes, and its argument errors.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as records from "./record-casts.js";
import * as scenarios from "./recorded/replay.js";
import { randomEntry } from "./random/draw.js";
import * as randomCast from "./random/cast.js";
import * as refusals from "../refusals.js";

/** The `memoryview/cast` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/cast",
  about: "cast between any two formats whose sizes fit, to and from bytes, and its argument errors",
  entries: [
    scenarios.scenarioEntry("cast"),
    randomEntry(randomCast.checks),
    {
      needs: ["memoryview"],
      feature: "cast",
      cases: (ctx) => {
        records.casts(ctx);
        records.castArguments(ctx);
      },
      refusal: refusals.castRefused,
    },
  ],
};
