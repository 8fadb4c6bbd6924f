// One worker of shared-counters.mjs: views the SharedArrayBuffer it was
// given, waits for the start signal, then adds to every counter atomically.
import { workerData } from "node:worker_threads";
import { MemoryView } from "@mv/core";

const { sab, counters, increments } = workerData;
const table = MemoryView.from(new Int32Array(sab)).reshape([2, counters]);
// Row 0 holds the counters, row 1 the control words. toTypedArray() of a
// writable C-contiguous view is the shared memory itself, which Atomics needs.
const counterWords = table.index(0, 0).toTypedArray();
const control = table.index(0, 1).toTypedArray();

Atomics.wait(control, 0, 0); // until the main thread stores 1 and notifies
for (let round = 0; round < increments; round++) {
  for (let i = 0; i < counters; i++) Atomics.add(counterWords, i, i + 1);
}
Atomics.add(control, 1, 1); // one more worker done
Atomics.notify(control, 1);
