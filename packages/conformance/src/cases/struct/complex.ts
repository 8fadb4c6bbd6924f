/**
 * The `struct/complex` group: CPython 3.14's complex struct codes `F` and
 * `D` (recorded from CPython 3.14.2), non-ASCII formats, memoryview's
 * refusal to cast to them, and bytes-like hex separators.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import { casts, hexSeparator, nonAscii, structCodes } from "./complex-cases.js";

/** The `struct/complex` group: its sources of cases and what each needs. */
export const group: GroupDefinition = {
  name: "struct/complex",
  about: "3.14's F and D codes, non-ASCII formats, casts refused, bytes-like hex separators",
  entries: [
    { needs: ["struct"], cases: structCodes },
    { needs: ["struct"], cases: nonAscii },
    { needs: ["memoryview"], cases: casts },
    { needs: ["memoryview"], cases: hexSeparator },
  ],
};
