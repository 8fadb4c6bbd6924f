import { defineConfig } from "vitest/config";
import { sharedTestConfig, workspaceAliases } from "@mv/vitest-config";

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    ...sharedTestConfig,
    // The autoRelease tests force collections with gc(); workers are child
    // processes (the forks pool), so the flag reaches them.
    pool: "forks",
    execArgv: ["--expose-gc"],
  },
});
