/**
 * Golden `memoryview.hex(sep, bytes_per_sep)`, recorded from CPython
 * (`hexes` in fixtures/golden.py): separators given as a str and as the
 * module's bytes,
 * groups of every size from either end, and the errors of a bad separator or
 * group size. The viewed memory is a read-only test exporter, and the same
 * string is expected from a view of it with a negative step over reversed
 * bytes (hex reads the logical items, not the memory).
 *
 * Also (`hexLayouts` and `hexLarge` in fixtures/golden_records.py): `hex`
 * over views of every layout (strided, negative strides, C and Fortran
 * order, non-contiguous, 3-D, PIL-style suboffsets, 0-d, empty,
 * multi-byte and multi-field formats), with the exporter laid out as
 * `_testbuffer.ndarray` lays it out, and the argument errors on each; and
 * views of thousands of bytes at even and odd offsets in the memory.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { decodeValue, fromHex } from "../../golden/decode-value.js";
import { golden } from "../../golden/golden-data.js";
import { goldenRecords, type GoldenHexCall, type GoldenHexLayout } from "../../golden/golden-records-data.js";
import { construct } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

type Hex = (...args: unknown[]) => string;

/** The recorded calls. */
export function recorded(ctx: Context): void {
  golden().hexes.forEach((c, i) => {
    // A bytes separator is Python's bytes: the module's own (CPython refuses
    // other buffers with "sep must be str or bytes.").
    const decoded = c.args.map(decodeValue);
    if (decoded[0] instanceof Uint8Array && !ctx.has("bytes")) return;
    const args = decoded.map((a, k) => (k === 0 && a instanceof Uint8Array ? construct(ctx.impl.bytes, a) : a));
    const what = `#${i} memoryview(b'${c.bytes}').hex(${c.args.map((a) => JSON.stringify(a)).join(", ")})`;
    ctx.test(`${what}`, () => {
      const bytes = fromHex(c.bytes);
      const m = ctx.memoryview(new TestExporter(bytes));
      const hex = (m as unknown as { hex: Hex }).hex.bind(m);
      if (c.error) {
        assertThrows(() => hex(...args), { name: c.error[0], message: c.error[1] }, what);
        return;
      }
      assertSameValue(
        attempt(() => hex(...args), what),
        c.hex,
        what,
      );
      if (bytes.length > 1) {
        const reversed = ctx.memoryview(new TestExporter(bytes.slice().reverse())).get(ctx.slice(null, null, -1));
        const again = attempt(() => (reversed as unknown as { hex: Hex }).hex(...args), `${what} on a reversed view`);
        assertSameValue(again, c.hex, `${what} on a view with step -1`);
      }
    });
  });
}

/** The recorded arguments in JavaScript, or null when the module lacks `bytes` for one. */
function hexArgs(ctx: Context, args: readonly unknown[]): unknown[] | null {
  const decoded = args.map(decodeValue);
  if (decoded.some((a) => a instanceof Uint8Array) && !ctx.has("bytes")) return null;
  return decoded.map((a) => (a instanceof Uint8Array ? construct(ctx.impl.bytes, a) : a));
}

function layoutDeclared(ctx: Context, l: GoldenHexLayout): boolean {
  if (l.shape.length > ctx.supports.maxNdim || (l.pil && !ctx.supports.suboffsets)) return false;
  return l.format.length === 1 ? ctx.supports.formats.includes(l.format) : ctx.supports.structFormats;
}

function layoutCall(ctx: Context, l: GoldenHexLayout, c: GoldenHexCall, args: unknown[], what: string): void {
  const x = new TestExporter(fromHex(l.memory), {
    format: l.format,
    shape: l.shape,
    strides: l.strides,
    offset: l.offset,
    pil: l.pil,
  });
  const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
  const hex = (m as unknown as { hex: Hex }).hex.bind(m);
  if (c.e !== undefined) {
    assertThrows(() => hex(...args), { name: c.e[0], message: c.e[1] }, what);
    return;
  }
  assertSameValue(
    attempt(() => hex(...args), what),
    c.hex,
    what,
  );
}

/** `hex` over views of every layout: the logical bytes in C order, or the argument's error. */
export function layouts(ctx: Context): void {
  goldenRecords().hexLayouts.forEach((l, i) => {
    if (!layoutDeclared(ctx, l)) return;
    const view = `'${l.format}' shape ${JSON.stringify(l.shape)} strides ${JSON.stringify(l.strides)} offset ${l.offset}${l.pil ? " PIL" : ""}`;
    l.calls.forEach((c, k) => {
      const args = hexArgs(ctx, c.args);
      if (args === null) return;
      const what = `layout #${i}.${k} ${view}: hex(${c.args.map((a) => JSON.stringify(a)).join(", ")})`;
      ctx.test(`${what}`, () => layoutCall(ctx, l, c, args, what));
    });
  });
}

/** `hex` of views of thousands of bytes, at even and odd offsets in the memory. */
export function large(ctx: Context): void {
  goldenRecords().hexLarge.forEach((c, i) => {
    const args = hexArgs(ctx, c.args);
    if (args === null) return;
    const memory = fromHex(c.memory);
    const n = memory.length - c.offset;
    const what = `large #${i}: ${n} bytes at offset ${c.offset}, hex(${c.args.map((a) => JSON.stringify(a)).join(", ")})`;
    ctx.test(`${what}`, () => {
      const m = attempt(
        () => ctx.memoryview(new TestExporter(memory, { shape: [n], offset: c.offset })),
        `${what}: memoryview()`,
      );
      const hex = (m as unknown as { hex: Hex }).hex.bind(m);
      assertSameValue(
        attempt(() => hex(...args), what),
        c.hex,
        what,
      );
    });
  });
}
