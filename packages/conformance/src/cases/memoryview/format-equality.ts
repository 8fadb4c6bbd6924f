/**
 * The `memoryview/compare` group's recorded pairs
 * (fixtures/golden_formats.py): views of two formats that compare equal or
 * not, struct-unpacked item by item.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { fromHex } from "../../golden/decode-value.js";
import { FormatExporter } from "../../golden/format-exporter.js";
import { goldenFormats, type GoldenEqualPair } from "../../golden/golden-formats-data.js";
import { type Test, isDeclared } from "../struct/pep3118-formats.js";

function checkPair(ctx: Context, pair: GoldenEqualPair, what: string): void {
  const a = new FormatExporter(fromHex(pair.memory_a), { format: pair.a, itemsize: pair.itemsize_a, shape: pair.shape });
  const b = new FormatExporter(fromHex(pair.memory_b), { format: pair.b, itemsize: pair.itemsize_b, shape: pair.shape });
  const ma = attempt(() => ctx.memoryview(a), `${what}: memoryview(a)`);
  const mb = attempt(() => ctx.memoryview(b), `${what}: memoryview(b)`);
  assertSameValue(
    attempt(() => ma.equals(mb), `${what}: a.equals(b)`),
    pair.equal,
    `${what}: a.equals(b)`,
  );
  assertSameValue(
    attempt(() => mb.equals(ma), `${what}: b.equals(a)`),
    pair.equal,
    `${what}: b.equals(a)`,
  );
  assertSameValue(
    attempt(() => ma.equals(b), `${what}: a.equals(exporter b)`),
    pair.equal,
    `${what}: a.equals(exporter b)`,
  );
  ma.release();
  mb.release();
  assertSameValue(a.exports + b.exports, 0, `${what}: exports after release()`);
}
/** Views of two formats: CPython compares their items through struct. */
export function equality(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  goldenFormats().equal_pairs.forEach((pair, i) => {
    const what = `equal pair #${i} '${pair.a}' vs '${pair.b}'`;
    if (!isDeclared(ctx, pair.a, 1) || !isDeclared(ctx, pair.b, 1)) return;
    t(`${what}: ${pair.equal ? "equal" : "not equal"}`, () => checkPair(ctx, pair, what));
  });
}
