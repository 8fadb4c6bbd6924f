/**
 * The randomized cases of `memoryview/lifetime`: `release()` gives the
 * export back once, and every later use throws.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../../assert/index.js";
import { RELEASED, type OperationCheck } from "./draw.js";

/** The checks of the group's operations. */
export const checks: Record<"release", OperationCheck> = {
  release: ({ m, exporter, ndim, what }) => {
    assertSameValue(exporter.exports, 1, `${what}: exports while the view lives`);
    attempt(() => m.release(), `${what}: release()`);
    assertSameValue(exporter.exports, 0, `${what}: exports after release()`);
    assertSameValue(exporter.releases, 1, `${what}: releases after release()`);
    assertSameValue(m.released, true, `${what}: released`);
    attempt(() => m.release(), `${what}: a second release()`);
    assertSameValue(exporter.log.misreleases, [], `${what}: misreleases`);
    assertThrows(() => m.tolist(), RELEASED, `${what}: tolist() after release()`);
    assertThrows(() => m.get(ndim === 0 ? [] : 0), RELEASED, `${what}: get() after release()`);
    return true;
  },
};
