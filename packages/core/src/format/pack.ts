/**
 * The pack loop: `s_pack_internal()` over a compiled format's codes.
 *
 * Values are checked and written one after the other, so a refused value
 * leaves the values before it written, as in CPython; callers zero the
 * struct's bytes first (`memset`), which also writes the pad bytes. Like the
 * unpack loop, formats of at most eight values get a closure with every
 * offset precomputed.
 *
 * @packageDocumentation
 */

import { writeBytes, writePascal } from "./byte-rows.js";
import type { Code } from "./code.js";
import type { PackFn } from "./row.js";

/**
 * Writes `values[valueIndex …]` as a struct that begins at `byteOffset` of
 * `view`. The caller has checked the number of values.
 */
export type Packer = (view: DataView, byteOffset: number, values: ArrayLike<unknown>, valueIndex: number) => void;

/**
 * The writer of one value of `code` (for `s` and `p`, the whole field).
 *
 * @example
 * ```ts
 * const u = new Uint8Array(2); fieldWriter(compileFormat("<h").codes[0])(new DataView(u.buffer), 0, 258); u; // returns new Uint8Array([2, 1])
 * ```
 */
export function fieldWriter(code: Code): PackFn {
  const size = code.size;
  switch (code.row.char) {
    case "s":
      return (view, byteOffset, value) => writeBytes(view, byteOffset, size, value);
    case "p":
      return (view, byteOffset, value) => writePascal(view, byteOffset, size, value);
    default:
      return code.row.pack as PackFn;
  }
}

function smallPacker(writers: PackFn[], offsets: number[]): Packer {
  const [w0, w1, w2, w3, w4, w5, w6, w7] = writers as [PackFn, PackFn, PackFn, PackFn, PackFn, PackFn, PackFn, PackFn];
  const [o0, o1, o2, o3, o4, o5, o6, o7] = offsets as [number, number, number, number, number, number, number, number];
  switch (writers.length) {
    case 0:
      return () => {};
    case 1:
      return (v, b, a, i) => {
        w0(v, b + o0, a[i]);
      };
    case 2:
      return (v, b, a, i) => {
        w0(v, b + o0, a[i]);
        w1(v, b + o1, a[i + 1]);
      };
    case 3:
      return (v, b, a, i) => {
        w0(v, b + o0, a[i]);
        w1(v, b + o1, a[i + 1]);
        w2(v, b + o2, a[i + 2]);
      };
    case 4:
      return (v, b, a, i) => {
        w0(v, b + o0, a[i]);
        w1(v, b + o1, a[i + 1]);
        w2(v, b + o2, a[i + 2]);
        w3(v, b + o3, a[i + 3]);
      };
    default:
      return (v, b, a, i) => {
        const n = writers.length;
        w0(v, b + o0, a[i]);
        w1(v, b + o1, a[i + 1]);
        w2(v, b + o2, a[i + 2]);
        w3(v, b + o3, a[i + 3]);
        w4(v, b + o4, a[i + 4]);
        if (n > 5) w5(v, b + o5, a[i + 5]);
        if (n > 6) w6(v, b + o6, a[i + 6]);
        if (n > 7) w7(v, b + o7, a[i + 7]);
      };
  }
}

function codeLoopPacker(codes: readonly Code[]): Packer {
  const writers = codes.map(fieldWriter);
  const byteOffsets = codes.map((c) => c.byteOffset);
  const sizes = codes.map((c) => c.size);
  const counts = codes.map((c) => c.repeat);
  const n = codes.length;
  return (view, byteOffset, values, valueIndex) => {
    let k = valueIndex;
    for (let i = 0; i < n; i++) {
      const write = writers[i];
      const size = sizes[i];
      const count = counts[i];
      let at = byteOffset + byteOffsets[i];
      for (let j = 0; j < count; j++, at += size) write(view, at, values[k++]);
    }
  };
}

/**
 * The pack loop for `codes`, which take `len` values in all.
 *
 * @example
 * ```ts
 * const u = new Uint8Array(4); makePacker(compileFormat(">hh").codes, 2)(new DataView(u.buffer), 0, [1, 2], 0); u; // returns new Uint8Array([0, 1, 0, 2])
 * ```
 */
export function makePacker(codes: readonly Code[], len: number): Packer {
  if (len <= 8) {
    const writers: PackFn[] = [];
    const offsets: number[] = [];
    for (const code of codes) {
      const write = fieldWriter(code);
      for (let j = 0; j < code.repeat; j++) {
        writers.push(write);
        offsets.push(code.byteOffset + j * code.size);
      }
    }
    return smallPacker(writers, offsets);
  }
  return codeLoopPacker(codes);
}
