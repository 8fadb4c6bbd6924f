// Mutation testing of @mv/core and @mv/builtins, driven by the conformance
// suite: `pnpm mutation` (from packages/conformance). Stryker runs from the
// workspace root so it can mutate the other packages' sources in a sandbox
// copy; nothing in the working tree is touched.
//
//   MV_MUTATE       glob of the files to mutate (default: core's struct codec)
//   MV_MUTATION_GROUPS  a pattern of the suite groups to run (default: the struct groups)
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "packages/conformance/vitest.mutation.config.ts", dir: "packages/conformance", related: false },
  mutate: (process.env.MV_MUTATE ?? "packages/core/src/format/**/*.ts").split(",").concat(["!**/*.test.ts", "!**/index.ts"]),
  ignorePatterns: ["/packages/native", "/packages/*/dist", "/.turbo", "/**/.vitest-report.json", "/packages/conformance/reports"],
  // "all" runs every selected case for each mutant: slower, but the codec's caches
  // hide coverage from perTest analysis (only the first case fills a cache).
  coverageAnalysis: process.env.MV_COVERAGE ?? "perTest",
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "packages/conformance/reports/mutation/mutation.json" },
  tempDirName: "packages/conformance/.stryker-tmp",
  cleanTempDir: true,
};
