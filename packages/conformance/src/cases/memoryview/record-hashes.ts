/**
 * Golden hashes (`hash` in fixtures/golden_records.py): `hash(m)` equals
 * `bytes(...).hash()` of the same content for read-only views of `B`, `b`,
 * `c` (with or without `@`), or CPython's error (writable, another format,
 * an unhashable exporter).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { fromHex } from "../../golden/decode-value.js";
import { goldenRecords, type GoldenHash } from "../../golden/golden-records-data.js";
import { construct, type MemoryViewLike } from "../../implementation.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { GET_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";
import { isDeclared } from "./record-support.js";

/** The view a hash case hashes, or null when the module lacks its source. */
function hashView(ctx: Context, h: GoldenHash): MemoryViewLike | null {
  const data = Uint8Array.from({ length: 12 }, (_, k) => k + 1);
  let m: MemoryViewLike;
  if (h.format === "<B") m = ctx.memoryview(new TestExporter(data, { format: "<B" }));
  else if (h.source === "bytes") m = ctx.memoryview(construct(ctx.impl.bytes, data));
  else {
    m = ctx.memoryview(construct(ctx.impl.bytearray, data));
    if (h.source === "bytearray") m = m.toreadonly();
  }
  if (h.format !== "B" && h.format !== "<B") m = m.cast(h.format);
  if (h.layout === "strided") m = m.get(ctx.slice(null, null, 3)) as MemoryViewLike;
  else if (h.layout === "empty") m = m.get(ctx.slice(5, 5)) as MemoryViewLike;
  else if (h.layout === "2d") m = m.cast(h.format, [3, 4]);
  return m;
}

/** `hash(m)`: that of the same bytes, or CPython's refusal. */
export function hash(ctx: Context): void {
  if (!ctx.supports.hash || !ctx.has("bytes")) {
    ctx.skip(`hash`, "the module declares no hash, or exports no bytes");
    return;
  }
  goldenRecords().hashes.forEach((h, i) => {
    if (h.source !== "bytes" && !ctx.has("bytearray")) return;
    if (h.format !== "B" && (!ctx.supports.cast || !isDeclared(ctx, h.format))) return;
    if (h.layout === "2d" && ctx.supports.maxNdim < 2) return;
    const what = `hash #${i} of a ${h.source} view cast to '${h.format}'${h.layout ? ` (${h.layout})` : ""}`;
    ctx.test(`${what}`, () => {
      const m = attempt(() => hashView(ctx, h), `${what}: the view`) as MemoryViewLike;
      assertSameValue(m.tobytes(), fromHex(h.content), `${what}: the content`);
      if (h.e !== undefined) {
        assertThrows(() => m.hash(), { name: h.e[0], message: h.e[1] }, what);
        return;
      }
      const same = construct(ctx.impl.bytes, fromHex(h.content)) as { hash(): unknown };
      assertSameValue(
        attempt(() => m.hash(), what),
        same.hash(),
        `${what}: equals the hash of the same bytes`,
      );
    });
  });
}

/**
 * A view whose export names no object (`obj` null, as a memoryview of
 * `PyMemoryView_FromMemory`'s) hashes: `memory_hash` asks the object's
 * hash only when there is one.
 */
export function hashWithoutObject(ctx: Context): void {
  if (!ctx.supports.hash || !ctx.has("bytes")) return;
  const what = "hash of a read-only 'B' view whose export has obj null";
  ctx.test(`${what}`, () => {
    const data = Uint8Array.of(7, 8, 9, 10);
    const exporter = {
      [GET_BUFFER]: (): BufferInfo => ({
        obj: null,
        buf: data.slice().buffer,
        offset: 0,
        len: 4,
        readonly: true,
        itemsize: 1,
        format: "B",
        ndim: 1,
        shape: [4],
        strides: [1],
        suboffsets: null,
      }),
    };
    const m = attempt(() => ctx.memoryview(exporter), `${what}: memoryview()`);
    const same = construct(ctx.impl.bytes, data) as { hash(): unknown };
    assertSameValue(
      attempt(() => m.hash(), what),
      same.hash(),
      `${what}: equals the hash of the same bytes`,
    );
  });
}
