/**
 * `hashBytes` and `siphash13`: the 53-bit reduction of CPython's
 * PYTHONHASHSEED=0 hash (checked against CPython in bytes.fixture.test.ts),
 * and its properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytearray, bytes, getBuffer, hashBytes, releaseBuffer, resolveBuffer, siphash13 } from "./support/api.js";

describe("hashBytes", () => {
  it("is 0 for no bytes, as CPython's _Py_HashBytes", () => {
    expect(hashBytes(new Uint8Array(0))).toBe(0);
    expect(bytes().hash()).toBe(0);
  });

  it("is the signed 53-bit reduction of SipHash-1-3 under the zero key", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (data) => {
        let full = BigInt.asIntN(64, siphash13(data));
        if (full === -1n) full = -2n;
        const h = hashBytes(data);
        expect(h).toBe(Number(BigInt.asIntN(53, full)));
        expect(Number.isSafeInteger(h)).toBe(true);
      }),
    );
  });

  it("depends only on the content, wherever it lives", () => {
    const data = new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const shifted = new Uint8Array(20);
    shifted.set(data, 5);
    expect(hashBytes(shifted.subarray(5, 14))).toBe(hashBytes(data));
    const info = getBuffer(bytearray(data));
    expect(hashBytes(new Uint8Array(resolveBuffer(info), info.offset, info.len))).toBe(bytes(data).hash());
    releaseBuffer(info);
  });

  it("changes with the key of siphash13", () => {
    const data = new Uint8Array([1, 2, 3]);
    expect(siphash13(data, 1n, 0n)).not.toBe(siphash13(data));
    expect(siphash13(data, 0n, 1n)).not.toBe(siphash13(data));
    expect(siphash13(data)).toBe(siphash13(data, 0n, 0n));
  });
});
