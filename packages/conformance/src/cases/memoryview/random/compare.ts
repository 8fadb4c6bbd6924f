/**
 * The randomized cases of `memoryview/compare`: a view equals a
 * C-contiguous copy of itself, and itself, unless it holds a NaN.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../../assert/index.js";
import { modelToBytes, modelToList } from "../../../model/model-view.js";
import { TestExporter } from "../../../test-exporter/index.js";
import { containsNaN, type OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"equals-copy", OperationCheck> = {
  "equals-copy": ({ ctx, m, model, what }) => {
    const list = modelToList(model);
    const copy = new TestExporter(modelToBytes(model, "C", true, true), { format: model.layout.format, shape: model.shape });
    const other = attempt(() => ctx.memoryview(copy), `${what}: memoryview(copy)`);
    assertSameValue(
      attempt(() => m.equals(other), `${what}: equals(copy)`),
      !containsNaN(list),
      `${what}: equals(a C-contiguous copy)`,
    );
    assertSameValue(
      attempt(() => m.equals(m), `${what}: equals(itself)`),
      !containsNaN(list),
      `${what}: equals(itself)`,
    );
    return true;
  },
};
