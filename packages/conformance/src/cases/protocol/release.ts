/**
 * The `protocol/release` group: export counting through derived views,
 * release() refused with live exports, re-exports given back, consumers that
 * give every export back.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as exportCounting from "./export-counting.js";
import { randomEntry } from "../memoryview/random/draw.js";
import * as randomReexports from "./random-reexports.js";
import * as consumers from "./consumers.js";

/** The `protocol/release` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "protocol/release",
  about:
    "export counting through derived views, release() refused with live exports, re-exports given back, consumers that give every export back",
  entries: [
    { needs: ["memoryview"], cases: exportCounting.exports },
    { needs: ["memoryview"], cases: consumers.consumers },
    randomEntry(randomReexports.checks),
  ],
};
