/**
 * The `struct/calcsize` group's check of the native sizes the module's
 * manifest declares (`dataModel`).
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { StructModuleLike } from "../../implementation.js";
import { MODEL_SIZED_CODES, modelSizedBytes } from "../../model/data-model.js";

/**
 * The native sizes the module's manifest declares (`dataModel`): each of
 * `l L n N P` alone, after a `c` (aligned to its own size), and twice (no
 * padding between), as CPython's calcsize gives them on that platform.
 */
export function nativeSizes(ctx: Context, struct: Partial<StructModuleLike>): void {
  const size = modelSizedBytes(ctx.supports.dataModel);
  for (const ch of MODEL_SIZED_CODES) {
    ctx.test(`calcsize of native '${ch}' is ${size} bytes, aligned to ${size} (${ctx.supports.dataModel})`, () => {
      for (const [format, want] of [
        [ch, size],
        [`@${ch}`, size],
        [`c${ch}`, 2 * size],
        [`2${ch}`, 2 * size],
        [`${ch}c`, size + 1],
      ] as const) {
        assertSameValue(
          attempt(() => struct.calcsize!(format), `calcsize('${format}')`),
          want,
          `calcsize('${format}')`,
        );
      }
    });
  }
}
