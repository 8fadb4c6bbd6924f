/**
 * The randomized cases of `protocol/release`: a view of a random structure
 * re-exports it (FULL_RO) with the exporter's memory and layout, refuses
 * `release()` while the re-export lives, and gives everything back after.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import type { OperationCheck } from "../memoryview/random/draw.js";

/** The checks of the group's operations. */
export const checks: Record<"reexport", OperationCheck> = {
  reexport: ({ m, exporter, model, what }) => {
    const info = attempt(
      () => (m as unknown as Record<symbol, (f: number) => BufferInfo>)[GET_BUFFER]!(BufferFlags.FULL_RO),
      `${what}: getbuffer(FULL_RO)`,
    );
    assertSameValue(info.obj === (m as unknown), true, `${what}: re-export obj is the view`);
    assertSameValue(info.buf === exporter.base.buf, true, `${what}: re-export buf is the exporter's memory`);
    assertSameValue([...(info.shape ?? [])], [...model.shape], `${what}: re-export shape`);
    assertSameValue([...(info.strides ?? [])], [...model.byteStrides], `${what}: re-export strides`);
    // An offset of -0 is offset 0 (the model's arithmetic can give either).
    assertSameValue(info.offset + 0, model.byteOffset + 0, `${what}: re-export offset`);
    assertThrows(
      () => m.release(),
      { name: "BufferError", message: "memoryview has 1 exported buffer" },
      `${what}: release() with a live export`,
    );
    (m as unknown as Record<symbol, (i: unknown) => void>)[RELEASE_BUFFER]!(info);
    attempt(() => m.release(), `${what}: release() after the export was released`);
    assertSameValue(exporter.exports, 0, `${what}: exports after release()`);
    return true;
  },
};
