/**
 * memoryview against CPython's, measured in the same run: for each
 * operation this file times the JavaScript side (median of 11 samples, each
 * long enough to time, as timeit does), then spawns
 * `python3 bench/memoryview_cpython.py NAME` for the same operation on the
 * same sizes, so both see the same machine load; then it prints one table
 * with the ratios, ready for the package README. Vitest's own table
 * (tinybench) follows for the JavaScript side. Run with `pnpm bench` in this
 * package.
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bench, describe } from "vitest";
import { MemoryView } from "@mv/core";
// The built package, as a program gets it (see vitest.config.ts).
import { bytes, memoryview, slice, type PyMemoryView } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const N = 1_000_000;

const doubles = memoryview(Float64Array.from({ length: N }, (_, i) => i * 0.5));
const grid = memoryview(Float64Array.from({ length: 2_000_000 }, (_, i) => i))
  .cast("B")
  .cast("d", [1000, 2000]);
const columns = grid.get([slice(null), slice(null, null, 2)]) as PyMemoryView; // 1000x1000, every other column
const pattern = Uint8Array.from({ length: 2 ** 20 }, (_, i) => i & 0xff);
const mb = memoryview(pattern); // 1 MiB
const ascii = new TextDecoder();
const digits = new TextEncoder().encode(mb.hex());
const eightB = Uint8Array.from({ length: 8 * 2 ** 20 }, (_, i) => (i * 7) & 0xff);
const eqB1 = memoryview(eightB).toreadonly();
const eqB2 = memoryview(eightB.slice());
const eqD1 = memoryview(Float64Array.from({ length: 2 ** 20 }, (_, i) => i));
const eqD2 = memoryview(Float64Array.from({ length: 2 ** 20 }, (_, i) => i));
const small = memoryview(new Uint8Array(4096));
const oneToMinusOne = slice(1, -1);
const tenTo100By3 = slice(10, 100, 3);
const smallBytes = bytes(4096);
// Core's own MemoryView.equals, on the same memory as the builtins' rows above.
const coreB1 = MemoryView.from(eightB).toReadonly();
const coreB2 = MemoryView.from(eightB.slice());
const coreD1 = MemoryView.from(Float64Array.from({ length: 2 ** 20 }, (_, i) => i));
const coreD2 = MemoryView.from(Float64Array.from({ length: 2 ** 20 }, (_, i) => i));

/** Where results go, so that no work is optimised away. */
export let sink: unknown;

function getLoop(): void {
  const m = doubles;
  let s = 0;
  for (let i = 0; i < N; i++) s += m.get(i) as number;
  sink = s;
}

const CASES: [string, () => void][] = [
  [
    "tolist of 1M doubles",
    () => {
      sink = doubles.tolist();
    },
  ],
  [
    "tobytes of a 1000x1000 float64 view of every other column",
    () => {
      sink = columns.tobytes();
    },
  ],
  [
    "hex of 1 MiB",
    () => {
      sink = mb.hex();
    },
  ],
  [
    // What building any 2 MiB string of hex digits costs in JavaScript: the
    // digits already written, only TextDecoder turning them into a string.
    "floor of hex of 1 MiB: TextDecoder.decode of its 2 MiB of digits",
    () => {
      sink = ascii.decode(digits);
    },
  ],
  [
    "hex of 1 MiB with sep",
    () => {
      sink = mb.hex(":");
    },
  ],
  [
    "equality of two 8 MiB views ('B')",
    () => {
      sink = eqB1.equals(eqB2);
    },
  ],
  [
    "equality of two 8 MiB views ('d')",
    () => {
      sink = eqD1.equals(eqD2);
    },
  ],
  [
    "core MemoryView.equals of two 8 MiB views ('B')",
    () => {
      sink = coreB1.equals(coreB2);
    },
  ],
  [
    "core MemoryView.equals of two 8 MiB views ('d')",
    () => {
      sink = coreD1.equals(coreD2);
    },
  ],
  [
    "memoryview(obj) of a 4096-byte bytes",
    () => {
      sink = memoryview(smallBytes);
    },
  ],
  [
    "slice m[1:-1]",
    () => {
      sink = small.get(oneToMinusOne);
    },
  ],
  [
    "slice m[10:100:3]",
    () => {
      sink = small.get(tenTo100By3);
    },
  ],
  [
    "cast('I')",
    () => {
      sink = small.cast("I");
    },
  ],
  [
    "cast('d')",
    () => {
      sink = small.cast("d");
    },
  ],
  ["get(i) over 1M doubles", getLoop],
];

function sampleSeconds(fn: () => void, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return (performance.now() - start) / 1000;
}

/** Median seconds per call: timeit's autorange (samples of at least 50 ms), 11 samples. */
function medianSeconds(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  let calls = 1;
  while (sampleSeconds(fn, calls) < 0.05) calls *= 2;
  const samples: number[] = [];
  for (let k = 0; k < 11; k++) samples.push(sampleSeconds(fn, calls) / calls);
  samples.sort((a, b) => a - b);
  return samples[5]!;
}

function format(seconds: number): string {
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(2)} ms`;
  if (seconds >= 1e-6) return `${(seconds * 1e6).toFixed(2)} µs`;
  return `${(seconds * 1e9).toFixed(0)} ns`;
}

interface CPythonRun {
  python: string;
  numpy: string;
  results: Record<string, number>;
}

function cpythonSeconds(name: string): CPythonRun {
  const python = spawnSync("python3", [join(here, "memoryview_cpython.py"), name], { encoding: "utf8" });
  if (python.status !== 0) throw new Error(`python3 bench failed: ${python.stderr}`);
  return JSON.parse(python.stdout) as CPythonRun;
}

function report(): void {
  let cpython: CPythonRun | undefined;
  const rows = CASES.map(([name, fn]) => {
    const js = medianSeconds(fn);
    cpython = cpythonSeconds(name);
    const py = cpython.results[name]!;
    return `| ${name} | ${format(js)} | ${format(py)} | ${(py / js).toFixed(2)}× |`;
  });
  if (cpython === undefined) return;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "?"}, Node ${process.version}, CPython ${cpython.python} (NumPy ${cpython.numpy})`;
  console.log(
    [
      "",
      `memoryview vs CPython, ${new Date().toISOString().slice(0, 10)}, ${machine}`,
      "",
      "| operation | @mv/builtins | CPython | speed-up |",
      "|---|---:|---:|---:|",
      ...rows,
      "",
    ].join("\n"),
  );
}

report();

describe("memoryview (JavaScript side)", () => {
  for (const [name, fn] of CASES) bench(name, fn, { time: 200, warmupTime: 50 });
});
