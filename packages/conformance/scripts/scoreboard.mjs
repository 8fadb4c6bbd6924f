#!/usr/bin/env node
// Regenerates the scoreboard: runs the whole suite (seed 1) against each
// implementation and writes fixtures/scoreboard.json, which the README's
// table and test/adapters.test.ts are checked against. Run after building:
//   node scripts/scoreboard.mjs
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runSuite } from "../dist/src/index.js";

export const IMPLEMENTATIONS = [
  ["@mv/builtins", "../dist/src/adapters/builtins.js"],
  ["independent", "../dist/src/independent/index.js"],
  ["cpython-pyodide", "../dist/src/adapters/cpython-pyodide.js"],
  ["python-struct", "../dist/src/adapters/python-struct.js"],
  ["aksel-structjs", "../dist/src/adapters/aksel-structjs.js"],
];

const rows = [];
for (const [key, path] of IMPLEMENTATIONS) {
  const impl = await import(new URL(path, import.meta.url).href);
  const report = await runSuite({ impl, seed: 1 });
  rows.push({ key, name: impl.name ?? key, passed: report.passed, failed: report.failed, skipped: report.skipped.length });
  console.error(`${key}: ${report.passed} passed, ${report.failed} failed, ${report.skipped.length} skipped`);
}
const out = fileURLToPath(new URL("../fixtures/scoreboard.json", import.meta.url));
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), seed: 1, rows }, null, 2)}\n`);
