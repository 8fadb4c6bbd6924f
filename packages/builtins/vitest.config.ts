import { defineConfig } from "vitest/config";
import { sharedTestConfig, workspaceAliases } from "@mv/vitest-config";

// Tests import @mv/core from its sources; benchmarks (`vitest bench`, which
// `pnpm bench` runs after building) time the built packages, as a program
// gets them: without the aliases, @mv/core resolves to its bundle.
export default defineConfig(({ mode }) => ({
  resolve: { alias: mode === "benchmark" ? {} : workspaceAliases },
  test: {
    ...sharedTestConfig,
    // The autoRelease tests force collections with gc(); workers are child
    // processes (the forks pool), so the flag reaches them.
    pool: "forks",
    execArgv: ["--expose-gc"],
  },
}));
