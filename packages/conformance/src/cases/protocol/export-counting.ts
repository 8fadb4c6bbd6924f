/**
 * The `protocol/release` group's export counting through memoryview: derived
 * views share one export, `release()` is refused while a view's own
 * re-exports live, and the export is given back once no view needs it.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { MemoryViewLike } from "../../implementation.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { ReExporter, TestExporter } from "../../test-exporter/index.js";
import { type Exported, items6 } from "./memoryview-exports.js";

/** Requests and export counting. */
export function exports(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);

  t("memoryview requests FULL_RO once and holds one export", () => {
    const x = items6();
    const m = ctx.memoryview(x);
    assertSameValue(x.log.requests, [BufferFlags.FULL_RO], "requests");
    assertSameValue(x.exports, 1, "exports");
    m.release();
    assertSameValue(x.exports, 0, "exports after release()");
  });
  t("memoryview of a memoryview shares the export (no second request)", () => {
    const x = items6();
    const a = ctx.memoryview(x);
    const b = ctx.memoryview(a);
    assertSameValue(x.log.requests.length, 1, "requests made of the exporter");
    assertSameValue(b.obj === x, true, "obj of the second view is the exporter");
    a.release();
    assertSameValue(x.exports, 1, "the second view keeps the export");
    assertSameValue(
      attempt(() => b.tolist(), "tolist() of the second view"),
      [1, 2, 3, 4, 5, 6],
      "second view still reads",
    );
    b.release();
    assertSameValue(x.exports, 0, "exports after both are released");
    assertSameValue(x.log.misreleases, [], "misreleases");
  });
  t("a slice keeps the export after its parent is released", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4]);
    const m = ctx.memoryview(x);
    const s = m.get(ctx.slice(1, null, null)) as MemoryViewLike;
    m.release();
    assertSameValue(x.exports, 1, "exports after the parent's release()");
    assertSameValue(s.tolist(), [2, 3, 4], "the slice still reads");
    s.release();
    assertSameValue(x.exports, 0, "exports after the slice's release()");
  });
  t("toreadonly() and cast() views share the export", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4], { writable: true });
    const m = ctx.memoryview(x);
    const r = m.toreadonly();
    const views = [m, r];
    if (ctx.supports.cast) views.push(m.cast("B", [2, 2]));
    assertSameValue(x.log.requests.length, 1, "requests");
    for (const v of views) v.release();
    assertSameValue(x.exports, 0, "exports after every view is released");
  });
  t("release() with one live export is refused (BufferError), then allowed", () => {
    const m = ctx.memoryview(items6());
    const r = new ReExporter(m);
    assertThrows(() => m.release(), { name: "BufferError", message: "memoryview has 1 exported buffer" }, "release()");
    assertSameValue(m.released, false, "released");
    r.release();
    attempt(() => m.release(), "release() after the export ended");
    assertSameValue(m.released, true, "released");
  });
  t("release() with two live exports names both", () => {
    const m = ctx.memoryview(items6()) as Exported;
    const a = m[GET_BUFFER](BufferFlags.FULL_RO);
    const b = m[GET_BUFFER](BufferFlags.ND);
    assertThrows(() => m.release(), { name: "BufferError", message: "memoryview has 2 exported buffers" }, "release()");
    m[RELEASE_BUFFER](a);
    m[RELEASE_BUFFER](b);
    attempt(() => m.release(), "release()");
  });
  t("a redirecting re-exporter passes requests and releases through", () => {
    const x = items6();
    const r = new ReExporter(x, BufferFlags.FULL_RO, { redirect: true });
    const m = ctx.memoryview(r);
    assertSameValue(x.exports, 1, "exports of the exporter underneath");
    assertSameValue(m.tolist(), [1, 2, 3, 4, 5, 6], "tolist()");
    m.release();
    assertSameValue(x.exports, 0, "exports after release()");
  });
  t("a memoryview of a re-exporter sees the same memory", () => {
    const x = TestExporter.fromItems([9, 8, 7], { writable: true });
    const r = new ReExporter(x, BufferFlags.FULL);
    const m = ctx.memoryview(r);
    m.set(0, 1);
    assertSameValue(x.memory[0], 1, "write through the re-exporter");
    m.release();
    r.release();
    assertSameValue(x.exports, 0, "exports");
  });
  t("a failing exporter: memoryview() throws its BufferError", () => {
    const x = new TestExporter([1, 2, 3], { getbufFail: true });
    assertThrows(() => ctx.memoryview(x), { name: "BufferError" }, "memoryview()");
    assertSameValue(x.exports, 0, "exports");
  });
  t("[Symbol.dispose]() releases", () => {
    const x = items6();
    const m = ctx.memoryview(x) as MemoryViewLike & { [Symbol.dispose]?: () => void };
    const dispose = (Symbol as { dispose?: symbol }).dispose;
    assertTrue(
      dispose !== undefined && typeof (m as unknown as Record<symbol, unknown>)[dispose] === "function",
      "view has [Symbol.dispose]",
    );
    (m as unknown as Record<symbol, () => void>)[dispose as symbol]!();
    assertSameValue(m.released, true, "released");
    assertSameValue(x.exports, 0, "exports");
  });
}
