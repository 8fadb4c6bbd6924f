// Exercises every entry point of the compiled addon, good and bad input, for
// scripts/memcheck.sh to run under valgrind. Plain Node, no test runner: the
// runner's own work would only slow valgrind down. Exits non-zero when a
// check fails, so a wrong result is caught too, not only a memory error.
// Usage: node --expose-gc scripts/memcheck.mjs [path/to/mv_native.node]
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const addonPath = process.argv[2] ?? fileURLToPath(new URL("../build/Release/mv_native.node", import.meta.url));
const addon = require(addonPath);
const gc = globalThis.gc ?? (() => {});
const rounds = Number(process.env.MEMCHECK_ROUNDS ?? 200);

let finalized = 0;
const onFinalize = (address, byteLength) => {
  assert.equal(typeof address, "bigint");
  assert.equal(typeof byteLength, "number");
  finalized++;
};

for (let round = 0; round < rounds; round++) {
  // baseAddress over every kind of memory it accepts.
  const small = new Uint8Array(16); // on the JS heap until its buffer is asked for
  const base = addon.baseAddress(small.buffer);
  assert.equal(addon.baseAddress(small), base);
  assert.equal(addon.baseAddress(new DataView(small.buffer, 4)), base + 4n);
  assert.equal(addon.baseAddress(new Float64Array(new ArrayBuffer(64), 8)) % 8n, 0n);
  const shared = new SharedArrayBuffer(32);
  const sharedBase = addon.baseAddress(new Uint8Array(shared));
  assert.equal(addon.baseAddress(new Int32Array(shared, 8)), sharedBase + 8n);
  addon.baseAddress(new ArrayBuffer(0));

  // isDetached before and after a transfer.
  const doomed = new ArrayBuffer(24);
  assert.equal(addon.isDetached(doomed), false);
  structuredClone(doomed, { transfer: [doomed] });
  assert.equal(addon.isDetached(doomed), true);
  addon.baseAddress(doomed);

  // wrapAddress: the wrapped bytes are the original bytes.
  const target = new Uint8Array(64);
  const wrapped = new Uint8Array(addon.wrapAddress(addon.baseAddress(target.buffer), 64));
  wrapped.fill(round & 0xff);
  assert.equal(target[63], round & 0xff);
  const withFinalizer = addon.wrapAddress(addon.baseAddress(target.buffer), 8, onFinalize);
  assert.equal(withFinalizer.byteLength, 8);
  addon.wrapAddress(addon.baseAddress(target.buffer), 0, undefined);

  // Bad arguments throw, and leak nothing.
  for (const call of [
    () => addon.baseAddress(),
    () => addon.baseAddress(1),
    () => addon.baseAddress(shared),
    () => addon.isDetached(shared),
    () => addon.isDetached(small),
    () => addon.wrapAddress(1, 8),
    () => addon.wrapAddress(-1n, 8),
    () => addon.wrapAddress(2n ** 64n, 8),
    () => addon.wrapAddress(8n, -1),
    () => addon.wrapAddress(8n, 1.5),
    () => addon.wrapAddress(8n, "8"),
    () => addon.wrapAddress(8n, 8, 42),
    () => addon.wrapAddress(8n),
  ]) {
    assert.throws(call, (error) => error instanceof TypeError || error instanceof RangeError);
  }
  if (round % 50 === 0) gc();
}

// Let the finalizers of collected wrappers run (they are deferred to the
// event loop), then check that they did.
for (let pass = 0; pass < 5 && finalized < rounds; pass++) {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
assert.ok(globalThis.gc === undefined || finalized > 0, "no finalizer ran");
console.log(`memcheck.mjs: ${rounds} rounds passed, ${finalized} finalizers ran`);
