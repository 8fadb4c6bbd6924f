/**
 * The `objects/bytes` group: bytes driven through its public API, recorded
 * from CPython; the reprs of every byte value.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as recordedObjects from "./recorded-objects.js";

/** The `objects/bytes` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "objects/bytes",
  about: "bytes driven through its public API, recorded from CPython; the reprs of every byte value",
  entries: [
    {
      needs: [{ anyOf: ["bytes", "bytearray", "array"] }],
      cases: (ctx) => {
        recordedObjects.reprs(ctx);
        recordedObjects.bytes(ctx);
      },
    },
  ],
};
