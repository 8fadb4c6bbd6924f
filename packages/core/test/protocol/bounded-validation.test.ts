/**
 * getBuffer's validation of a suboffset layout costs the distinct pointer
 * slots it reaches, not the product of the shape: a hostile exporter whose
 * 4,096 pointers each lead to a 4,096-slot run (16.7 million index pairs
 * over 8,191 distinct slots in 64 KiB) is answered, right or wrong, at
 * once. No timing: a quadratic walk would time the test out.
 */
import { describe, expect, test } from "vitest";
import { BufferError } from "../../src/errors.js";
import {
  BufferFlags,
  GET_BUFFER,
  copyBuffer,
  fromContiguous,
  getBuffer,
  getPointer,
  reachableExtent,
  releaseBuffer,
  toContiguous,
  type BufferInfo,
} from "../../src/protocol/index.js";

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
    const info = {
      obj: null,
      buf,
      offset: 0,
      len: 2 ** 40,
      readonly: true,
      itemsize: 1,
      format: "B",
      ndim: 3,
      shape: [1, 2 ** 40, 1],
      strides: [8, 1, 8],
      suboffsets: [0, -1, 0],
    };
    expect(() => reachableExtent(info, buf)).toThrow(BufferError);
  });
});

describe("a caller's BufferInfo is checked at every use, not trusted from the first", () => {
  const make = () => {
    const bytes = new Uint8Array(16).fill(0xee); // guard bytes past the 4 the info covers
    const info = {
      obj: null,
      buf: bytes.buffer,
      offset: 0,
      len: 4,
      readonly: false,
      itemsize: 1,
      format: "B",
      ndim: 1,
      shape: [4],
      strides: [1],
      suboffsets: null,
    } as { -readonly [K in keyof BufferInfo]: BufferInfo[K] } & { shape: number[]; strides: number[] };
    return { bytes, info };
  };
  test("toContiguous after the caller grows its shape past buf", () => {
    const { info } = make();
    expect(Array.from(toContiguous(info))).toEqual([0xee, 0xee, 0xee, 0xee]);
    info.shape[0] = 64;
    info.len = 64;
    expect(() => toContiguous(info)).toThrow(BufferError);
  });
  test("copyBuffer and fromContiguous after the caller moves the strides out", () => {
    const { bytes, info } = make();
    const source = { ...info, buf: new Uint8Array([1, 2, 3, 4]).buffer, shape: [4], strides: [1] };
    copyBuffer(info, source);
    expect(Array.from(bytes.subarray(0, 5))).toEqual([1, 2, 3, 4, 0xee]);
    info.strides[0] = 100;
    expect(() => copyBuffer(info, source)).toThrow(BufferError);
    expect(() => fromContiguous(info, new Uint8Array(4))).toThrow(BufferError);
    expect(Array.from(bytes.subarray(4))).toEqual(new Array(12).fill(0xee));
  });
  test("a getter that answers differently each time is read once per use", () => {
    const bytes = new Uint8Array(8);
    let reads = 0;
    const info = {
      obj: null,
      buf: bytes.buffer,
      offset: 0,
      readonly: false,
      itemsize: 1,
      format: "B",
      ndim: 1,
      strides: [1],
      suboffsets: null,
      get len() {
        return 4;
      },
      get shape() {
        reads++;
        return reads === 1 ? [4] : [4096];
      },
    };
    expect(toContiguous(info as unknown as BufferInfo).length).toBe(4);
    expect(() => toContiguous(info as unknown as BufferInfo)).toThrow(BufferError);
  });
});
