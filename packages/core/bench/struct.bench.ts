/**
 * The struct codec against hand-written DataView code and the npm struct
 * libraries (python-struct, @aksel/structjs, binary-parser, restructure),
 * measured in the same run. Each task does a whole batch (1M records, 1M
 * packs, 10k unpacks of 100 doubles), so the per-call cost of the benchmark
 * harness does not count. Ratios and medians go in the README
 * (`node bench/report.mjs` turns `pnpm vitest bench --run
 * --outputJson bench/results.json` into the table).
 *
 * Each `@mv/core` task runs twice: with the functions generated per format
 * (the default where `new Function` is allowed) and with the interpreter
 * forced (as under a Content Security Policy that forbids eval).
 *
 * Before anything is timed, five other formats go through the same functions,
 * so that call sites are as polymorphic (megamorphic) as in a program that
 * uses several formats. `struct-fresh.bench.ts` times the same read in a
 * process that has seen one format only.
 */
import { Buffer } from "node:buffer";
import struct from "@aksel/structjs";
import { Parser } from "binary-parser";
import pythonStruct from "python-struct";
import * as restructure from "restructure";
import { bench, describe } from "vitest";
import { Struct, pack, unpackFrom } from "../src/index.js";
import { setCodeGeneration } from "../src/codec/code-generation.js";

/** `new Struct(format)` with the interpreter forced. */
function interpretedStruct(format: string): Struct {
  const before = setCodeGeneration(false);
  try {
    return new Struct(format);
  } finally {
    setCodeGeneration(before);
  }
}

const RECORDS = 1_000_000;

/**
 * The npm peers take up to seconds per batch: three timed batches after one
 * warm-up are enough for ratios of 5× and more, and keep the run short.
 */
const PEER = { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 };

/** Where each batch leaves its results, so that none is optimised away. */
export let sink: unknown;

// Warm every code path with other formats first.
for (const [format, values] of [
  ["<hbq", [1, 2, 3n]],
  [">dd", [1.5, 2.5]],
  ["@bi?", [1, 2, true]],
  ["<5H", [1, 2, 3, 4, 5]],
  ["=e3s", [0.5, new Uint8Array([1])]],
] as const) {
  for (const s of [new Struct(format), interpretedStruct(format)]) {
    const into = new Uint8Array(s.size + 8);
    for (let i = 0; i < 20_000; i++) {
      sink = s.unpack(s.pack(...values));
      sink = s.unpackFrom(into, i & 7);
      s.packInto(into, i & 7, ...values);
      sink = unpackFrom(format, pack(format, ...values));
    }
  }
}

// ---- '<iid': 16-byte records -----------------------------------------------

const IID_SIZE = 16;
const iidBytes = new Uint8Array(RECORDS * IID_SIZE);
{
  const fill = new DataView(iidBytes.buffer);
  for (let r = 0; r < RECORDS; r++) {
    fill.setInt32(r * IID_SIZE, r, true);
    fill.setInt32(r * IID_SIZE + 4, -r, true);
    fill.setFloat64(r * IID_SIZE + 8, r / 3, true);
  }
}
const iidBuffer = Buffer.from(iidBytes.buffer, iidBytes.byteOffset, iidBytes.byteLength);

const iid = new Struct("<iid");
const iidInterpreted = interpretedStruct("<iid");
const iidAksel = struct("<iid");
const iidParser = new Parser().endianness("little").int32("a").int32("b").doublele("c");
const iidRestructure = new restructure.Struct({ a: restructure.int32le, b: restructure.int32le, c: restructure.doublele });

describe("unpackFrom('<iid') over 1M records", () => {
  bench("hand-written DataView loop", () => {
    const view = new DataView(iidBytes.buffer, iidBytes.byteOffset, iidBytes.byteLength);
    for (let r = 0; r < RECORDS; r++) {
      const o = r * IID_SIZE;
      sink = [view.getInt32(o, true), view.getInt32(o + 4, true), view.getFloat64(o + 8, true)];
    }
  });
  bench("@mv/core Struct('<iid').unpackFrom", () => {
    for (let r = 0; r < RECORDS; r++) sink = iid.unpackFrom(iidBytes, r * IID_SIZE);
  });
  bench("@mv/core Struct('<iid').unpackFrom, interpreter", () => {
    for (let r = 0; r < RECORDS; r++) sink = iidInterpreted.unpackFrom(iidBytes, r * IID_SIZE);
  });
  bench("@mv/core unpackFrom('<iid', …)", () => {
    for (let r = 0; r < RECORDS; r++) sink = unpackFrom("<iid", iidBytes, r * IID_SIZE);
  });
  bench(
    "python-struct unpackFrom('<iid', …)",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = pythonStruct.unpackFrom("<iid", iidBuffer, false, r * IID_SIZE);
    },
    PEER,
  );
  bench(
    "@aksel/structjs unpack_from",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = iidAksel.unpack_from(iidBytes.buffer, r * IID_SIZE);
    },
    PEER,
  );
  bench(
    "binary-parser parse(subarray)",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = iidParser.parse(iidBytes.subarray(r * IID_SIZE, r * IID_SIZE + IID_SIZE));
    },
    PEER,
  );
  bench(
    "restructure fromBuffer(subarray)",
    () => {
      for (let r = 0; r < RECORDS; r++) {
        sink = iidRestructure.fromBuffer(iidBytes.subarray(r * IID_SIZE, r * IID_SIZE + IID_SIZE));
      }
    },
    PEER,
  );
});

// ---- '<HHIqd4s': 28-byte records, a bigint and a bytes field --------------

const WIDE_SIZE = 28;
const wideBytes = new Uint8Array(RECORDS * WIDE_SIZE);
{
  const fill = new DataView(wideBytes.buffer);
  for (let r = 0; r < RECORDS; r++) {
    const o = r * WIDE_SIZE;
    fill.setUint16(o, r & 0xffff, true);
    fill.setUint16(o + 2, (r * 7) & 0xffff, true);
    fill.setUint32(o + 4, r * 3, true);
    fill.setBigInt64(o + 8, BigInt(-r), true);
    fill.setFloat64(o + 16, r / 7, true);
    fill.setUint32(o + 24, 0x64636261, true);
  }
}
const wideBuffer = Buffer.from(wideBytes.buffer, wideBytes.byteOffset, wideBytes.byteLength);
const wide = new Struct("<HHIqd4s");
const wideInterpreted = interpretedStruct("<HHIqd4s");
const wideParser = new Parser()
  .endianness("little")
  .uint16("a")
  .uint16("b")
  .uint32("c")
  .int64("d")
  .doublele("e")
  .buffer("f", { length: 4 });

describe("unpackFrom('<HHIqd4s') over 1M records", () => {
  bench("hand-written DataView loop", () => {
    const view = new DataView(wideBytes.buffer, wideBytes.byteOffset, wideBytes.byteLength);
    for (let r = 0; r < RECORDS; r++) {
      const o = r * WIDE_SIZE;
      sink = [
        view.getUint16(o, true),
        view.getUint16(o + 2, true),
        view.getUint32(o + 4, true),
        view.getBigInt64(o + 8, true),
        view.getFloat64(o + 16, true),
        wideBytes.slice(o + 24, o + 28),
      ];
    }
  });
  bench("@mv/core Struct('<HHIqd4s').unpackFrom", () => {
    for (let r = 0; r < RECORDS; r++) sink = wide.unpackFrom(wideBytes, r * WIDE_SIZE);
  });
  bench("@mv/core Struct('<HHIqd4s').unpackFrom, interpreter", () => {
    for (let r = 0; r < RECORDS; r++) sink = wideInterpreted.unpackFrom(wideBytes, r * WIDE_SIZE);
  });
  bench(
    "python-struct unpackFrom('<HHIqd4s', …)",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = pythonStruct.unpackFrom("<HHIqd4s", wideBuffer, false, r * WIDE_SIZE);
    },
    PEER,
  );
  bench(
    "binary-parser parse(subarray)",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = wideParser.parse(wideBytes.subarray(r * WIDE_SIZE, r * WIDE_SIZE + WIDE_SIZE));
    },
    PEER,
  );
  // @aksel/structjs and restructure have no 8-byte integers.
});

// ---- pack('<iid') ------------------------------------------------------------

const scratch = new Uint8Array(IID_SIZE);
const scratchView = new DataView(scratch.buffer);

describe("pack('<iid') 1M times", () => {
  bench("scratch DataView + slice() floor", () => {
    for (let r = 0; r < RECORDS; r++) {
      scratchView.setInt32(0, r, true);
      scratchView.setInt32(4, -r, true);
      scratchView.setFloat64(8, 0.5, true);
      sink = scratch.slice();
    }
  });
  bench("@mv/core Struct('<iid').pack", () => {
    for (let r = 0; r < RECORDS; r++) sink = iid.pack(r, -r, 0.5);
  });
  bench("@mv/core Struct('<iid').pack, interpreter", () => {
    for (let r = 0; r < RECORDS; r++) sink = iidInterpreted.pack(r, -r, 0.5);
  });
  bench("@mv/core pack('<iid', …)", () => {
    for (let r = 0; r < RECORDS; r++) sink = pack("<iid", r, -r, 0.5);
  });
  bench(
    "python-struct pack('<iid', …)",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = pythonStruct.pack("<iid", [r, -r, 0.5]);
    },
    PEER,
  );
  bench(
    "@aksel/structjs pack",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = iidAksel.pack(r, -r, 0.5);
    },
    PEER,
  );
  bench(
    "restructure toBuffer",
    () => {
      for (let r = 0; r < RECORDS; r++) sink = iidRestructure.toBuffer({ a: r, b: -r, c: 0.5 });
    },
    PEER,
  );
  // binary-parser only parses.
});

// ---- packInto('<iid') into one 16 MB buffer ---------------------------------

const target = new Uint8Array(RECORDS * IID_SIZE);

describe("packInto('<iid') 1M records into one 16 MB buffer", () => {
  bench("hand-written DataView loop", () => {
    const view = new DataView(target.buffer);
    for (let r = 0; r < RECORDS; r++) {
      const o = r * IID_SIZE;
      view.setInt32(o, r, true);
      view.setInt32(o + 4, -r, true);
      view.setFloat64(o + 8, 0.5, true);
    }
    sink = target;
  });
  bench("@mv/core Struct('<iid').packInto", () => {
    for (let r = 0; r < RECORDS; r++) iid.packInto(target, r * IID_SIZE, r, -r, 0.5);
    sink = target;
  });
  bench("@mv/core Struct('<iid').packInto, interpreter", () => {
    for (let r = 0; r < RECORDS; r++) iidInterpreted.packInto(target, r * IID_SIZE, r, -r, 0.5);
    sink = target;
  });
  bench(
    "@aksel/structjs pack_into",
    () => {
      for (let r = 0; r < RECORDS; r++) iidAksel.pack_into(target.buffer, r * IID_SIZE, r, -r, 0.5);
      sink = target;
    },
    PEER,
  );
  // python-struct, binary-parser and restructure have no pack_into.
});

// ---- '<100d' -------------------------------------------------------------------

const DOUBLES = 100;
const doubles = new Float64Array(DOUBLES).map((_, i) => i * 1.25);
const doubleBytes = new Uint8Array(doubles.buffer);
const d100 = new Struct("<100d");
const d100Interpreted = interpretedStruct("<100d");
const BATCH = 10_000;

describe("Struct('<100d').unpack, 10k times", () => {
  bench("new Float64Array(…) copy", () => {
    for (let i = 0; i < BATCH; i++) sink = new Float64Array(doubles);
  });
  bench("@mv/core Struct('<100d').unpack", () => {
    for (let i = 0; i < BATCH; i++) sink = d100.unpack(doubleBytes);
  });
  bench("@mv/core Struct('<100d').unpack, interpreter", () => {
    for (let i = 0; i < BATCH; i++) sink = d100Interpreted.unpack(doubleBytes);
  });
});
