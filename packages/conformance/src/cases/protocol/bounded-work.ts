/**
 * The `protocol/bounded-work` group: sizes that cannot exist in memory are
 * refused up front with Python's `MemoryError`, and work that no bytes back
 * is not attempted. A struct of 10^12 pad bytes, a `bytes` or `bytearray`
 * of 2^40 bytes, and a legacy `buffer` repeated past any memory each fail
 * at once, as CPython (and 2.7 for `buffer`) fails where the allocation
 * fails; measuring such a struct costs nothing. A hang fails the case by
 * its time limit, so no case times anything.
 *
 * The sizes are LP64's: on an ILP32 platform (the manifest's `dataModel`)
 * they overflow `Py_ssize_t` before any allocation, which is another error,
 * so there the cases are skipped.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import { construct } from "../../implementation.js";

/** Whether the module's sizes are LP64's (the cases' sizes overflow ILP32's Py_ssize_t first). */
function lp64(ctx: Context, what: string): boolean {
  if (ctx.supports.dataModel === "LP64") return true;
  ctx.skip(what, "the module declares dataModel ILP32: these sizes overflow Py_ssize_t before any allocation");
  return false;
}

/** struct: a 10^12-byte struct is measured for free and refused when packed. */
function structSizes(ctx: Context): void {
  if (!lp64(ctx, "struct sizes")) return;
  const struct = ctx.impl.struct;
  ctx.test("calcsize('1000000000000x') measures without allocating", () => {
    const size = attempt(() => struct?.calcsize?.("1000000000000x"), "calcsize('1000000000000x')");
    assertSameValue(Number(size), 1e12, "calcsize('1000000000000x')");
  });
  ctx.test("pack('1000000000000x'): MemoryError", () => {
    assertThrows(() => struct?.pack?.("1000000000000x"), { name: "MemoryError" }, "pack('1000000000000x')");
  });
}

/** bytes and bytearray of 2^40 bytes: MemoryError, not the engine's RangeError. */
function objectSizes(ctx: Context): void {
  if (!lp64(ctx, "object sizes")) return;
  for (const kind of ["bytes", "bytearray"] as const) {
    if (!ctx.has(kind)) continue;
    ctx.test(`${kind}(2**40): MemoryError`, () => {
      assertThrows(() => construct(ctx.impl[kind], 2 ** 40), { name: "MemoryError" }, `${kind}(2**40)`);
    });
  }
}

/** Python 2's buffer repeated past any memory: MemoryError at once, not a loop. */
function bufferRepeat(ctx: Context): void {
  if (!lp64(ctx, "buffer repeat")) return;
  const make = (data: number[]) =>
    construct(ctx.impl.buffer, construct(ctx.impl.bytes, Uint8Array.from(data))) as { repeat(n: number): unknown };
  ctx.test("buffer(bytes([1])).repeat(2**53): MemoryError", () => {
    assertThrows(() => make([1]).repeat(2 ** 53), { name: "MemoryError" }, "repeat(2**53)");
  });
  ctx.test("buffer(bytes([1, 2])).repeat(2**40): MemoryError", () => {
    assertThrows(() => make([1, 2]).repeat(2 ** 40), { name: "MemoryError" }, "repeat(2**40)");
  });
  ctx.test("buffer(bytes(0)).repeat(10**15) is empty at once", () => {
    const result = attempt(() => make([]).repeat(10 ** 15), "repeat(10**15)") as ArrayLike<number>;
    assertSameValue(result.length, 0, "repeat(10**15) of an empty buffer");
  });
}

/** The `protocol/bounded-work` group: its sources of cases and what each needs. */
export const group: GroupDefinition = {
  name: "protocol/bounded-work",
  about:
    "sizes that cannot exist refused up front with MemoryError (struct, bytes, bytearray, buffer); sizes measured without work",
  entries: [
    { needs: ["struct", "MemoryError"], cases: structSizes },
    { needs: [{ anyOf: ["bytes", "bytearray"] }, "MemoryError"], cases: objectSizes },
    { needs: ["buffer", "bytes", "MemoryError"], cases: bufferRepeat },
  ],
};
