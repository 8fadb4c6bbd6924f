/**
 * The `memoryview/hash` group: hash() of byte formats: CPython's values
 * under PYTHONHASHSEED=0, equal bytes hash equal, writable views refused.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as hashValues from "./hash-values.js";
import * as records from "./record-hashes.js";
import * as refusals from "../refusals.js";

/** The `memoryview/hash` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/hash",
  about: "hash() of byte formats: CPython's values under PYTHONHASHSEED=0, equal bytes hash equal, writable views refused",
  entries: [
    {
      needs: ["memoryview"],
      feature: "hash",
      cases: (ctx) => {
        records.hash(ctx);
        records.hashWithoutObject(ctx);
      },
      refusal: refusals.hashRefused,
    },
    { needs: ["memoryview"], feature: "hashValues", when: (s) => s.hash, cases: hashValues.recorded },
  ],
};
