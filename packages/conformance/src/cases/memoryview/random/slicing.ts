/**
 * The randomized cases of `memoryview/slicing`: sub-views, slices of one or
 * more dimensions, and slice assignment from another exporter.
 *
 * @packageDocumentation
 */

import { assertSameValue, attempt } from "../../../assert/index.js";
import { assertViewMatches, expectationOf } from "../../../check/view-expectation.js";
import type { MemoryViewLike } from "../../../implementation.js";
import { itemBytePosition, modelIndex, modelSlice } from "../../../model/model-view.js";
import { sliceIndices } from "../../../model/slice-indices.js";
import { TestExporter } from "../../../test-exporter/index.js";
import { randomMemory } from "../../exporter-fixtures.js";
import { randomSliceArgs, type OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"subview" | "slice" | "slice-assign", OperationCheck> = {
  subview: ({ rng, m, model, readonly, ndim, multi, what }) => {
    if (ndim < 2 || !multi || (model.shape[0] as number) === 0) return false;
    const i = rng.int(0, (model.shape[0] as number) - 1);
    const sub = attempt(() => m.get(i), `${what}: get(${i})`) as MemoryViewLike;
    assertViewMatches(sub, expectationOf(modelIndex(model, i), readonly), `${what}: get(${i})`);
    return true;
  },
  slice: ({ ctx, rng, m, model, readonly, ndim, multi, what }) => {
    if (ndim === 0 || (ndim > 1 && !multi)) return false;
    const dims = ndim === 1 ? 1 : rng.int(1, ndim);
    let expected = model;
    const keys: object[] = [];
    const shown: string[] = [];
    for (let d = 0; d < dims; d++) {
      const [start, stop, step] = randomSliceArgs(rng, model.shape[d] as number);
      keys.push(ctx.slice(start, stop, step));
      shown.push(`${start ?? ""}:${stop ?? ""}:${step}`);
      expected = modelSlice(expected, d, sliceIndices(start, stop, step, model.shape[d] as number));
    }
    const key = ndim === 1 && (!multi || rng.chance(0.7)) ? keys[0] : keys;
    const sliced = attempt(() => m.get(key), `${what}: get([${shown}])`) as MemoryViewLike;
    assertViewMatches(sliced, expectationOf(expected, readonly), `${what}: get([${shown}])`);
    return true;
  },
  "slice-assign": ({ ctx, rng, m, exporter, model, readonly, ndim, what }) => {
    if (readonly || ndim !== 1) return false;
    const [start, stop, step] = randomSliceArgs(rng, model.shape[0] as number);
    const target = modelSlice(model, 0, sliceIndices(start, stop, step, model.shape[0] as number));
    const count = target.shape[0] as number;
    const source = new TestExporter(randomMemory(rng, model.layout.format, count * model.layout.itemsize), {
      format: model.layout.format,
      shape: [count],
    });
    // Slice assignment copies whole items, bytes and all (copy_base in memoryobject.c).
    const expectedMemory = model.memory.slice();
    const itemsize = model.layout.itemsize;
    for (let k = 0; k < count; k++) {
      const to = itemBytePosition(target, [k]);
      expectedMemory.set(source.memory.subarray(k * itemsize, (k + 1) * itemsize), to);
    }
    attempt(() => m.set(ctx.slice(start, stop, step), source), `${what}: set(${start}:${stop}:${step}, exporter)`);
    assertSameValue(exporter.memory.slice(), expectedMemory, `${what}: memory after slice assignment`);
    assertSameValue(source.exports, 0, `${what}: the source's export was released`);
    return true;
  },
};
