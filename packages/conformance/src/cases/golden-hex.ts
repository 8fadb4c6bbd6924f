/**
 * Golden `memoryview.hex(sep, bytes_per_sep)`, recorded from CPython
 * (`hexes` in fixtures/golden.py): separators given as a str and as the
 * module's bytes,
 * groups of every size from either end, and the errors of a bad separator or
 * group size. The viewed memory is a read-only test exporter, and the same
 * string is expected from a view of it with a negative step over reversed
 * bytes (hex reads the logical items, not the memory).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../assert/index.js";
import type { Context } from "../common.js";
import { decodeValue, fromHex } from "../golden/decode-value.js";
import { golden } from "../golden/golden-data.js";
import { construct } from "../implementation.js";
import { TestExporter } from "../test-exporter/index.js";

const GROUP = "golden-hex";

type Hex = (...args: unknown[]) => string;

/** The recorded calls. */
export function recorded(ctx: Context): void {
  golden.hexes.forEach((c, i) => {
    // A bytes separator is Python's bytes: the module's own (CPython refuses
    // other buffers with "sep must be str or bytes.").
    const decoded = c.args.map(decodeValue);
    if (decoded[0] instanceof Uint8Array && !ctx.has("bytes")) return;
    const args = decoded.map((a, k) => (k === 0 && a instanceof Uint8Array ? construct(ctx.impl.bytes, a) : a));
    const what = `#${i} memoryview(b'${c.bytes}').hex(${c.args.map((a) => JSON.stringify(a)).join(", ")})`;
    ctx.test(`${GROUP}: ${what}`, () => {
      const bytes = fromHex(c.bytes);
      const m = ctx.memoryview(new TestExporter(bytes));
      const hex = (m as unknown as { hex: Hex }).hex.bind(m);
      if (c.error) {
        assertThrows(() => hex(...args), { name: c.error[0], message: c.error[1] }, what);
        return;
      }
      assertSameValue(attempt(() => hex(...args), what), c.hex, what);
      if (bytes.length > 1) {
        const reversed = ctx.memoryview(new TestExporter(bytes.slice().reverse())).get(ctx.slice(null, null, -1));
        const again = attempt(() => (reversed as unknown as { hex: Hex }).hex(...args), `${what} on a reversed view`);
        assertSameValue(again, c.hex, `${what} on a view with step -1`);
      }
    });
  });
}

/** Every group, in order. */
export function all(ctx: Context): void {
  if (!ctx.has("memoryview")) {
    ctx.skip(GROUP, "the module exports no memoryview");
    return;
  }
  recorded(ctx);
}
