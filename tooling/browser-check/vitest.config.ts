import { defineConfig } from "vitest/config";
import { sharedTestConfig } from "@mv/vitest-config";

export default defineConfig({
  test: { ...sharedTestConfig, testTimeout: 120_000, hookTimeout: 120_000 },
});
