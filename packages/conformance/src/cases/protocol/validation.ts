/**
 * The `protocol/validation` group: invalid BufferInfos and broken answers
 * refused with BufferError and the export given back; detached and shrunk
 * memory; the Python type named in TypeErrors.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryviewExports from "./memoryview-exports.js";
import * as refusals from "../refusals.js";
import * as typeNames from "./type-names.js";

/** The `protocol/validation` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "protocol/validation",
  about:
    "invalid BufferInfos and broken answers refused with BufferError and the export given back; detached and shrunk memory; the Python type named in TypeErrors",
  entries: [
    // SPEC.md §8, 12: CPython checks nothing of an exporter's answer.
    { needs: ["memoryview"], feature: "deliberateDifferences", cases: memoryviewExports.invalidInfos },
    { needs: ["memoryview"], cases: memoryviewExports.brokenAnswers },
    { needs: ["memoryview"], cases: memoryviewExports.lostMemory },
    {
      needs: [{ anyOf: ["memoryview", "struct"] }],
      cases: (ctx) => {
        if (!ctx.supports.structArguments)
          ctx.skip("type names of struct arguments", "the module declares structArguments: false");
        typeNames.argumentErrors(ctx);
      },
    },
    { needs: ["memoryview"], feature: "suboffsets", refusal: refusals.suboffsetsRefused },
    { needs: ["memoryview"], when: (s) => s.maxNdim < 64, cases: refusals.ndimRefused },
  ],
};
