// Proof that the suite discriminates: each broken variant (the independent
// implementation with one deliberate bug) must fail at least one case.
import { describe, expect, test } from "vitest";
import { runSuite } from "../src/index.js";
import { BROKEN_VARIANTS } from "../src/broken/index.js";

describe("every broken variant fails the suite", () => {
  expect(BROKEN_VARIANTS.length).toBeGreaterThanOrEqual(8);
  for (const variant of BROKEN_VARIANTS) {
    test(`${variant.defect}: ${variant.description}`, async () => {
      const report = await runSuite({ impl: variant.impl, seed: 1, maxFailures: 1 });
      expect(report.failed, `no case caught ${variant.defect}`).toBeGreaterThan(0);
    });
  }
});
