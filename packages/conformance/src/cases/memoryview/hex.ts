/**
 * The `memoryview/hex` group: hex(sep, bytes_per_sep) recorded from CPython,
 * on views of every layout and of thousands of bytes.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as hexRecorded from "./hex-recorded.js";
import * as scenarios from "./recorded/replay.js";
import { randomEntry } from "./random/draw.js";
import * as randomHex from "./random/hex.js";

/** The `memoryview/hex` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "memoryview/hex",
  about: "hex(sep, bytes_per_sep) recorded from CPython, on views of every layout and of thousands of bytes",
  entries: [
    scenarios.scenarioEntry("hex"),
    randomEntry(randomHex.checks),
    {
      needs: ["memoryview"],
      cases: (ctx) => {
        hexRecorded.recorded(ctx);
        hexRecorded.layouts(ctx);
        hexRecorded.large(ctx);
      },
    },
  ],
};
