#!/usr/bin/env node
// The scores of a mutation report (`pnpm mutation:score [report.json]`), as
// the README records them: one row per file, and the total over every source
// file of @mv/core and @mv/builtins.
//
// Every file is within the suite's reach: the contract's names (memoryview,
// buffer, bytes, bytearray, array, the exporters, struct, getBuffer) and the
// adapter's three optional extensions (`capi`, the buffer C API;
// `legacyCapi`, Python 2's; `MemoryView`, NumPy's operations on views).
//
// The score is Stryker's: (killed + timed out) / (killed + timed out +
// survived + no coverage); "covered" leaves the no-coverage mutants out.
// The mutants listed in equivalent-mutants.mjs (each with its reason: an
// equivalent mutant, such as an allocation policy no API reports) count in
// none of these; the "ignored" column counts them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const STATUS = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage", Ignored: "ignored" };

function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, other: 0 };
  for (const m of mutants) t[STATUS[m.status] ?? "other"]++;
  return t;
}

function add(a, b) {
  for (const key of Object.keys(a)) a[key] += b[key];
  return a;
}

function percent(t, covered = false) {
  const detected = t.killed + t.timeout;
  const total = detected + t.survived + (covered ? 0 : t.noCoverage);
  return total === 0 ? "n/a" : `${((100 * detected) / total).toFixed(1)} %`;
}

/** The rows and the total of a Stryker JSON report. */
export function score(report) {
  const rows = [];
  const all = tally([]);
  for (const [path, file] of Object.entries(report.files)) {
    const name = path.replace(/^.*?packages\//, "");
    const t = tally(file.mutants);
    rows.push({ name, t });
    add(all, t);
  }
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return { rows, all };
}

function line(label, t) {
  const n = t.killed + t.timeout + t.survived + t.noCoverage;
  return `| ${label} | ${n} | ${t.killed + t.timeout} | ${t.survived} | ${t.noCoverage} | ${percent(t)} | ${percent(t, true)} | ${t.ignored} |`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2] ?? new URL("../../reports/mutation/mutation.json", import.meta.url);
  const { rows, all } = score(JSON.parse(readFileSync(path, "utf8")));
  console.log("| file | mutants | killed or timed out | survived | no coverage | score | score (covered) | ignored |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, t } of rows) console.log(line(name, t));
  console.log(line("**all files**", all));
}
