/**
 * The randomized cases of `memoryview/tolist-tobytes`: `tolist()`,
 * `tobytes(order)` and iteration against the model.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../../assert/index.js";
import { viewContiguity } from "../../../model/contiguity.js";
import { modelToBytes, modelToList } from "../../../model/model-view.js";
import type { OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"tolist" | "tobytes" | "iterate", OperationCheck> = {
  tolist: ({ m, model, what }) => {
    assertSameValue(
      attempt(() => m.tolist(), `${what}: tolist()`),
      modelToList(model),
      `${what}: tolist()`,
    );
    return true;
  },
  tobytes: ({ rng, m, model, ndim, what }) => {
    const order = rng.pick(["C", "F", "A"] as const);
    const { c, f } = viewContiguity({
      itemsize: model.layout.itemsize,
      shape: model.shape,
      strides: model.byteStrides,
      suboffsets: model.suboffsets,
    });
    const expected = modelToBytes(model, order, c || ndim <= 1, f || ndim <= 1);
    assertSameValue(
      attempt(() => m.tobytes(order), `${what}: tobytes('${order}')`),
      expected,
      `${what}: tobytes('${order}')`,
    );
    return true;
  },
  iterate: ({ m, model, ndim, what }) => {
    if (ndim !== 1) return false;
    assertSameValue(
      attempt(() => [...m], `${what}: [...view]`),
      modelToList(model),
      `${what}: [...view]`,
    );
    return true;
  },
};
