/**
 * Golden hash values, recorded from CPython (`fixtures/golden_hashes.py`,
 * under `PYTHONHASHSEED=0`): `bytes.hash()` and `memoryview.hash()` of
 * read-only views of formats `B`, `b` and `c`, contiguous, strided and
 * reversed, must give CPython's own `hash()`. Only for modules whose
 * manifest claims `hashValues`; the relation "equal bytes, equal hashes" is
 * checked for every module by memoryview/method-values.ts. Read-only views of
 * `bytearray` and `array` refuse to hash, with CPython's error.
 *
 * @packageDocumentation
 */

import { ConformanceError, assertSameValue, assertThrows } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { fromHex } from "../../golden/decode-value.js";
import { goldenHashes, type GoldenHashCase } from "../../golden/golden-hashes-data.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

/**
 * Checks a hash against CPython's 64-bit value: a bigint must be it exactly;
 * a number must be its low 53 bits, signed (all a number holds exactly).
 */
function assertPythonHash(actual: unknown, python: string, what: string): void {
  const expected = BigInt(python);
  if (typeof actual === "bigint") {
    assertSameValue(actual, expected, what);
    return;
  }
  if (typeof actual !== "number") throw new ConformanceError(`${what}: hash() returned ${typeof actual}, not a number or bigint`);
  assertSameValue(actual, Number(BigInt.asIntN(53, expected)), `${what} (CPython's ${python}, low 53 bits)`);
}

/** A read-only view of `data` with `format`, through the suite's exporter. */
function view(ctx: Context, data: Uint8Array, format: string): MemoryViewLike {
  return ctx.memoryview(new TestExporter(data, { format }));
}

function checkCase(ctx: Context, c: GoldenHashCase, index: number): void {
  const data = fromHex(c.hex);
  const what = `#${index} (${data.length} bytes)`;
  ctx.test(`${what} hash() of 'B', 'b' and 'c' views`, () => {
    assertPythonHash(view(ctx, data, "B").hash(), c.hash, `${what} memoryview 'B'`);
    assertPythonHash(view(ctx, data, "b").hash(), c.b, `${what} memoryview 'b'`);
    assertPythonHash(view(ctx, data, "c").hash(), c.c, `${what} memoryview 'c'`);
  });
  ctx.test(`${what} hash() of strided and reversed views`, () => {
    const m = view(ctx, data, "B");
    assertPythonHash((m.get(ctx.slice(null, null, 2)) as MemoryViewLike).hash(), c.even, `${what} m[::2]`);
    assertPythonHash((m.get(ctx.slice(null, null, -1)) as MemoryViewLike).hash(), c.reversed, `${what} m[::-1]`);
  });
  if (ctx.has("bytes")) {
    ctx.test(`${what} bytes.hash() and a view of bytes`, () => {
      const b = construct(ctx.impl.bytes, data) as { hash?: () => unknown };
      if (typeof b.hash === "function") assertPythonHash(b.hash(), c.hash, `${what} bytes.hash()`);
      assertPythonHash(ctx.memoryview(b).hash(), c.hash, `${what} memoryview(bytes)`);
    });
  }
}

/** A read-only view of an unhashable exporter does not hash (`memory_hash` asks the exporter first). */
function unhashable(ctx: Context): void {
  for (const kind of ["bytearray", "array"] as const) {
    if (!ctx.has(kind)) continue;
    ctx.test(`hash() of a read-only view of ${kind} raises CPython's error`, () => {
      const x =
        kind === "array" ? construct(ctx.impl.array, "B", [97, 98]) : construct(ctx.impl.bytearray, Uint8Array.of(97, 98));
      const [name, message] = goldenHashes().unhashable[kind];
      assertThrows(() => ctx.memoryview(x).toreadonly().hash(), { name, message }, `hash(memoryview(${kind}).toreadonly())`);
    });
  }
}

/** CPython's hash values of every recorded byte string, and the unhashable exporters. */
export function recorded(ctx: Context): void {
  goldenHashes().cases.forEach((c, i) => {
    checkCase(ctx, c, i);
  });
  unhashable(ctx);
}
