/**
 * The randomized cases of `memoryview/indexing`: reading and writing items
 * by index, indices out of range, writes to read-only views.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../../assert/index.js";
import { readItem } from "../../../model/format-model.js";
import { itemBytePosition, modelWriteItem } from "../../../model/model-view.js";
import { hasItems, keyOf, randomIndex, randomItem, type OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"get-item" | "get-out-of-range" | "set-item" | "set-readonly", OperationCheck> = {
  "get-item": ({ rng, m, model, ndim, what }) => {
    if (!hasItems(model)) return false;
    const index = randomIndex(rng, model);
    const key = ndim === 0 ? [] : keyOf(rng, model, index);
    const expected = readItem(model.memory, itemBytePosition(model, index), model.layout);
    assertSameValue(
      attempt(() => m.get(key), `${what}: get(${String(key)})`),
      expected,
      `${what}: get([${index}])`,
    );
    return true;
  },
  "get-out-of-range": ({ rng, m, model, ndim, what }) => {
    if (ndim === 0) return false;
    const dim = rng.int(0, ndim - 1);
    const index = model.shape.map((d) => (d > 0 ? rng.int(0, d - 1) : 0));
    const size = model.shape[dim] as number;
    index[dim] = rng.chance(0.5) ? size + rng.int(0, 3) : -size - 1 - rng.int(0, 3);
    if (model.shape.some((d, k) => d === 0 && k < dim)) return false;
    const key = ndim === 1 ? index[0] : index;
    assertThrows(
      () => m.get(key),
      { name: "IndexError", message: `index out of bounds on dimension ${dim + 1}` },
      `${what}: get([${index}])`,
    );
    return true;
  },
  "set-item": ({ rng, m, exporter, model, readonly, ndim, what }) => {
    if (readonly || !hasItems(model)) return false;
    const index = randomIndex(rng, model);
    const value = randomItem(rng, model);
    const key = ndim === 0 ? [] : keyOf(rng, model, index);
    const expectedMemory = model.memory.slice();
    modelWriteItem({ ...model, memory: expectedMemory }, index, value);
    attempt(() => m.set(key, value), `${what}: set([${index}], ${String(value)})`);
    // Pad bytes of the written item ('x' and alignment) may be kept or zeroed.
    const actual = exporter.memory.slice();
    const at = itemBytePosition(model, index);
    const valueBytes = new Set(
      model.layout.fields.flatMap((f) => Array.from({ length: f.byteSize }, (_, k) => at + f.byteOffset + k)),
    );
    for (let b = at; b < at + model.layout.itemsize; b++) if (!valueBytes.has(b)) actual[b] = expectedMemory[b] as number;
    assertSameValue(actual, expectedMemory, `${what}: memory after set([${index}])`);
    return true;
  },
  "set-readonly": ({ rng, m, model, readonly, ndim, what }) => {
    if (!readonly || !hasItems(model)) return false;
    const index = randomIndex(rng, model);
    const key = ndim === 0 ? [] : keyOf(rng, model, index);
    assertThrows(
      () => m.set(key, randomItem(rng, model)),
      { name: "TypeError", message: "cannot modify read-only memory" },
      `${what}: set on a read-only view`,
    );
    return true;
  },
};
