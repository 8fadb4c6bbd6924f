// Shared vitest settings: every package runs its tests the same way, so a
// failure reads the same everywhere. Benchmarks live in bench/ and run only
// under `pnpm bench`; tests never time anything.
import { fileURLToPath } from "node:url";

const packagesDir = fileURLToPath(new URL("../../packages/", import.meta.url));

/** Test settings shared by every package. */
export const sharedTestConfig = {
  include: ["test/**/*.test.ts"],
  benchmark: { include: ["bench/**/*.bench.ts"] },
  testTimeout: 60_000,
  // The JSON report is added up by tooling/scripts/test-all.mjs into the
  // workspace's closing "N passed, M failed" line.
  reporters: ["default", "json"],
  outputFile: { json: ".vitest-report.json" },
};

/**
 * Inside the workspace, tests import the other @mv packages from their
 * TypeScript sources, so a change in @mv/core is seen by the tests of the
 * packages above it without a rebuild. The published tarballs are tested
 * separately, from their built files.
 */
export const workspaceAliases = {
  // The subpath exports first: an alias also matches the paths below its key.
  "@mv/core/ndarray": `${packagesDir}core/src/interop/ndarray.ts`,
  "@mv/core/pyodide": `${packagesDir}core/src/interop/pyodide.ts`,
  "@mv/core/npy": `${packagesDir}core/src/interop/npy.ts`,
  "@mv/core": `${packagesDir}core/src/index.ts`,
  "@mv/builtins": `${packagesDir}builtins/src/index.ts`,
};
