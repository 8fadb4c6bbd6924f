#!/usr/bin/env node
/**
 * Turns the JSON of one or more `vitest bench --run --outputJson FILE` runs of
 * bench/struct.bench.ts into the Markdown table of the README: the median
 * time of each task over the samples of all runs, and its ratio to the first
 * task of its group (the named peer), with the range of that ratio across
 * runs. Usage: node bench/report.mjs run1.json [run2.json …]
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

const runs = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, "utf8")));
if (runs.length === 0) {
  console.error("usage: node bench/report.mjs run1.json [run2.json …]");
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** group name -> task name -> { samples: number[], perRunMedians: number[] } */
const groups = new Map();
for (const run of runs) {
  for (const file of run.files) {
    for (const group of file.groups) {
      const name = group.fullName.split(" > ").pop();
      if (!groups.has(name)) groups.set(name, new Map());
      for (const task of group.benchmarks) {
        const entry = groups.get(name).get(task.name) ?? { samples: [], perRunMedians: [] };
        entry.samples.push(...(task.samples ?? []));
        entry.perRunMedians.push(task.median);
        groups.get(name).set(task.name, entry);
      }
    }
  }
}

const lines = [];
lines.push(
  `| group | task | median (ms) | ratio to the first task | ratio range over ${runs.length} run${runs.length > 1 ? "s" : ""} |`,
);
lines.push("|---|---|---:|---:|---|");
for (const [group, tasks] of groups) {
  const entries = [...tasks];
  const [, base] = entries[0];
  const baseMedian = median(base.samples.length ? base.samples : base.perRunMedians);
  for (const [task, entry] of entries) {
    const m = median(entry.samples.length ? entry.samples : entry.perRunMedians);
    const ratios = entry.perRunMedians.map((x, i) => x / base.perRunMedians[i]);
    const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    lines.push(`| ${group} | ${task} | ${fmt(m)} | ${(m / baseMedian).toFixed(2)}× | ${range} |`);
  }
}
console.log(lines.join("\n"));
console.log();
console.log(`Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}.`);
