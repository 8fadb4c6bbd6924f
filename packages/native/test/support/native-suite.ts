// The gate in front of every test that needs the compiled addon.
//
// Without the addon those tests are skipped, with the reason in the suite's
// name so the skip shows in the report. With MV_NATIVE_REQUIRED=1 (CI sets
// it) a missing addon is a failure instead: a broken build cannot hide as a
// skip (STYLE §5).
import { describe, it } from "vitest";
import { available, loadError } from "../../src/index.js";

const required = process.env.MV_NATIVE_REQUIRED === "1";
let warned = false;

/** `describe` for tests that need the addon. */
export function describeNative(name: string, body: () => void): void {
  if (available) {
    describe(name, body);
  } else if (required) {
    describe(name, () => {
      it("needs the addon (MV_NATIVE_REQUIRED=1)", () => {
        throw new Error(`MV_NATIVE_REQUIRED=1 but the addon did not load:\n${loadError?.message}`);
      });
    });
  } else {
    if (!warned) {
      warned = true;
      console.warn(`@mv/native: addon tests skipped, the addon did not load. ${loadError?.message ?? ""}`);
    }
    describe.skip(`${name} [skipped: the addon is not built; run pnpm --filter @mv/native run build:addon]`, body);
  }
}
