// The cost of getting a raw address: @mv/native's addressOf against koffi's
// own ways, measured in one run. Prints a markdown table (median ns per call,
// ratio to koffi.address) for the README. Run with `pnpm bench` (it builds
// dist/ first); needs the compiled addon.
//
// Each task times a batch of calls, not one, so the timer's own cost (tens of
// nanoseconds) does not drown a call of about the same size; the per-call
// median is the batch median divided by the batch size.
import { cpus, platform, release } from "node:os";
import koffi from "koffi";
import { Bench } from "tinybench";
import { GET_BUFFER, MemoryView } from "@mv/core";
import { addressOf, available, loadError } from "../dist/index.js";
import { binding } from "../dist/load.js";

if (!available) {
  // Like the tests: skipped with the reason, a failure only where the addon is required.
  console.error(`bench skipped: ${loadError?.message}`);
  process.exit(process.env.MV_NATIVE_REQUIRED === "1" ? 1 : 0);
}

const BATCH = 1000;
const libc = koffi.load(process.platform === "darwin" ? "libc.dylib" : "libc.so.6");
const memset = libc.func("void *memset(void *s, int c, size_t n)");
const malloc = libc.func("void *malloc(size_t n)");

const large = new Float64Array(1024);
const small = new Uint8Array(16);
const strided = {
  [GET_BUFFER]: () => ({
    obj: null,
    buf: large.buffer,
    offset: 8 * 1023,
    len: 8 * 512,
    readonly: false,
    itemsize: 8,
    format: "d",
    ndim: 1,
    shape: [512],
    strides: [-16],
    suboffsets: null,
  }),
};
const memoryView = MemoryView.from(large).slice([null, null, -2]);
const pointer = malloc(64); // an External pointer object, koffi's currency
const rawBuffer = large.buffer;

let sink = 0n;
const tasks = [
  ["koffi.address(pointer) (peer: unwrap a koffi pointer)", () => (sink ^= koffi.address(pointer)), "peer"],
  [
    "koffi.address(memset(array, 0, 0)) (peer: koffi's way from a TypedArray)",
    () => (sink ^= koffi.address(memset(large, 0, 0))),
  ],
  ["addressOf(Float64Array(1024))", () => (sink ^= addressOf(large))],
  ["addressOf(Uint8Array(16)) (on-heap size)", () => (sink ^= addressOf(small))],
  ["addressOf(MemoryView, step -2 slice)", () => (sink ^= addressOf(memoryView))],
  ["addressOf(plain-object exporter, stride -16)", () => (sink ^= addressOf(strided))],
  ["addon baseAddress(ArrayBuffer) (floor: the native call alone)", () => (sink ^= binding.baseAddress(rawBuffer))],
];

const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const [name, call] of tasks) {
  bench.add(name, () => {
    for (let i = 0; i < BATCH; i++) call();
  });
}
await bench.run();

const medianNs = (task) => (task.result.latency.p50 * 1e6) / BATCH;
const peer = medianNs(bench.tasks[0]);
const memsetPeer = medianNs(bench.tasks[1]);
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `\n${new Date().toISOString().slice(0, 10)}, ${cpu} (${cpus().length} cores), ${platform()} ${release()}, Node ${process.version}, koffi ${koffi.version}\n`,
);
console.log("| task | median ns/call | vs koffi.address | vs koffi memset |");
console.log("|---|---:|---:|---:|");
for (const task of bench.tasks) {
  const ns = medianNs(task);
  console.log(`| ${task.name} | ${ns.toFixed(1)} | ${(ns / peer).toFixed(2)}× | ${(ns / memsetPeer).toFixed(2)}× |`);
}
if (sink === 1n) console.log(""); // keep the results alive
