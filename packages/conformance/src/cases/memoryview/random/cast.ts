/**
 * The randomized cases of `memoryview/cast`: `cast('B')` of every layout,
 * refused for views that are not C-contiguous or have a zero in a
 * multi-dimensional shape.
 *
 * @packageDocumentation
 */

import { assertThrows, attempt } from "../../../assert/index.js";
import { assertViewMatches } from "../../../check/view-expectation.js";
import { viewContiguity } from "../../../model/contiguity.js";
import { modelToBytes } from "../../../model/model-view.js";
import type { OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"cast-bytes", OperationCheck> = {
  "cast-bytes": ({ ctx, m, model, readonly, ndim, what }) => {
    if (!ctx.supports.cast) return false;
    const { c } = viewContiguity({
      itemsize: model.layout.itemsize,
      shape: model.shape,
      strides: model.byteStrides,
      suboffsets: model.suboffsets,
    });
    if (!c) {
      assertThrows(
        () => m.cast("B"),
        { name: "TypeError", message: "memoryview: casts are restricted to C-contiguous views" },
        `${what}: cast('B') of a non-contiguous view`,
      );
      return true;
    }
    if (ndim !== 1 && model.shape.some((d) => d === 0)) {
      // CPython's memory_cast refuses a multi-dimensional view with a zero in its shape
      assertThrows(
        () => m.cast("B"),
        { name: "TypeError", message: "memoryview: cannot cast view with zeros in shape or strides" },
        `${what}: cast('B') of an empty view`,
      );
      return true;
    }
    const bytes = modelToBytes(model, "C", true, true);
    const cast = attempt(() => m.cast("B"), `${what}: cast('B')`);
    assertViewMatches(
      cast,
      { ndim: 1, shape: [bytes.length], itemsize: 1, format: "B", tolist: Array.from(bytes), readonly },
      `${what}: cast('B')`,
    );
    return true;
  },
};
