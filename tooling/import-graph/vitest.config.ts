import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "@mv/vitest-config";

export default defineConfig({
  test: {
    ...sharedTestConfig,
    // dependency-cruiser parses every package with TypeScript: tens of
    // seconds on a loaded machine, so allow minutes rather than the default.
    testTimeout: 300_000,
  },
});
