#!/usr/bin/env node
// Runs the whole suite against every broken variant (seed 1 unless given)
// and prints, for each, how many cases fail and in which groups: the table
// in README.md. Needs `pnpm build` first.
import { runSuite } from "../dist/src/index.js";
import { BROKEN_VARIANTS } from "../dist/src/broken/index.js";

const seed = Number(process.argv[2] ?? 1);
console.log(`| variant | the bug | failing cases (of which, by group) |`);
console.log(`|---|---|---|`);
for (const variant of BROKEN_VARIANTS) {
  const report = await runSuite({ impl: variant.impl, seed });
  const groups = {};
  for (const f of report.failures) {
    const group = f.name.split(":")[0];
    groups[group] = (groups[group] ?? 0) + 1;
  }
  const byGroup = Object.entries(groups)
    .map(([g, n]) => `${g} ${n}`)
    .join(", ");
  console.log(`| \`${variant.defect}\` | ${variant.description} | ${report.failed} (${byGroup}) |`);
}
