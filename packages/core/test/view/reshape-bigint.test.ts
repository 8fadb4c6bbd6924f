/**
 * reshape() to the view's own shape keeps its strides (NumPy returns a plain
 * view), whether the shape's entries are numbers or bigints.
 */

import { describe, expect, it } from "vitest";
import { MemoryView } from "../../src/index.js";

describe("reshape to the current shape", () => {
  it("keeps the strides for bigint entries too", () => {
    // (3, 1, 2) with a non-contiguous length-1 dimension: NumPy's
    // a.reshape((3, 1, 2), order="F") is a.view(), strides unchanged.
    const v = MemoryView.from(new Uint8Array(12)).reshape([3, 2, 2]).sliceDim(1, 0, 1);
    expect(v.strides).toEqual([4, 2, 1]);
    expect(v.reshape([3, 1, 2], "F").strides).toEqual([4, 2, 1]);
    expect(v.reshape([3n, 1n, 2n], "F").strides).toEqual([4, 2, 1]);
  });
});
