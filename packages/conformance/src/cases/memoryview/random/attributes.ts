/**
 * The randomized cases of `memoryview/attributes`: a view's attributes
 * against the model (the draw's own check), and `toreadonly()`.
 *
 * @packageDocumentation
 */

import { assertThrows, attempt } from "../../../assert/index.js";
import { assertViewMatches } from "../../../check/view-expectation.js";
import { modelToList } from "../../../model/model-view.js";
import { hasItems, randomItem, type OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"attributes" | "toreadonly", OperationCheck> = {
  // The draw checks the attributes of every case whose operation does not suit it.
  attributes: () => false,
  toreadonly: ({ rng, m, model, ndim, what }) => {
    const r = attempt(() => m.toreadonly(), `${what}: toreadonly()`);
    assertViewMatches(r, { readonly: true, shape: [...model.shape], tolist: modelToList(model) }, `${what}: toreadonly()`);
    if (hasItems(model)) {
      const index = model.shape.map(() => 0);
      assertThrows(
        () => r.set(ndim === 0 ? [] : ndim === 1 ? 0 : index, randomItem(rng, model)),
        { name: "TypeError", message: "cannot modify read-only memory" },
        `${what}: set on toreadonly()`,
      );
    }
    return true;
  },
};
