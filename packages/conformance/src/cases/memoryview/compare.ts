/**
 * The `memoryview/compare` group: == across formats and layouts (NaN, views
 * struct cannot read), reflected to the other operand's equals, equality of
 * methods and values.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as pep3118Formats from "../struct/pep3118-formats.js";
import * as scenarios from "./scenarios.js";
import * as methods from "./methods.js";
import * as randomOperations from "./random-operations.js";
import * as typeObjects from "../objects/type-objects.js";

/** The `memoryview/compare` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/compare",
  about:
    "== across formats and layouts (NaN, views struct cannot read), reflected to the other operand's equals, equality of methods and values",
  entries: [
    scenarios.scenarioEntry("compare"),
    randomOperations.randomEntry("equals-copy"),
    { needs: ["memoryview"], cases: pep3118Formats.equality },
    { needs: ["memoryview"], cases: methods.values },
    { needs: [], cases: typeObjects.reflectedEquality },
  ],
};
