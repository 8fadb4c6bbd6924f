/**
 * The `objects/types` group: each type named as in Python, memoryview with
 * and without new, the Ellipsis singleton.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as typeObjects from "./type-objects.js";

/** The `objects/types` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "objects/types",
  about: "each type named as in Python, memoryview with and without new, the Ellipsis singleton",
  entries: [{ needs: [], cases: typeObjects.types }],
};
