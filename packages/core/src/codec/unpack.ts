/**
 * The unpack loop: `s_unpack_internal()` over a compiled format's codes.
 *
 * The loop's data is prepared once per format, at compile time, in an
 * {@link UnpackPlan}. A format of at most eight values lists each value's
 * reader, row and byte offset, and {@link unpackWithPlan} reads them straight
 * into an array literal; a longer format runs its codes, one call of the
 * row's run reader per code. The readers are top-level functions, so where
 * the plan is known to the JIT (a `Struct` held in a constant), the whole
 * read is inlined. Neither loop parses or allocates anything but the result
 * (and `c s p` values).
 *
 * @packageDocumentation
 */

import { stringFieldRow } from "./byte-rows.js";
import type { Code } from "./code.js";
import type { Row, UnpackFn, UnpackRunFn } from "./row.js";
import type { StructValue } from "./struct-value.js";

/**
 * Reads all the values of a struct that begins at `byteOffset` of `view`.
 */
export type Unpacker = (view: DataView, byteOffset: number) => StructValue[];

/**
 * What {@link unpackWithPlan} needs for one format: for up to eight values,
 * the reader (`r`), row (`x`) and byte offset (`o`) of each; for more, the
 * codes' run readers, rows, offsets and counts.
 *
 * @example
 * ```ts
 * makeUnpackPlan(compileFormat("<hd").codes, 2).o1; // returns 2
 * ```
 */
export interface UnpackPlan {
  /** The loop that reads by this plan. */
  readonly loop: (p: UnpackPlan, view: DataView, byteOffset: number) => StructValue[];
  readonly n: number;
  readonly len: number;
  readonly r0: UnpackFn;
  readonly r1: UnpackFn;
  readonly r2: UnpackFn;
  readonly r3: UnpackFn;
  readonly r4: UnpackFn;
  readonly r5: UnpackFn;
  readonly r6: UnpackFn;
  readonly r7: UnpackFn;
  readonly x0: Row;
  readonly x1: Row;
  readonly x2: Row;
  readonly x3: Row;
  readonly x4: Row;
  readonly x5: Row;
  readonly x6: Row;
  readonly x7: Row;
  readonly o0: number;
  readonly o1: number;
  readonly o2: number;
  readonly o3: number;
  readonly o4: number;
  readonly o5: number;
  readonly o6: number;
  readonly o7: number;
  readonly runs: readonly UnpackRunFn[];
  readonly runRows: readonly Row[];
  readonly byteOffsets: readonly number[];
  readonly counts: readonly number[];
}

/**
 * The row that reads and writes one value of `code`: its table row, or for
 * `s` and `p` a row of the field's length.
 *
 * @example
 * ```ts
 * fieldRow(compileFormat("5s").codes[0]).size; // returns 5
 * ```
 */
export function fieldRow(code: Code): Row {
  const char = code.row.char;
  return char === "s" || char === "p" ? stringFieldRow(char, code.size) : code.row;
}

/**
 * The reader of one value of `code` (for `s` and `p`, the whole field), with
 * its row bound.
 *
 * @example
 * ```ts
 * fieldReader(compileFormat("3s").codes[0])(new DataView(new Uint8Array([1, 2, 3]).buffer), 0); // returns new Uint8Array([1, 2, 3])
 * ```
 */
export function fieldReader(code: Code): (view: DataView, byteOffset: number) => StructValue {
  const row = fieldRow(code);
  const read = row.unpack as UnpackFn;
  return (view, byteOffset) => read(view, byteOffset, row);
}

function noRead(): StructValue {
  return 0;
}
const NO_ROW: Row = Object.freeze({
  char: "x",
  size: 0,
  align: 0,
  littleEndian: true,
  unpack: noRead,
  packKey: null,
  unpackRun: null,
});

/**
 * The plan of the unpack loop for `codes`, which hold `len` values in all.
 *
 * @example
 * ```ts
 * makeUnpackPlan(compileFormat("<iid").codes, 3).n; // returns 3
 * ```
 */
export function makeUnpackPlan(codes: readonly Code[], len: number): UnpackPlan {
  const readers: UnpackFn[] = [];
  const rows: Row[] = [];
  const offsets: number[] = [];
  if (len <= 8) {
    for (const code of codes) {
      const row = fieldRow(code);
      for (let j = 0; j < code.repeat; j++) {
        readers.push(row.unpack as UnpackFn);
        rows.push(row);
        offsets.push(code.byteOffset + j * code.size);
      }
    }
  }
  const n = len <= 8 ? len : -1;
  const r = (i: number): UnpackFn => readers[i] ?? noRead;
  const x = (i: number): Row => rows[i] ?? NO_ROW;
  const o = (i: number): number => offsets[i] ?? 0;
  const runRows = codes.map(fieldRow);
  return Object.freeze({
    loop: n >= 0 ? LOOPS[n]! : unpackCodes,
    n,
    len,
    r0: r(0),
    r1: r(1),
    r2: r(2),
    r3: r(3),
    r4: r(4),
    r5: r(5),
    r6: r(6),
    r7: r(7),
    x0: x(0),
    x1: x(1),
    x2: x(2),
    x3: x(3),
    x4: x(4),
    x5: x(5),
    x6: x(6),
    x7: x(7),
    o0: o(0),
    o1: o(1),
    o2: o(2),
    o3: o(3),
    o4: o(4),
    o5: o(5),
    o6: o(6),
    o7: o(7),
    runs: Object.freeze(runRows.map((row) => row.unpackRun as UnpackRunFn)),
    runRows: Object.freeze(runRows),
    byteOffsets: Object.freeze(codes.map((c) => c.byteOffset)),
    counts: Object.freeze(codes.map((c) => c.repeat)),
  });
}

/** The loop over codes, for formats of many values. */
function unpackCodes(p: UnpackPlan, view: DataView, byteOffset: number): StructValue[] {
  const out: StructValue[] = new Array<StructValue>(p.len);
  const runs = p.runs;
  const rows = p.runRows;
  const byteOffsets = p.byteOffsets;
  const counts = p.counts;
  let k = 0;
  for (let i = 0; i < runs.length; i++) {
    const count = counts[i]!;
    runs[i]!(view, byteOffset + byteOffsets[i]!, count, out, k, rows[i]!);
    k += count;
  }
  return out;
}

function unpack0(): StructValue[] {
  return [];
}
function unpack1(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [p.r0(v, b + p.o0, p.x0)];
}
function unpack2(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [p.r0(v, b + p.o0, p.x0), p.r1(v, b + p.o1, p.x1)];
}
function unpack3(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [p.r0(v, b + p.o0, p.x0), p.r1(v, b + p.o1, p.x1), p.r2(v, b + p.o2, p.x2)];
}
function unpack4(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [p.r0(v, b + p.o0, p.x0), p.r1(v, b + p.o1, p.x1), p.r2(v, b + p.o2, p.x2), p.r3(v, b + p.o3, p.x3)];
}
function unpack5(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [
    p.r0(v, b + p.o0, p.x0),
    p.r1(v, b + p.o1, p.x1),
    p.r2(v, b + p.o2, p.x2),
    p.r3(v, b + p.o3, p.x3),
    p.r4(v, b + p.o4, p.x4),
  ];
}
function unpack6(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [
    p.r0(v, b + p.o0, p.x0),
    p.r1(v, b + p.o1, p.x1),
    p.r2(v, b + p.o2, p.x2),
    p.r3(v, b + p.o3, p.x3),
    p.r4(v, b + p.o4, p.x4),
    p.r5(v, b + p.o5, p.x5),
  ];
}
function unpack7(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [
    p.r0(v, b + p.o0, p.x0),
    p.r1(v, b + p.o1, p.x1),
    p.r2(v, b + p.o2, p.x2),
    p.r3(v, b + p.o3, p.x3),
    p.r4(v, b + p.o4, p.x4),
    p.r5(v, b + p.o5, p.x5),
    p.r6(v, b + p.o6, p.x6),
  ];
}
function unpack8(p: UnpackPlan, v: DataView, b: number): StructValue[] {
  return [
    p.r0(v, b + p.o0, p.x0),
    p.r1(v, b + p.o1, p.x1),
    p.r2(v, b + p.o2, p.x2),
    p.r3(v, b + p.o3, p.x3),
    p.r4(v, b + p.o4, p.x4),
    p.r5(v, b + p.o5, p.x5),
    p.r6(v, b + p.o6, p.x6),
    p.r7(v, b + p.o7, p.x7),
  ];
}

/** One loop per number of values, so that each stays small enough to inline. */
const LOOPS: readonly ((p: UnpackPlan, v: DataView, b: number) => StructValue[])[] = [
  unpack0,
  unpack1,
  unpack2,
  unpack3,
  unpack4,
  unpack5,
  unpack6,
  unpack7,
  unpack8,
];

/**
 * Reads every value of a struct at `byteOffset` of `view` by its plan.
 *
 * @example
 * ```ts
 * unpackWithPlan(makeUnpackPlan(compileFormat("<hh").codes, 2), new DataView(new Uint8Array([1, 0, 2, 0]).buffer), 0); // returns [1, 2]
 * ```
 */
export function unpackWithPlan(p: UnpackPlan, view: DataView, byteOffset: number): StructValue[] {
  return p.loop(p, view, byteOffset);
}

/**
 * The plain twin of every unpack loop: one value at a time through the rows,
 * with no plan. Tests compare the two.
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
