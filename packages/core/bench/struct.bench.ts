/**
 * The struct codec against hand-written DataView code and npm
 * `python-struct`, measured in the same run. Each task does a whole batch
 * (1M records, 1M packs, 10k unpacks of 100 doubles), so the per-call cost of
 * the benchmark harness does not count. Ratios and medians go in the README
 * (`node bench/report.mjs` turns `pnpm vitest bench --run
 * --outputJson bench/results.json` into the table).
 */
import { Buffer } from "node:buffer";
import pythonStruct from "python-struct";
import { bench, describe } from "vitest";
import { Struct, pack, unpackFrom } from "../src/index.js";

const RECORDS = 1_000_000;
const RECORD_SIZE = 16; // "<iid"

const bytes = new Uint8Array(RECORDS * RECORD_SIZE);
const fill = new DataView(bytes.buffer);
for (let r = 0; r < RECORDS; r++) {
  fill.setInt32(r * RECORD_SIZE, r, true);
  fill.setInt32(r * RECORD_SIZE + 4, -r, true);
  fill.setFloat64(r * RECORD_SIZE + 8, r / 3, true);
}
const nodeBuffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where each batch leaves its results, so that none is optimised away. */
export let sink: unknown;

// Warm every code path with other formats too, so that call sites are as
// polymorphic as they are in a program that uses more than one format.
for (const [format, values] of [
  ["<hbq", [1, 2, 3n]],
  [">dd", [1.5, 2.5]],
  ["@bi?", [1, 2, true]],
  ["<5H", [1, 2, 3, 4, 5]],
  ["=e3s", [0.5, new Uint8Array([1])]],
] as const) {
  const s = new Struct(format);
  for (let i = 0; i < 20_000; i++) {
    sink = s.unpack(s.pack(...values));
    sink = unpackFrom(format, pack(format, ...values));
  }
}

const iid = new Struct("<iid");

describe("unpackFrom('<iid') over 1M records", () => {
  bench("hand-written DataView loop", () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let r = 0; r < RECORDS; r++) {
      const o = r * RECORD_SIZE;
      sink = [view.getInt32(o, true), view.getInt32(o + 4, true), view.getFloat64(o + 8, true)];
    }
  });
  bench("@mv/core Struct('<iid').unpackFrom", () => {
    for (let r = 0; r < RECORDS; r++) sink = iid.unpackFrom(bytes, r * RECORD_SIZE);
  });
  bench("@mv/core unpackFrom('<iid', …)", () => {
    for (let r = 0; r < RECORDS; r++) sink = unpackFrom("<iid", bytes, r * RECORD_SIZE);
  });
  bench("python-struct unpackFrom('<iid', …)", () => {
    for (let r = 0; r < RECORDS; r++) sink = pythonStruct.unpackFrom("<iid", nodeBuffer, false, r * RECORD_SIZE);
  });
});

describe("pack('<iid') 1M times", () => {
  bench("hand-written DataView writes", () => {
    for (let r = 0; r < RECORDS; r++) {
      const out = new Uint8Array(16);
      const view = new DataView(out.buffer);
      view.setInt32(0, r, true);
      view.setInt32(4, -r, true);
      view.setFloat64(8, 0.5, true);
      sink = out;
    }
  });
  bench("@mv/core pack('<iid', …)", () => {
    for (let r = 0; r < RECORDS; r++) sink = pack("<iid", r, -r, 0.5);
  });
  bench("@mv/core Struct('<iid').pack", () => {
    for (let r = 0; r < RECORDS; r++) sink = iid.pack(r, -r, 0.5);
  });
  bench("python-struct pack('<iid', …)", () => {
    for (let r = 0; r < RECORDS; r++) sink = pythonStruct.pack("<iid", [r, -r, 0.5]);
  });
});

const DOUBLES = 100;
const doubles = new Float64Array(DOUBLES).map((_, i) => i * 1.25);
const doubleBytes = new Uint8Array(doubles.buffer);
const d100 = new Struct("<100d");
const BATCH = 10_000;

describe("Struct('<100d').unpack, 10k times", () => {
  bench("new Float64Array(…) copy", () => {
    for (let i = 0; i < BATCH; i++) sink = new Float64Array(doubles);
  });
  bench("@mv/core Struct('<100d').unpack", () => {
    for (let i = 0; i < BATCH; i++) sink = d100.unpack(doubleBytes);
  });
});
