/**
 * The `struct/pep3118` group: 434 PEP 3118 formats (T{} nesting, byte
 * orders, counts, sub-arrays, names, padding) read, written, cast and sized
 * as NumPy and CPython do; unreadable formats refused.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as pep3118Formats from "./pep3118-formats.js";
import * as refusals from "../refusals.js";

/** The `struct/pep3118` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "struct/pep3118",
  about:
    "434 PEP 3118 formats (T{} nesting, byte orders, counts, sub-arrays, names, padding) read, written, cast and sized as NumPy and CPython do; unreadable formats refused",
  entries: [
    {
      needs: ["memoryview"],
      cases: (ctx) => {
        pep3118Formats.formats(ctx);
        pep3118Formats.refusals(ctx);
      },
    },
    { needs: ["memoryview"], feature: "structFormats", refusal: refusals.structFormatsRefused },
  ],
};
