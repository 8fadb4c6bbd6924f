/**
 * The `objects/exports` group: export counting: bytes read-only; bytearray
 * and array refusing to resize while exported, then working once released.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as recordedObjects from "./recorded-objects.js";
import * as resizeWhileExported from "./resize-while-exported.js";

/** The `objects/exports` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "objects/exports",
  about: "export counting: bytes read-only; bytearray and array refusing to resize while exported, then working once released",
  entries: [
    { needs: [{ anyOf: ["bytes", "bytearray", "array"] }], cases: resizeWhileExported.exporters },
    { needs: [{ anyOf: ["bytes", "bytearray", "array"] }], cases: recordedObjects.exports },
  ],
};
