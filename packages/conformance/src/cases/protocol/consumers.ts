/**
 * The `protocol/release` group's consumers: every consumer of the module
 * gives back each export it takes.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { EditingReExporter, memory } from "./re-exporters.js";

/**
 * Exporters a consumer must accept beyond plain objects, and a consumer
 * that refuses a view's export and gives it back.
 */
export function consumers(ctx: Context): void {
  ctx.test(`a function can be an exporter`, () => {
    const inner = memory();
    const r = new EditingReExporter(inner, () => ({}));
    const f = Object.assign(() => 0, {
      [GET_BUFFER]: (flags: number) => ({ ...r[GET_BUFFER](flags), obj: f }),
      [RELEASE_BUFFER]: () => r[RELEASE_BUFFER]([...r.given()][0]!),
    });
    const m = ctx.memoryview(f);
    assertSameValue(m.tolist(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "tolist()");
    assertTrue(m.obj === f, "obj is the function");
    m.release();
    assertSameValue(inner.exports, 0, "released");
  });
  const packInto = ctx.impl.struct?.packInto;
  if (typeof packInto === "function" && ctx.supports.structArguments) {
    ctx.test(`struct.packInto refuses a read-only view and leaves it no export`, () => {
      const m = ctx.memoryview(memory()).toreadonly();
      assertThrows(
        () => packInto("B", m, 0, 1),
        { name: "TypeError", message: "argument must be read-write bytes-like object, not memoryview" },
        "packInto",
      );
      m.release();
      assertTrue(m.released, "the view releases: the refused export was given back");
    });
  }
}
