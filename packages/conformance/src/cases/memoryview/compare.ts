/**
 * The `memoryview/compare` group: == across formats and layouts (NaN, views
 * struct cannot read), reflected to the other operand's equals, equality of
 * methods and values.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as formatEquality from "./format-equality.js";
import * as scenarios from "./recorded/replay.js";
import * as methodValues from "./method-values.js";
import { randomEntry } from "./random/draw.js";
import * as randomCompare from "./random/compare.js";
import * as reflectedEquality from "./reflected-equality.js";

/** The `memoryview/compare` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/compare",
  about:
    "== across formats and layouts (NaN, views struct cannot read), reflected to the other operand's equals, equality of methods and values",
  entries: [
    scenarios.scenarioEntry("compare"),
    randomEntry(randomCompare.checks),
    { needs: ["memoryview"], cases: formatEquality.equality },
    { needs: ["memoryview"], cases: methodValues.values },
    { needs: [], cases: reflectedEquality.reflectedEquality },
  ],
};
