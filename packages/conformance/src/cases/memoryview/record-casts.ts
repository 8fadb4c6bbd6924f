/**
 * Golden casts (`casts` in fixtures/golden_records.py): `cast(format,
 * shape)` between any two formats whose sizes fit (the contract's
 * extension of CPython's native-only, byte-only casts), and CPython's
 * errors for sizes, formats, shapes and arguments.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { FormatExporter } from "../../golden/format-exporter.js";
import { goldenRecords, type GoldenCast, type GoldenCastError } from "../../golden/golden-records-data.js";
import type { MemoryViewLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";
import { isDeclared, label } from "./record-support.js";

function itemsizeOf(c: GoldenCast): number {
  return fromHex(c.memory).length / c.srcShape.reduce((a, b) => a * b, 1);
}

// CPython's cast checks that come before the destination format's (memory_cast).
const CHECKED_FIRST = /C-contiguous|zeros in shape|must not exceed 64|1D -> ND/;

/**
 * What CPython 3.14 answers for a cast the contract's extension makes (SPEC.md
 * §8, 9: any two formats whose sizes fit): CPython casts only between a
 * native single-character format and a byte format. Undefined where the
 * recorded answer is CPython's own already.
 */
function cpythonCast(c: GoldenCast): [string, string] | undefined {
  if (c.e !== undefined && CHECKED_FIRST.test(c.e[1])) return undefined;
  if (!/^@?[cbB?hHiIlLqQnNefdP]$/.test(c.dst)) {
    return [
      "ValueError",
      "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    ];
  }
  const byte = (f: string) => /^@?[Bbc]$/.test(f);
  if (!byte(c.src) && !byte(c.dst)) return ["TypeError", "memoryview: cannot cast between two non-byte formats"];
  return undefined;
}

function castCase(ctx: Context, recorded: GoldenCast, what: string): void {
  // A module with CPython's casts (deliberateDifferences false) refuses the contract's extension as CPython does.
  const refused = ctx.supports.deliberateDifferences ? undefined : cpythonCast(recorded);
  const c = refused === undefined ? recorded : { ...recorded, e: refused };
  const memory = fromHex(c.memory);
  const x = new FormatExporter(memory, { format: c.src, itemsize: itemsizeOf(c), shape: c.srcShape });
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  const shape = c.shape?.map(decodeValue) as number[] | undefined;
  const cast = (): MemoryViewLike => (shape === undefined ? m.cast(c.dst) : m.cast(c.dst, shape));
  if (c.e !== undefined) {
    assertThrows(cast, { name: c.e[0], message: c.e[1] }, what);
    return;
  }
  const v = attempt(cast, what);
  assertSameValue(v.format, c.format, `${what}: format`);
  assertSameValue(v.itemsize, c.itemsize, `${what}: itemsize`);
  assertSameValue(v.shape, c.shape2, `${what}: shape`);
  assertSameValue(v.tolist(), decodeValue(c.items), `${what}: tolist()`);
  assertSameValue(v.tobytes(), memory, `${what}: tobytes()`);
}

/** Casts between formats whose sizes fit, and the size and format errors. */
export function casts(ctx: Context): void {
  if (!ctx.supports.cast) {
    ctx.skip(`casts`, "the module declares cast: false");
    return;
  }
  goldenRecords().casts.forEach((c, i) => {
    if (!isDeclared(ctx, c.src) || (c.e === undefined && !isDeclared(ctx, c.dst))) return;
    if (Math.max(c.srcShape.length, c.shape?.length ?? 1) > ctx.supports.maxNdim) return;
    const what = `cast #${i} '${c.src}' ${label(c.srcShape)} → cast(${label(c.dst)}${c.shape ? `, ${label(c.shape)}` : ""})`;
    ctx.test(`${what}`, () => castCase(ctx, c, what));
  });
}

function castErrorCase(ctx: Context, c: GoldenCastError, what: string): void {
  const memory = fromHex(c.memory);
  const m = attempt(() => ctx.memoryview(new TestExporter(memory, { shape: c.srcShape })), `${what}: memoryview()`);
  const dst = decodeValue(c.dst);
  const shape = decodeValue(c.shape);
  const call = m.cast as unknown as (...args: unknown[]) => MemoryViewLike;
  const cast = (): MemoryViewLike => (c.shape === undefined ? call.call(m, dst) : call.call(m, dst, shape));
  if (c.e !== undefined) {
    assertThrows(cast, { name: c.e[0], message: c.e[1] }, what);
    return;
  }
  const v = attempt(cast, what);
  assertSameValue(v.format, c.format, `${what}: format`);
  assertSameValue(v.shape, c.shape2, `${what}: shape`);
  assertSameValue(v.tobytes(), fromHex(c.bytes as string), `${what}: tobytes()`);
}

/** The checks of cast's arguments and shape, in CPython's words. */
export function castArguments(ctx: Context): void {
  if (!ctx.supports.cast) return;
  goldenRecords().castErrors.forEach((c, i) => {
    const dims = Array.isArray(c.shape) ? c.shape.length : 1;
    // A shape of more than 64 dimensions is refused by the same check
    // whatever the module's own limit; fewer need the module to reach them.
    if (Math.max(c.srcShape.length, dims) > ctx.supports.maxNdim && !(dims > 64 && ctx.supports.maxNdim === 64)) return;
    if (c.dst instanceof Object && !Array.isArray(c.dst) && "$bytes" in c.dst && !ctx.has("bytes")) return;
    const what = `cast arguments #${i} ${label(c.srcShape)} → cast(${label(c.dst)}${c.shape !== undefined ? `, ${label(c.shape)}` : ""})`;
    ctx.test(`${what}`, () => castErrorCase(ctx, c, what));
  });
}
