/**
 * `Struct('<iid').unpackFrom` in a process (vitest runs each bench file in
 * its own worker) where no other format has gone through the codec, against
 * the hand-written DataView loop: the best case, beside the megamorphic one
 * of `struct.bench.ts`.
 */
import { bench, describe } from "vitest";
import { Struct } from "../src/index.js";
import { setCodeGeneration } from "../src/codec/code-generation.js";

const RECORDS = 1_000_000;
const IID_SIZE = 16;

/** Where each batch leaves its results, so that none is optimised away. */
export let sink: unknown;

const bytes = new Uint8Array(RECORDS * IID_SIZE);
const fill = new DataView(bytes.buffer);
for (let r = 0; r < RECORDS; r++) {
  fill.setInt32(r * IID_SIZE, r, true);
  fill.setInt32(r * IID_SIZE + 4, -r, true);
  fill.setFloat64(r * IID_SIZE + 8, r / 3, true);
}
const iid = new Struct("<iid");
const before = setCodeGeneration(false);
const iidInterpreted = new Struct("<iid");
setCodeGeneration(before);

describe("fresh process: unpackFrom('<iid') over 1M records", () => {
  bench("hand-written DataView loop", () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let r = 0; r < RECORDS; r++) {
      const o = r * IID_SIZE;
      sink = [view.getInt32(o, true), view.getInt32(o + 4, true), view.getFloat64(o + 8, true)];
    }
  });
  bench("@mv/core Struct('<iid').unpackFrom", () => {
    for (let r = 0; r < RECORDS; r++) sink = iid.unpackFrom(bytes, r * IID_SIZE);
  });
  bench("@mv/core Struct('<iid').unpackFrom, interpreter", () => {
    for (let r = 0; r < RECORDS; r++) sink = iidInterpreted.unpackFrom(bytes, r * IID_SIZE);
  });
});
