/**
 * The randomized cases of `memoryview/hex`: `hex()` of every layout against
 * the model's bytes in C order.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../../assert/index.js";
import { toHex } from "../../../golden/decode-value.js";
import { viewContiguity } from "../../../model/contiguity.js";
import { modelToBytes } from "../../../model/model-view.js";
import type { OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"hex", OperationCheck> = {
  hex: ({ m, model, what }) => {
    const { c, f } = viewContiguity({
      itemsize: model.layout.itemsize,
      shape: model.shape,
      strides: model.byteStrides,
      suboffsets: model.suboffsets,
    });
    assertSameValue(
      attempt(() => m.hex(), `${what}: hex()`),
      toHex(modelToBytes(model, "C", c, f)),
      `${what}: hex()`,
    );
    return true;
  },
};
