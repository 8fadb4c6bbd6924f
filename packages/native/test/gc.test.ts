// V8 keeps typed arrays of up to 64 bytes (JS_TYPED_ARRAY_MAX_SIZE_IN_HEAP)
// inside the JS heap, where the garbage collector moves them. addressOf must
// give such an array a fixed backing store first, or the address goes stale
// at the next collection. Tests run with --expose-gc (vitest.config.ts).
import { expect, it } from "vitest";
import { addressOf, elementAddress } from "../src/index.js";
import { memset } from "./support/libc.js";
import { describeNative } from "./support/native-suite.js";

type Gc = (options?: { type?: "major" | "minor"; execution?: "sync" | "async" }) => void;

/** Allocates garbage and forces young and old collections, which move on-heap objects. */
function churn(gc: Gc): void {
  for (let round = 0; round < 4; round++) {
    let junk: unknown[] = [];
    for (let i = 0; i < 20_000; i++) junk.push(new Uint8Array(i % 64), { i });
    junk = [];
    gc({ type: "minor" });
    gc({ type: "major" });
  }
}

describeNative("small typed arrays across garbage collection", () => {
  it("keep their address through forced GCs, and FFI writes land in them", () => {
    const gc = globalThis.gc as Gc | undefined;
    expect(gc, "tests run with --expose-gc (vitest.config.ts)").toBeTypeOf("function");
    const arrays = [
      new Uint8Array(1),
      new Uint8Array(8),
      new Int16Array(5),
      new Float32Array(4),
      new Float64Array(8), // 64 bytes: the largest on-heap size
      new BigInt64Array(3),
      new Uint8Array(new Uint8Array(64).subarray(10, 20)),
    ];
    const addresses = arrays.map((array) => addressOf(array));
    const second = elementAddress(arrays[4], [1]);

    churn(gc!);

    expect(arrays.map((array) => addressOf(array))).toEqual(addresses);
    expect(elementAddress(arrays[4], [1])).toBe(second);
    arrays.forEach((array, i) => {
      memset(addresses[i]!, 0x5a, array.byteLength);
    });
    for (const array of arrays) {
      expect([...new Uint8Array(array.buffer, array.byteOffset, array.byteLength)]).toEqual(
        new Array(array.byteLength).fill(0x5a),
      );
    }
  });

  it("a subarray of a small array shares its fixed store", () => {
    const gc = globalThis.gc as Gc;
    const small = new Int32Array([5, 6, 7, 8]);
    const tail = small.subarray(2);
    const tailAddress = addressOf(tail);
    churn(gc);
    expect(addressOf(small) + 8n).toBe(tailAddress);
    memset(tailAddress, 0, 8);
    expect([...small]).toEqual([5, 6, 0, 0]);
  });
});
