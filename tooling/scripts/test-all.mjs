#!/usr/bin/env node
// Runs every package's build, typecheck, tests and (for @mv/native) the
// valgrind memcheck through turbo, then adds up
// the per-package vitest JSON reports into one closing line,
// "N passed, M failed", so the outcome of the whole workspace reads at a glance
// (and CI can count it). Exits with turbo's status.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const REPORT = ".vitest-report.json";

// Every workspace package that runs vitest: the published ones, the
// examples, and the checks under tooling/ (pack-check, browser-check).
const packageDirs = () => [
  ...["packages", "tooling"].flatMap((parent) =>
    readdirSync(join(root, parent)).map((name) => join(root, parent, name)),
  ),
  join(root, "examples"),
];
const reportPaths = () => packageDirs().map((dir) => join(dir, REPORT)).filter((path) => existsSync(path));

// Stale reports from an earlier run must not be counted.
for (const path of reportPaths()) rmSync(path);

const turbo = spawnSync("turbo", ["run", "build", "typecheck", "test", "memcheck", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});

let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of reportPaths()) {
  const report = JSON.parse(readFileSync(path, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const status = turbo.status ?? 1;
if (status !== 0 && failed === 0) failed = 1; // a build or typecheck failure counts too
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);
