#!/usr/bin/env node
// The scores of a mutation report (`pnpm mutation:score [report.json]`), as
// the README records them: one row per file, and two totals.
//
// - "all files": every mutant of every source file of @mv/core and
//   @mv/builtins.
// - "contract surface": the files the contract's names can reach. The suite
//   drives an implementation only through CONTRACT.md's names (memoryview,
//   buffer, bytes, bytearray, array, the exporters, struct, getBuffer), so a
//   file that only @mv/core's or @mv/builtins' own extra API calls can never
//   be reached by it; those files are tested by their package's unit tests.
//   The list below names each, with the API that alone uses it.
//
// The score is Stryker's: (killed + timed out) / (killed + timed out +
// survived + no coverage); "covered" leaves the no-coverage mutants out.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Files outside the contract surface, and the API that alone reaches each. */
export const OUTSIDE_CONTRACT = {
  "core/src/view/reshape.ts": "MemoryView.reshape, and MemoryView.cast of views that are not C-contiguous (memoryview refuses those casts, as CPython)",
  "core/src/view/permute.ts": "MemoryView.permute",
  "core/src/view/typed-array.ts": "MemoryView.toTypedArray",
  "core/src/view/fill.ts": "MemoryView.fill",
  "core/src/protocol/copy-buffer.ts": "copyBuffer",
  "core/src/protocol/copy-data.ts": "copyData",
  "core/src/protocol/get-pointer.ts": "getPointer",
  "core/src/protocol/item-cursor.ts": "copyBuffer/toContiguous/fromContiguous walks",
  "core/src/protocol/from-contiguous.ts": "fromContiguous",
  "core/src/protocol/fill-contiguous-strides.ts": "fillContiguousStrides",
  "builtins/src/buffer/as-char-buffer.ts": "asCharBuffer (Python 2's C API, beyond CONTRACT §4)",
  "builtins/src/buffer/as-read-buffer.ts": "asReadBuffer (Python 2's C API, beyond CONTRACT §4)",
  "builtins/src/buffer/as-write-buffer.ts": "asWriteBuffer (Python 2's C API, beyond CONTRACT §4)",
  "builtins/src/buffer/check-read-buffer.ts": "checkReadBuffer (Python 2's C API, beyond CONTRACT §4)",
};

const STATUS = { Killed: "killed", Timeout: "timeout", Survived: "survived", NoCoverage: "noCoverage" };

function tally(mutants) {
  const t = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, other: 0 };
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

/** The rows and totals of a Stryker JSON report. */
export function score(report) {
  const rows = [];
  const all = tally([]);
  const surface = tally([]);
  for (const [path, file] of Object.entries(report.files)) {
    const name = path.replace(/^.*?packages\//, "");
    const t = tally(file.mutants);
    rows.push({ name, t, outside: name in OUTSIDE_CONTRACT });
    add(all, t);
    if (!(name in OUTSIDE_CONTRACT)) add(surface, t);
  }
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return { rows, all, surface };
}

function line(label, t) {
  const n = t.killed + t.timeout + t.survived + t.noCoverage;
  return `| ${label} | ${n} | ${t.killed + t.timeout} | ${t.survived} | ${t.noCoverage} | ${percent(t)} | ${percent(t, true)} |`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2] ?? new URL("../../reports/mutation/mutation.json", import.meta.url);
  const { rows, all, surface } = score(JSON.parse(readFileSync(path, "utf8")));
  console.log("| file | mutants | killed or timed out | survived | no coverage | score | score (covered) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const { name, t, outside } of rows) console.log(line(outside ? `${name} (outside the contract)` : name, t));
  console.log(line("**all files**", all));
  console.log(line("**contract surface**", surface));
}
