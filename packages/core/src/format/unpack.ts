/**
 * The unpack loop: `s_unpack_internal()` over a compiled format's codes.
 *
 * The loop is chosen once per format, at compile time. A format of at most
 * eight values gets a closure that reads each value at its precomputed offset
 * straight into an array literal; longer formats run the codes, one call of
 * the row's run reader per code, whose DataView accessor the JIT inlines.
 * Neither parses nor allocates anything but the result (and `c s p` values).
 *
 * @packageDocumentation
 */

import { readBytes, readPascal } from "./byte-rows.js";
import type { Code } from "./code.js";
import type { UnpackFn, UnpackRunFn } from "./row.js";
import type { StructValue } from "./struct-value.js";

/**
 * Reads all the values of a struct that begins at `byteOffset` of `view`.
 */
export type Unpacker = (view: DataView, byteOffset: number) => StructValue[];

/**
 * The reader of one value of `code` (for `s` and `p`, the whole field).
 *
 * @example
 * ```ts
 * fieldReader(compileFormat("3s").codes[0])(new DataView(new Uint8Array([1, 2, 3]).buffer), 0); // returns new Uint8Array([1, 2, 3])
 * ```
 */
export function fieldReader(code: Code): UnpackFn {
  const size = code.size;
  switch (code.row.char) {
    case "s":
      return (view, byteOffset) => readBytes(view, byteOffset, size);
    case "p":
      return (view, byteOffset) => readPascal(view, byteOffset, size);
    default:
      return code.row.unpack as UnpackFn;
  }
}

/** The run reader of `code`: its row's, or one for a whole `s`/`p` field. */
function runReader(code: Code): UnpackRunFn {
  if (code.row.unpackRun !== null) return code.row.unpackRun;
  const read = fieldReader(code);
  return (view, byteOffset, _count, out, outIndex) => {
    out[outIndex] = read(view, byteOffset);
  };
}

/** Readers and offsets of every value, for formats of few values. */
function flatFields(codes: readonly Code[]): { readers: UnpackFn[]; offsets: number[] } {
  const readers: UnpackFn[] = [];
  const offsets: number[] = [];
  for (const code of codes) {
    const read = fieldReader(code);
    for (let j = 0; j < code.repeat; j++) {
      readers.push(read);
      offsets.push(code.byteOffset + j * code.size);
    }
  }
  return { readers, offsets };
}

/** The closure for formats of at most eight values. */
function smallUnpacker(readers: UnpackFn[], offsets: number[]): Unpacker {
  const [r0, r1, r2, r3, r4, r5, r6, r7] = readers as [UnpackFn, UnpackFn, UnpackFn, UnpackFn, UnpackFn, UnpackFn, UnpackFn, UnpackFn];
  const [o0, o1, o2, o3, o4, o5, o6, o7] = offsets as [number, number, number, number, number, number, number, number];
  switch (readers.length) {
    case 0:
      return () => [];
    case 1:
      return (v, b) => [r0(v, b + o0)];
    case 2:
      return (v, b) => [r0(v, b + o0), r1(v, b + o1)];
    case 3:
      return (v, b) => [r0(v, b + o0), r1(v, b + o1), r2(v, b + o2)];
    case 4:
      return (v, b) => [r0(v, b + o0), r1(v, b + o1), r2(v, b + o2), r3(v, b + o3)];
    case 5:
      return (v, b) => [r0(v, b + o0), r1(v, b + o1), r2(v, b + o2), r3(v, b + o3), r4(v, b + o4)];
    case 6:
      return (v, b) => [r0(v, b + o0), r1(v, b + o1), r2(v, b + o2), r3(v, b + o3), r4(v, b + o4), r5(v, b + o5)];
    case 7:
      return (v, b) => [
        r0(v, b + o0), r1(v, b + o1), r2(v, b + o2), r3(v, b + o3), r4(v, b + o4), r5(v, b + o5), r6(v, b + o6),
      ];
    default:
      return (v, b) => [
        r0(v, b + o0), r1(v, b + o1), r2(v, b + o2), r3(v, b + o3), r4(v, b + o4), r5(v, b + o5), r6(v, b + o6),
        r7(v, b + o7),
      ];
  }
}

/** The loop over codes, for formats of many values. */
function codeLoopUnpacker(codes: readonly Code[], len: number): Unpacker {
  const runs = codes.map(runReader);
  const byteOffsets = codes.map((c) => c.byteOffset);
  const counts = codes.map((c) => c.repeat);
  const n = codes.length;
  return (view, byteOffset) => {
    const out: StructValue[] = new Array<StructValue>(len);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const count = counts[i];
      runs[i](view, byteOffset + byteOffsets[i], count, out, k);
      k += count;
    }
    return out;
  };
}

/**
 * The unpack loop for `codes`, which hold `len` values in all.
 *
 * @example
 * ```ts
 * makeUnpacker(compileFormat("<hh").codes, 2)(new DataView(new Uint8Array([1, 0, 2, 0]).buffer), 0); // returns [1, 2]
 * ```
 */
export function makeUnpacker(codes: readonly Code[], len: number): Unpacker {
  if (len <= 8) {
    const { readers, offsets } = flatFields(codes);
    return smallUnpacker(readers, offsets);
  }
  return codeLoopUnpacker(codes, len);
}

/**
 * The plain twin of every unpacker: one value at a time through the rows,
 * with no specialisation. Tests compare the two.
 *
 * @example
 * ```ts
 * unpackSlowly(compileFormat("<hh").codes, new DataView(new Uint8Array([1, 0, 2, 0]).buffer), 0); // returns [1, 2]
 * ```
 */
export function unpackSlowly(codes: readonly Code[], view: DataView, byteOffset: number): StructValue[] {
  const out: StructValue[] = [];
  for (const code of codes) {
    const read = fieldReader(code);
    for (let j = 0; j < code.repeat; j++) out.push(read(view, byteOffset + code.byteOffset + j * code.size));
  }
  return out;
}
