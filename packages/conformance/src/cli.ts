/**
 * `mv-conformance`: runs the suite standalone against the module `--impl`
 * names (default `@mv/builtins`), with a progress bar on a TTY, and ends
 * with the line `N passed, M failed, K skipped`. Exits non-zero on any
 * failure.
 *
 *   mv-conformance [--impl MODULE] [--seed N] [--filter TEXT|/REGEX/]
 *                  [--scale X] [--json] [--max-failures N] [--quiet]
 *
 * @packageDocumentation
 */

import { createRequire } from "node:module";
import { resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import type { ImplementationModule } from "./implementation.js";
import { runSuite, type RunReport } from "./runner/run-suite.js";

/** Parsed command-line options. */
export interface CliOptions {
  impl: string;
  seed?: number;
  filter?: string | RegExp;
  scale?: number;
  json: boolean;
  maxFailures?: number;
  quiet: boolean;
  help: boolean;
}

const USAGE = `usage: mv-conformance [--impl MODULE] [--seed N] [--filter TEXT|/REGEX/] [--scale X] [--json] [--max-failures N] [--quiet]

  --impl MODULE      the module under test: a package name or a path (default @mv/builtins)
  --seed N           replay the randomized cases of an earlier run
  --filter TEXT      run only the cases whose name contains TEXT (/REGEX/ for a pattern)
  --scale X          X times the default number of randomized cases
  --json             print a JSON report on stdout (progress and summary go to stderr)
  --max-failures N   stop after N failures
  --quiet            no progress bar, no failure details`;

/**
 * Parses the arguments.
 *
 * @example
 * ```ts
 * parseArgs(["--seed", "7", "--filter", "golden"]).seed; // returns 7
 * ```
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { impl: "@mv/builtins", json: false, quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--impl":
        options.impl = value();
        break;
      case "--seed": {
        const seed = Number(value());
        if (!Number.isInteger(seed)) throw new Error("--seed needs an integer");
        options.seed = seed;
        break;
      }
      case "--filter": {
        const f = value();
        options.filter = f.length > 2 && f.startsWith("/") && f.endsWith("/") ? new RegExp(f.slice(1, -1)) : f;
        break;
      }
      case "--scale":
        options.scale = Number(value());
        break;
      case "--max-failures":
        options.maxFailures = Number(value());
        break;
      case "--json":
        options.json = true;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

/** Imports the module under test; `@mv/builtins` means the suite's own adapter for it. */
export async function loadImplementation(specifier: string): Promise<ImplementationModule> {
  let namespace: Record<string, unknown>;
  if (specifier === "@mv/builtins") {
    namespace = (await import("./adapters/builtins.js")) as Record<string, unknown>;
  } else if (specifier.startsWith(".") || specifier.startsWith("/")) {
    namespace = (await import(pathToFileURL(resolvePath(specifier)).href)) as Record<string, unknown>;
  } else {
    try {
      namespace = (await import(specifier)) as Record<string, unknown>;
    } catch {
      const require = createRequire(pathToFileURL(resolvePath("package.json")).href);
      namespace = (await import(pathToFileURL(require.resolve(specifier)).href)) as Record<string, unknown>;
    }
  }
  const fallback = namespace.default as Record<string, unknown> | undefined;
  const usesDefault =
    fallback && typeof fallback === "object" && !("memoryview" in namespace) && !("struct" in namespace);
  return (usesDefault ? fallback : namespace) as ImplementationModule;
}

function progressBar(done: number, total: number, failed: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${failed ? ` · ${failed} failed` : ""}`;
}

/** The summary lines, ending with the closing line. */
export function summary(report: RunReport, impl: string): string[] {
  const lines: string[] = [];
  for (const s of report.skipped) lines.push(`skipped: ${s.group} (${s.reason})`);
  lines.push(`implementation: ${impl}`);
  lines.push(`seed: ${report.seed} (replay with --seed ${report.seed})`);
  lines.push(`time: ${(report.durationMs / 1000).toFixed(1)} s`);
  lines.push(`${report.passed} passed, ${report.failed} failed, ${report.skipped.length} skipped`);
  return lines;
}

/**
 * Runs the command; returns the exit status.
 *
 * @example
 * ```ts
 * await main(["--impl", "@mv/conformance/independent", "--seed", "1"]); // returns 0
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`mv-conformance: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = options.json ? process.stderr : process.stdout;
  const tty = Boolean(out.isTTY) && !options.quiet;
  const impl = await loadImplementation(options.impl);
  let lastDraw = 0;
  let failedSoFar = 0;
  const report = await runSuite({
    impl,
    seed: options.seed,
    scale: options.scale,
    filter: options.filter,
    maxFailures: options.maxFailures,
    onCase(result, done, total) {
      if (result.status === "failed") {
        failedSoFar++;
        if (!options.quiet) {
          if (tty) out.write("\r\x1b[K");
          out.write(`FAIL ${result.name}\n     ${result.error}\n`);
        }
      }
      if (tty) {
        const now = Date.now();
        if (now - lastDraw > 80 || done === total) {
          lastDraw = now;
          out.write(`\r\x1b[K${progressBar(done, total, failedSoFar)}`);
        }
      }
    },
  });
  if (tty) out.write("\r\x1b[K");
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ implementation: options.impl, ...report }, null, 2)}\n`);
  }
  out.write(`${summary(report, options.impl).join("\n")}\n`);
  return report.failed > 0 || report.passed === 0 ? 1 : 0;
}
