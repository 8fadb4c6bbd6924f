/**
 * The `objects/array` group: array of every type code driven through its
 * public API, recorded from CPython.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as recordedObjects from "./recorded-objects.js";

/** The `objects/array` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "objects/array",
  about: "array of every type code driven through its public API, recorded from CPython",
  entries: [{ needs: [{ anyOf: ["bytes", "bytearray", "array"] }], cases: recordedObjects.array }],
};
