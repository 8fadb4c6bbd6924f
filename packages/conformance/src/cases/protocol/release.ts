/**
 * The `protocol/release` group: export counting through derived views,
 * release() refused with live exports, re-exports given back, consumers that
 * give every export back.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as memoryviewExports from "./memoryview-exports.js";
import * as randomOperations from "../memoryview/random-operations.js";
import * as reExporters from "./re-exporters.js";

/** The `protocol/release` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "protocol/release",
  about:
    "export counting through derived views, release() refused with live exports, re-exports given back, consumers that give every export back",
  entries: [
    { needs: ["memoryview"], cases: memoryviewExports.exports },
    { needs: ["memoryview"], cases: reExporters.consumers },
    randomOperations.randomEntry("reexport"),
  ],
};
