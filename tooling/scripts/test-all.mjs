#!/usr/bin/env node
// Runs Biome over the whole workspace (`biome ci`: lint and formatting,
// biome.jsonc; a second or so), then every package's build, typecheck, tests
// and (for @mv/native) the valgrind memcheck through turbo, then, if those succeeded, the API docs
// build (`pnpm run docs`: TypeDoc, which fails on any undocumented member),
// then adds up the per-package vitest JSON reports into one closing line,
// "N passed, M failed", so the outcome of the whole workspace reads at a glance
// (and CI can count it). Exits non-zero when Biome, turbo or the docs build
// failed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const REPORT = ".vitest-report.json";

// Every workspace package that runs vitest: the published ones, the
// examples, and the checks under tooling/ (pack-check, browser-check).
const packageDirs = () => [
  ...["packages", "tooling"].flatMap((parent) => readdirSync(join(root, parent)).map((name) => join(root, parent, name))),
  join(root, "examples"),
];
const reportPaths = () =>
  packageDirs()
    .map((dir) => join(dir, REPORT))
    .filter((path) => existsSync(path));

// Stale reports from an earlier run must not be counted.
for (const path of reportPaths()) rmSync(path);

// Lint and formatting first: it is quick, and its report is read before the
// long run. A failure does not stop the run; it counts at the end.
const biome = spawnSync("biome", ["ci", "."], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});
const biomeStatus = biome.status ?? 1;
if (biomeStatus !== 0)
  console.error(
    `biome ci failed (exit ${biome.status ?? biome.signal ?? biome.error?.message}): \`pnpm lint\` shows the problems, \`pnpm format\` fixes the formatting`,
  );

const turbo = spawnSync("turbo", ["run", "build", "typecheck", "test", "memcheck", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});

// The docs build, once everything is built and tested. Through the pnpm
// that started this script when there is one (CI runs it through npx, so
// there may be no global pnpm), as tooling/pack-check does; a pnpm on PATH
// otherwise. `pnpm docs` would not do: pnpm passes `docs` on to `npm docs`.
let docsStatus = null;
if (turbo.status === 0) {
  const execPath = process.env.npm_execpath ?? "";
  const [command, prefix] = /pnpm/.test(execPath)
    ? /\.[cm]?js$/.test(execPath)
      ? [process.execPath, [execPath]]
      : [execPath, []]
    : ["pnpm", []];
  const docs = spawnSync(command, [...prefix, "run", "docs"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32" && command === "pnpm",
  });
  docsStatus = docs.status ?? 1;
  if (docsStatus !== 0) console.error(`the docs build failed (exit ${docs.status ?? docs.signal ?? docs.error?.message})`);
}

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
if (docsStatus !== null && docsStatus !== 0) failed += 1; // so does a docs failure
if (biomeStatus !== 0) failed += 1; // and a lint or formatting failure
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : docsStatus !== 0 ? docsStatus : biomeStatus);
