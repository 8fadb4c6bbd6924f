/**
 * The broken variants: the independent implementation with one deliberate
 * bug each. The suite must fail every one of them; `test/broken.test.ts`
 * checks that it does, and which cases catch each.
 *
 * @example
 * ```ts
 * import { BROKEN_VARIANTS } from "@mv/conformance/broken";
 * const report = await runSuite({ impl: BROKEN_VARIANTS[0].impl, seed: 1 });
 * report.failed > 0; // returns true
 * ```
 *
 * @packageDocumentation
 */

import { createIndependent } from "../independent/create.js";
import { DEFECTS, type Defect } from "../independent/defects.js";

/** One broken variant. */
export interface BrokenVariant {
  readonly defect: Defect;
  readonly description: string;
  readonly impl: ReturnType<typeof createIndependent>;
}

/** Every broken variant, one per deliberate bug. */
export const BROKEN_VARIANTS: readonly BrokenVariant[] = (Object.keys(DEFECTS) as Defect[]).map((defect) => ({
  defect,
  description: DEFECTS[defect],
  impl: createIndependent([defect]),
}));

export { DEFECTS, type Defect };
