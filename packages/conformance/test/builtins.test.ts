// The suite against @mv/builtins (through the default adapter, which adds
// @mv/core's struct codec and getBuffer): the reference implementation must
// pass every case it declares.
import { test } from "vitest";
import { suite } from "../src/index.js";
import * as builtins from "../src/adapters/builtins.js";

const seed = Number(process.env.MV_CONFORMANCE_SEED) || undefined;
const used = suite({ test, impl: builtins, seed });
console.log(`@mv/builtins: conformance seed ${used} (MV_CONFORMANCE_SEED=${used} replays it)`);
