/**
 * Golden item writes (`records` in fixtures/golden_records.py): `m[1] = v`
 * on a three-item view of a format (native characters with and without
 * `@`, byte-order prefixes, repeat counts, pad bytes, `s`/`p`/`c`/`?`/`e`
 * fields, several fields, nested `T{}` and sub-arrays) over memory filled
 * with one byte: the item's bytes afterwards must be `struct.pack`'s (pad
 * bytes zero, the other items untouched) and the item read back the
 * unpacked value; or the write is refused with CPython's error name and
 * message (`memoryview: invalid type/value for format '…'`) and no byte
 * changes. Each value is also passed with its integers as bigints and its
 * byte strings as the module's `bytes`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { FormatExporter } from "../../golden/format-exporter.js";
import { goldenRecords, type GoldenRecord } from "../../golden/golden-records-data.js";
import { asBigints, asModuleBytes, contains, decodeInput, isDeclared, label, needs } from "./record-support.js";

/**
 * The forms a recorded value is written in, each with the key it is
 * written at (index 1 as a number, as a tuple, and as -2 from the end).
 */
function forms(ctx: Context, r: GoldenRecord, i: number): [string, unknown, unknown][] {
  const value = decodeInput(ctx, r.v);
  const out: [string, unknown, unknown][] = [[label(r.v), 1, value]];
  // Every other accepted value again with bigints (all of them would
  // double the group's run time for little more).
  const isInt = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v);
  if (r.e === undefined && i % 2 === 0 && contains(value, isInt)) {
    out.push([`${label(r.v)} as bigints`, [1], asBigints(value)]);
  }
  if (ctx.has("bytes") && contains(value, (v) => v instanceof Uint8Array)) {
    out.push([`${label(r.v)} as the module's bytes`, -2, asModuleBytes(ctx, value)]);
  }
  return out;
}

function recordCase(ctx: Context, r: GoldenRecord, what: string, key: unknown, value: unknown): void {
  const { fill, items } = goldenRecords();
  const x = new FormatExporter(new Uint8Array(items * r.n).fill(fill), {
    format: r.f,
    itemsize: r.n,
    shape: [items],
    writable: true,
  });
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  if (r.e !== undefined) {
    assertThrows(() => m.set(key, value), { name: r.e[0], message: r.e[1] }, what);
    assertSameValue(m.tobytes(), new Uint8Array(items * r.n).fill(fill), `${what}: a refused write changes no byte`);
    return;
  }
  attempt(() => m.set(key, value), what);
  const expected = new Uint8Array(items * r.n).fill(fill);
  expected.set(fromHex(r.b as string), r.n);
  assertSameValue(m.tobytes(), expected, `${what}: the memory (struct.pack's bytes, pad bytes zero)`);
  assertSameValue(m.get(1), decodeValue(r.i), `${what}: the item read back`);
}

/** The recorded writes. */
export function records(ctx: Context): void {
  goldenRecords().records.forEach((r, i) => {
    if (!isDeclared(ctx, r.f)) return;
    for (const need of needs(r.v, new Set())) if (!ctx.has(need as "bytearray")) return;
    for (const [text, key, value] of forms(ctx, r, i)) {
      const what = `#${i} m[${label(key)}] = ${text} (format '${r.f}')`;
      ctx.test(`${what}`, () => recordCase(ctx, r, what, key, value));
    }
  });
}
