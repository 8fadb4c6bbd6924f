/**
 * The randomized cases of `memoryview/count-index`: `count(value)` and
 * `index(value)` of one-dimensional views against the model's items.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../../assert/index.js";
import { modelToList } from "../../../model/model-view.js";
import { isNaNItem, randomItem, type OperationCheck } from "./draw.js";

// Items compared as values: bigints and bytes by their contents.
const showItem = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x instanceof Uint8Array ? Array.from(x) : x));

/** The checks of the group's operations. */
export const checks: Record<"count-index", OperationCheck> = {
  "count-index": ({ ctx, rng, m, model, ndim, what }) => {
    if (!ctx.supports.countIndex || ndim !== 1) return false;
    const list = modelToList(model) as unknown[];
    if (list.some(isNaNItem)) return false;
    const probe = list.length > 0 && rng.chance(0.7) ? list[rng.int(0, list.length - 1)] : randomItem(rng, model);
    const same = (a: unknown) => showItem(a) === showItem(probe);
    const expectedCount = list.filter(same).length;
    assertSameValue(
      attempt(() => m.count(probe), `${what}: count()`),
      expectedCount,
      `${what}: count(${String(probe)})`,
    );
    const first = list.findIndex(same);
    if (first >= 0)
      assertSameValue(
        attempt(() => m.index(probe), `${what}: index()`),
        first,
        `${what}: index(${String(probe)})`,
      );
    else
      assertThrows(
        () => m.index(probe),
        { name: "ValueError", message: "memoryview.index(x): x not found" },
        `${what}: index() of a missing value`,
      );
    return true;
  },
};
