// The CPU cost of importing each published entry point, as a user's program
// pays it: a fresh `node` process per run that imports the module and, at
// exit, reports the CPU time (user + system) the whole process used. The
// cost of a module is the median over many runs minus the median of a
// process that imports an empty ES module (Node's own start-up). Runs of
// the different programs are interleaved, so a change in the machine's load
// hits them all alike. scijs ndarray and python-struct are measured beside
// @mv for reference. Prints a markdown table for the READMEs.
//
// Run with `pnpm bench` (it builds dist/ first). MV_IMPORT_RUNS sets the
// number of runs of each program (41 unless told).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const RUNS = Number(process.env.MV_IMPORT_RUNS ?? 41);

/** Prints the process's CPU time in ms when it exits (registered first). */
const REPORT = `process.on("exit", () => { const { user, system } = process.cpuUsage(); process.stdout.write(String((user + system) / 1000)); });\n`;

/** The programs: how each loads its module, and the target (ms over empty) if any. */
const programs = [
  { label: "empty ES module", file: "empty.mjs", code: "" },
  { label: "`@mv/core` (import)", file: "core.mjs", code: 'import "@mv/core";\n', target: 10 },
  { label: "`@mv/core` (require)", file: "core-require.cjs", code: 'require("@mv/core");\n', target: 10 },
  { label: "`@mv/builtins` (import)", file: "builtins.mjs", code: 'import "@mv/builtins";\n', target: 15 },
  { label: "`@mv/builtins` (require)", file: "builtins-require.cjs", code: 'require("@mv/builtins");\n', target: 15 },
  { label: "scijs `ndarray` (reference)", file: "ndarray.mjs", code: 'import "ndarray";\n' },
  { label: "`python-struct` (reference)", file: "python-struct.mjs", code: 'import "python-struct";\n' },
];

// The programs live beside this script, so they resolve this package's
// node_modules (the workspace's built @mv packages and the references).
const dir = join(here, ".import-cost");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);
for (const program of programs) writeFileSync(join(dir, program.file), REPORT + program.code);

const samples = new Map(programs.map((program) => [program, []]));
for (let run = 0; run < RUNS; run++) {
  // A different order each round: no program always runs right after another.
  const order = programs.map((_, i) => programs[(i + run) % programs.length]);
  for (const program of order) {
    const child = spawnSync(process.execPath, [join(dir, program.file)], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`${program.file} failed:\n${child.stderr}`);
    samples.get(program).push(Number(child.stdout));
  }
}
rmSync(dir, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const base = median(samples.get(programs[0]));

console.log(
  `Import cost: CPU time of a whole \`node\` process, median of ${RUNS} runs, minus an empty ES module's (${base.toFixed(1)} ms)`,
);
console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}\n`);
console.log("| program | CPU over empty | target |");
console.log("|---|---:|---|");
for (const program of programs.slice(1)) {
  const cost = median(samples.get(program)) - base;
  const target = program.target === undefined ? "" : `≤ ${program.target} ms: ${cost <= program.target ? "met" : "not met"}`;
  console.log(`| ${program.label} | +${cost.toFixed(1)} ms | ${target} |`);
}
