/**
 * The `objects/bytearray` group: bytearray driven through its public API,
 * recorded from CPython.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as recordedObjects from "./recorded-objects.js";

/** The `objects/bytearray` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "objects/bytearray",
  about: "bytearray driven through its public API, recorded from CPython",
  entries: [{ needs: [{ anyOf: ["bytes", "bytearray", "array"] }], cases: recordedObjects.bytearray }],
};
