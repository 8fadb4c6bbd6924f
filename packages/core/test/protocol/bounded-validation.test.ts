/**
 * getBuffer's validation of a suboffset layout costs the distinct pointer
 * slots it reaches, not the product of the shape: a hostile exporter whose
 * 4,096 pointers each lead to a 4,096-slot run (16.7 million index pairs
 * over 8,191 distinct slots in 64 KiB) is answered, right or wrong, at
 * once. No timing: a quadratic walk would time the test out.
 */
import { describe, expect, test } from "vitest";
import { BufferError } from "../../src/errors.js";
import { BufferFlags, GET_BUFFER, getBuffer, getPointer, reachableExtent, releaseBuffer } from "../../src/protocol/index.js";

const N = 4096;

/** dim 0: N pointers at bytes 8i to byte 8i; dim 1: N direct steps of 8; dim 2: a pointer per position. */
function hostile(bufBytes: number): object {
  const buf = new ArrayBuffer(bufBytes);
  const slots = new BigUint64Array(buf);
  for (let k = 0; k < slots.length; k++) slots[k] = BigInt(8 * k);
  return {
    [GET_BUFFER]: () => ({
      obj: null,
      buf,
      offset: 0,
      len: N * N,
      readonly: true,
      itemsize: 1,
      format: "B",
      ndim: 3,
      shape: [N, N, 1],
      strides: [8, 8, 8],
      suboffsets: [0, -1, 0],
    }),
  };
}

describe("suboffset validation is linear in the distinct pointer slots", () => {
  test("a layout whose slots all lie inside buf is accepted, and its pointers resolve", () => {
    const info = getBuffer(hostile(16 * N), BufferFlags.FULL_RO);
    expect(reachableExtent(info, info.buf)).toEqual([0, 16 * N - 8]);
    expect(getPointer(info, [N - 1, N - 1, 0])).toBe(8 * (2 * N - 2));
    releaseBuffer(info);
  });
  test("one slot short: refused, naming a slot outside buf", () => {
    expect(() => getBuffer(hostile(16 * N - 16), BufferFlags.FULL_RO)).toThrow(
      /invalid BufferInfo: the suboffset pointer slot at byte \d+ \(dimension 2, index 0\) is outside buf/,
    );
  });
  test("a direct dimension reaching more positions than buf has bytes is refused before it is walked", () => {
    const buf = new ArrayBuffer(64);
    new BigUint64Array(buf).fill(0n);
    const info = { obj: null, buf, offset: 0, len: 2 ** 40, readonly: true, itemsize: 1, format: "B", ndim: 3,
      shape: [1, 2 ** 40, 1], strides: [8, 1, 8], suboffsets: [0, -1, 0] };
    expect(() => reachableExtent(info, buf)).toThrow(BufferError);
  });
});
