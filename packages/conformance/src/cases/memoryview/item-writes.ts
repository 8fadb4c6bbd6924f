/**
 * Golden item assignment, recorded from CPython (`setitems` in
 * fixtures/golden.py): `m[0] = value` on a one-item view of every native
 * format, with values of every kind (ints at each format's limits and
 * beyond, bools, floats, infinities, NaN, bytes of each length, None, a str,
 * lists). The item read back must be CPython's, or the error its error. An
 * int is passed as a number (where exact) and as a bigint; bytes as a
 * `Uint8Array` and as the module's `bytes`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue } from "../../golden/decode-value.js";
import { golden } from "../../golden/golden-data.js";
import { construct } from "../../implementation.js";
import { modelLayout } from "../../model/format-model.js";
import { TestExporter } from "../../test-exporter/index.js";

function decodeList(value: unknown): unknown {
  if (value !== null && typeof value === "object" && "$list" in value) {
    return (value as { $list: unknown[] }).$list.map(decodeList);
  }
  return decodeValue(value);
}

/** The JavaScript forms of one recorded value. */
function forms(ctx: Context, value: unknown): [string, unknown][] {
  const decoded = decodeList(value);
  const out: [string, unknown][] = [[typeof decoded === "bigint" ? `${decoded}n` : JSON.stringify(value), decoded]];
  if (typeof decoded === "bigint" && BigInt(Number(decoded)) === decoded) out.push([String(Number(decoded)), Number(decoded)]);
  if (typeof decoded === "number" && Number.isInteger(decoded)) out.push([`${decoded}n`, BigInt(decoded)]);
  if (decoded instanceof Uint8Array && ctx.has("bytes"))
    out.push([`bytes ${JSON.stringify(value)}`, construct(ctx.impl.bytes, decoded)]);
  return out;
}

/** The recorded assignments. */
export function recorded(ctx: Context): void {
  golden().setitems.forEach((c, i) => {
    if (!ctx.supports.formats.includes(c.format)) return;
    for (const [label, value] of forms(ctx, c.value)) {
      const what = `#${i} m[0] = ${label} (format '${c.format}')`;
      ctx.test(`${what}`, () => {
        const size = modelLayout(c.format).itemsize;
        const m = ctx.memoryview(new TestExporter(new Uint8Array(size), { format: c.format, writable: true }));
        if (c.error) {
          const [name, message] = c.error;
          assertThrows(() => m.set(0, value), { name, message }, what);
          assertSameValue(m.tobytes(), new Uint8Array(size), `${what}: the refused value wrote nothing`);
          return;
        }
        attempt(() => m.set(0, value), what);
        assertSameValue(m.get(0), decodeValue(c.item), `${what}: the item read back`);
      });
    }
  });
}
