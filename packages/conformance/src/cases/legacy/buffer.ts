/**
 * The `legacy/buffer` group: Python 2.7's buffer, a table from
 * bufferobject.c: construction, indexing, slicing, assignment,
 * concat/repeat/compare, hash, repr, the export side.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as bufferObject from "./buffer-object.js";

/** The `legacy/buffer` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "legacy/buffer",
  about:
    "Python 2.7's buffer, a table from bufferobject.c: construction, indexing, slicing, assignment, concat/repeat/compare, hash, repr, the export side",
  entries: [
    {
      needs: ["buffer"],
      cases: (ctx) => {
        bufferObject.readOnly(ctx);
        bufferObject.table(ctx);
        bufferObject.extendedSlicing(ctx);
        bufferObject.hashes(ctx);
        bufferObject.reprs(ctx);
        bufferObject.exporterSide(ctx);
        bufferObject.copies(ctx);
        bufferObject.api(ctx);
      },
    },
  ],
};
