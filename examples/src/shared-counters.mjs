// worker_threads sharing one SharedArrayBuffer through views: each worker
// builds its own MemoryView over the same memory (a view cannot cross
// threads, the memory can), and they meet through Atomics on the
// TypedArrays those views hand out without copying.
//
//   node src/shared-counters.mjs
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { MemoryView } from "@mv/core";

const WORKER_URL = new URL("./shared-counters-worker.mjs", import.meta.url);

/**
 * Runs `workers` threads that each add i + 1 to counter i, `increments`
 * times, and returns the counters as the main thread's view sees them.
 */
export async function runSharedCounters({ workers = 4, counters = 4, increments = 1000 } = {}) {
  const sab = new SharedArrayBuffer(2 * counters * Int32Array.BYTES_PER_ELEMENT);
  const table = MemoryView.from(new Int32Array(sab)).reshape([2, counters]);
  const control = table.index(0, 1).toTypedArray();
  const threads = Array.from({ length: workers }, () => new Worker(WORKER_URL, { workerData: { sab, counters, increments } }));
  await Promise.all(threads.map((thread) => new Promise((resolve) => thread.once("online", resolve))));
  Atomics.store(control, 0, 1); // start signal
  Atomics.notify(control, 0);
  const exits = threads.map(
    (thread) =>
      new Promise((resolve, reject) => {
        thread.once("error", reject);
        thread.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      }),
  );
  await Promise.all(exits);
  return { counts: table.index(0, 0).toList(), finished: Atomics.load(control, 1), sharedMemory: control.buffer === sab };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { counts, finished, sharedMemory } = await runSharedCounters();
  console.log(`${finished} workers finished; counters ${JSON.stringify(counts)}; zero-copy: ${sharedMemory}`);
}
