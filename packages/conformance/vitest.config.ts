import { defineConfig } from "vitest/config";
import { sharedTestConfig, workspaceAliases } from "@mv/vitest-config";

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: sharedTestConfig,
});
