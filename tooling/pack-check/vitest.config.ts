import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "@mv/vitest-config";

export default defineConfig({
  test: {
    ...sharedTestConfig,
    // Packing, npm installs and the addon's compile take tens of seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
