/**
 * The `protocol/requests` group: what a memoryview requests (FULL_RO, once),
 * memory_getbuf's refusals, answers that do not meet the request, exporters
 * that edit the answer they pass on.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as requestAnswers from "./request-answers.js";
import * as reExporters from "./re-exporters.js";

/** The `protocol/requests` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "protocol/requests",
  about:
    "what a memoryview requests (FULL_RO, once), memory_getbuf's refusals, answers that do not meet the request, exporters that edit the answer they pass on",
  entries: [
    { needs: ["memoryview"], cases: requestAnswers.reexportRefusals },
    // SPEC.md §8, 12: CPython checks nothing of an exporter's answer.
    { needs: ["memoryview"], feature: "deliberateDifferences", cases: requestAnswers.unmetRequests },
    { needs: ["memoryview"], cases: reExporters.edited },
    // SPEC.md §8, 12: CPython checks nothing of an exporter's answer.
    { needs: ["memoryview"], feature: "deliberateDifferences", cases: reExporters.refused },
  ],
};
