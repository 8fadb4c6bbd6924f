// The suite against the independent implementation, which must pass all it
// declares (and refuse, with the right error, all it does not).
import { test } from "vitest";
import { suite } from "../src/index.js";
import * as independent from "../src/independent/index.js";

const seed = Number(process.env.MV_CONFORMANCE_SEED) || undefined;
const used = suite({ test, impl: independent, seed });
console.log(`independent: conformance seed ${used} (MV_CONFORMANCE_SEED=${used} replays it)`);
