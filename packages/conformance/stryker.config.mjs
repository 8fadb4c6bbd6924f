// Mutation testing of @mv/core and @mv/builtins, driven by the conformance
// suite: `pnpm mutation` (from packages/conformance). Stryker runs from the
// workspace root so it can mutate the other packages' sources in a sandbox
// copy; nothing in the working tree is touched.
//
//   MV_MUTATION_RUNNER  "suite" (default): the in-process runner of
//                       scripts/mutation/suite-runner.mjs, milliseconds a
//                       mutant; "vitest": StrykerJS's vitest runner over
//                       test/mutation/suite.mutation.ts, about a second a mutant
//   MV_MUTATE           comma-separated globs of the files to mutate
//                       (default: every source file of @mv/core and @mv/builtins)
//   MV_MUTATION_GROUPS  a pattern of the case names to run; each starts with its group (`^struct/`; default: all)
//   MV_MUTATION_SCALE   the share of randomized cases (default 0.5)
//   MV_MUTATION_CHUNK   cases per chunk, the unit Stryker calls a test (default 25)
//   MV_MUTATION_REPORT  where the JSON report goes
//   MV_MUTATION_TMP     the sandbox directory (two runs at once need two)
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const runner = process.env.MV_MUTATION_RUNNER ?? "suite";
export default {
  testRunner: runner === "vitest" ? "vitest" : "mv-suite",
  plugins: [
    "@stryker-mutator/vitest-runner",
    "./packages/conformance/scripts/mutation/suite-runner.mjs",
    "./packages/conformance/scripts/mutation/equivalent-mutants-ignorer.mjs",
  ],
  // The equivalent mutants (scripts/mutation/equivalent-mutants.mjs, each with
  // its reason) are reported as ignored; the sources carry no Stryker comments.
  ignorers: ["mv-equivalent-mutants"],
  vitest: { configFile: "packages/conformance/vitest.mutation.config.ts", dir: "packages/conformance", related: false },
  mutate: (process.env.MV_MUTATE ?? "packages/core/src/**/*.ts,packages/builtins/src/**/*.ts")
    .split(",")
    .concat(["!**/*.test.ts", "!**/index.ts"]),
  ignorePatterns: [
    "/packages/native",
    "/packages/*/dist",
    "/.turbo",
    "/**/.vitest-report.json",
    "/packages/conformance/reports",
    "/packages/conformance/.stryker-tmp*",
  ],
  // Each mutant meets only the chunks of cases that reached it in the dry run
  // (the driver empties core's memo caches before each chunk, so a cached
  // computation is reached by every chunk that checks it).
  coverageAnalysis: process.env.MV_COVERAGE ?? "perTest",
  // Static mutants (module-level code: tables, constants) run every case;
  // MV_IGNORE_STATIC=1 leaves them out to save time, and the report says so.
  ignoreStatic: process.env.MV_IGNORE_STATIC === "1",
  concurrency: 2,
  // A run takes about a second; a mutant that loops is cut off after the
  // dry run's time plus this margin (or by Stryker's hit limit, sooner).
  timeoutMS: 5_000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: process.env.MV_MUTATION_REPORT ?? "packages/conformance/reports/mutation/mutation.json" },
  tempDirName: process.env.MV_MUTATION_TMP ?? "packages/conformance/.stryker-tmp",
  cleanTempDir: true,
};
