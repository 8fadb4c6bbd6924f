#!/usr/bin/env node
/**
 * Bytes retained per view: 100,000 `MemoryView.from(Float64Array)` views
 * kept alive in an array, against 100,000 `Float64Array.subarray()`s (the
 * baseline) measured the same way in the same run. Heap used is read with
 * `process.memoryUsage()` after full collections (`--expose-gc`, which
 * `pnpm bench` passes); the array holding the objects is allocated before
 * the first reading, so only the objects count.
 *
 *     node --expose-gc bench/view-memory.mjs
 */
import { MemoryView } from "../dist/index.js";

const COUNT = 100_000;
if (typeof globalThis.gc !== "function") {
  console.error("run with node --expose-gc");
  process.exit(2);
}

function heapUsed() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Median bytes per object kept by `make` over `runs` runs. */
function bytesPerObject(make, runs = 5) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const keep = new Array(COUNT).fill(null);
    const before = heapUsed();
    for (let i = 0; i < COUNT; i++) keep[i] = make(i);
    const after = heapUsed();
    results.push((after - before) / COUNT);
    if (keep.length !== COUNT) throw new Error("unreachable");
  }
  results.sort((a, b) => a - b);
  return results[runs >> 1];
}

const source = new Float64Array(1024);
const subarray = bytesPerObject(() => source.subarray());
const view = bytesPerObject(() => MemoryView.from(source));
const sliced = MemoryView.from(source);
const slice = bytesPerObject(() => sliced.sliceDim(0, 1, -1));
const rows = [
  ["`Float64Array.prototype.subarray()`", subarray],
  ["`MemoryView.from(Float64Array)`", view],
  ["`view.sliceDim(0, 1, -1)` (a derived view)", slice],
];
console.log(`\nBytes retained per object, ${COUNT.toLocaleString("en")} objects, Node ${process.version}\n`);
console.log("| object | bytes retained | ratio to subarray |");
console.log("|---|---:|---:|");
for (const [name, bytes] of rows) console.log(`| ${name} | ${bytes.toFixed(0)} | ${(bytes / subarray).toFixed(2)}× |`);
