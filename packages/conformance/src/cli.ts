/**
 * `mv-conformance`: runs the suite standalone against the module `--impl`
 * names (default `@mv/builtins`), with a progress bar on a TTY, and ends
 * with the line `N passed, M failed, K skipped`. Exits non-zero on any
 * failure.
 *
 *   mv-conformance [--impl MODULE] [--group NAME]... [--list] [--seed N]
 *                  [--filter TEXT|/REGEX/] [--scale X] [--max-failures N]
 *                  [--json] [--quiet] [--version] [--help]
 *
 * @packageDocumentation
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import { GROUPS, TOPICS } from "./groups.js";
import type { ImplementationModule } from "./implementation.js";
import { resolveImplementation } from "./resolve-implementation.js";
import { countCases, runSuite, type RunReport } from "./runner/run-suite.js";

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
  version: boolean;
  list: boolean;
  /** The groups or topics `--group` named, in order; undefined for all. */
  groups?: string[];
}

/** A mistake on the command line: one line on stderr, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const USAGE = `usage: mv-conformance [options]

Runs the @mv conformance suite against an implementation of the buffer
protocol, memoryview and struct, and ends with "N passed, M failed, K skipped".

  --impl MODULE      the module under test: a package name or a path (default @mv/builtins)
  --group NAME       run only this group (memoryview/slicing) or topic (memoryview); repeatable
  --list             list the groups with their case counts against --impl, and exit
  --seed N           replay the randomized cases of an earlier run
  --filter TEXT      run only the cases whose name contains TEXT (/REGEX/ for a pattern)
  --scale X          X times the default number of randomized cases (X > 0)
  --max-failures N   stop after N failures (N >= 1)
  --json             a JSON report on stdout: per-group counts and each failure (progress goes to stderr)
  --quiet            print only the closing line
  --version          print the version and exit
  --help, -h         print this help and exit

Exit status: 0 when every selected case passes, 1 when a case fails or none
is selected, 2 for a usage error or a module that cannot be loaded.`;

function parseNumber(flag: string, text: string, check: (n: number) => boolean, what: string): number {
  const n = text.trim() === "" ? Number.NaN : Number(text);
  if (!check(n)) throw new UsageError(`${flag} needs ${what}, not '${text}'`);
  return n;
}

/**
 * Parses the arguments; a UsageError for an unknown flag, a missing or bad
 * value, or an unknown group.
 *
 * @example
 * ```ts
 * parseArgs(["--seed", "7", "--group", "struct"]).groups; // returns ["struct"]
 * parseArgs(["--scale", "abc"]); // throws UsageError: --scale needs a positive number, not 'abc'
 * ```
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { impl: "@mv/builtins", json: false, quiet: false, help: false, version: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case "--impl":
        options.impl = value();
        break;
      case "--seed":
        options.seed = parseNumber(flag, value(), Number.isSafeInteger, "an integer");
        break;
      case "--filter": {
        const f = value();
        if (f.length > 2 && f.startsWith("/") && f.endsWith("/")) {
          try {
            options.filter = new RegExp(f.slice(1, -1));
          } catch (error) {
            throw new UsageError(`--filter: ${(error as Error).message}`);
          }
        } else {
          options.filter = f;
        }
        break;
      }
      case "--scale":
        options.scale = parseNumber(flag, value(), (n) => Number.isFinite(n) && n > 0, "a positive number");
        break;
      case "--max-failures":
        options.maxFailures = parseNumber(
          flag,
          value(),
          (n) => Number.isSafeInteger(n) && n >= 1,
          "a whole number of at least 1",
        );
        break;
      case "--group": {
        const name = value();
        if (!GROUPS.some((g) => g.name === name) && !TOPICS.includes(name)) {
          throw new UsageError(`unknown group '${name}' (mv-conformance --list shows the groups)`);
        }
        options.groups ??= [];
        options.groups.push(name);
        break;
      }
      case "--json":
        noValue();
        options.json = true;
        break;
      case "--quiet":
        noValue();
        options.quiet = true;
        break;
      case "--list":
        noValue();
        options.list = true;
        break;
      case "--version":
        noValue();
        options.version = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new UsageError(arg.startsWith("-") ? `unknown option ${arg}` : `unexpected argument '${arg}'`);
    }
  }
  return options;
}

/** The message of an error, on one line. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.trim();
}

/**
 * Imports the module under test; `@mv/builtins` means the suite's own
 * adapter for it. The namespace is read as the suite reads any module
 * (`resolveImplementation`: a default export, top-level struct functions).
 *
 * @throws UsageError when the module cannot be found or fails to load
 */
export async function loadImplementation(specifier: string): Promise<ImplementationModule> {
  let namespace: object;
  try {
    if (specifier === "@mv/builtins") {
      namespace = await import("./adapters/builtins.js");
    } else if (specifier.startsWith(".") || specifier.startsWith("/")) {
      namespace = await import(pathToFileURL(resolvePath(specifier)).href);
    } else {
      try {
        namespace = await import(specifier);
      } catch (error) {
        // A package of the user's project, not of this one: resolve it from the working directory.
        if ((error as { code?: string })?.code !== "ERR_MODULE_NOT_FOUND") throw error;
        const require = createRequire(pathToFileURL(resolvePath("package.json")).href);
        namespace = await import(pathToFileURL(require.resolve(specifier)).href);
      }
    }
  } catch (error) {
    throw new UsageError(`cannot load --impl ${specifier}: ${oneLine(error)}`);
  }
  return resolveImplementation(namespace);
}

/** The package's version, from its package.json (beside `src/` or `dist/src/`). */
export function version(): string {
  for (const up of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@mv/conformance" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not this one
    }
  }
  return "unknown";
}

function progressBar(done: number, total: number, failed: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${failed ? ` · ${failed} failed` : ""}`;
}

/** The closing line: `N passed, M failed, K skipped` (K counts skipped groups and parts of groups). */
export function closingLine(report: RunReport): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped.length} skipped`;
}

/** The summary lines, ending with the closing line. */
export function summary(report: RunReport, impl: string): string[] {
  const lines: string[] = [];
  for (const s of report.skipped) lines.push(`skipped: ${s.group} (${s.reason})`);
  lines.push(`implementation: ${impl}`);
  lines.push(`seed: ${report.seed} (replay with --seed ${report.seed})`);
  lines.push(`time: ${(report.durationMs / 1000).toFixed(1)} s`);
  lines.push(closingLine(report));
  return lines;
}

/** The `--json` report: the run's figures, each group's tally, and each failure with its expected and actual values. */
export function jsonReport(report: RunReport, impl: string): object {
  return {
    implementation: impl,
    version: version(),
    seed: report.seed,
    passed: report.passed,
    failed: report.failed,
    skipped: report.skipped.length,
    durationMs: Math.round(report.durationMs),
    groups: report.groups,
    failures: report.failures.map((f) => ({
      group: f.group,
      name: f.name,
      error: f.error ?? null,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
    })),
  };
}

/** `--list`: each selected group, its case count or why it is skipped, and the total. */
function listGroups(impl: ImplementationModule, options: CliOptions): string[] {
  const counts = countCases({ impl, groups: options.groups, scale: options.scale, filter: options.filter });
  const width = Math.max(...Object.keys(counts).map((name) => name.length));
  const lines: string[] = [];
  let total = 0;
  for (const [name, { cases, skipped }] of Object.entries(counts)) {
    total += cases;
    const about = GROUPS.find((g) => g.name === name)?.about ?? "";
    const count = cases > 0 ? `${cases} cases` : `skipped: ${skipped.join("; ")}`;
    lines.push(`${name.padEnd(width)}  ${count.padStart(11)}  ${cases > 0 ? about : ""}`.trimEnd());
  }
  lines.push(`${total} cases in ${Object.values(counts).filter((c) => c.cases > 0).length} groups`);
  return lines;
}

/**
 * Runs the command; returns the exit status (0 all passed, 1 a failure or
 * an empty selection, 2 a usage error or a module that cannot be loaded).
 *
 * @example
 * ```ts
 * await main(["--impl", "@mv/conformance/independent", "--seed", "1"]); // returns 0
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  let impl: ImplementationModule;
  try {
    options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (options.version) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    impl = await loadImplementation(options.impl);
    if (options.list) {
      process.stdout.write(`${listGroups(impl, options).join("\n")}\n`);
      return 0;
    }
  } catch (error) {
    process.stderr.write(`mv-conformance: ${oneLine(error)}\n`);
    return 2;
  }
  const out = options.json ? process.stderr : process.stdout;
  const tty = Boolean(out.isTTY) && !options.quiet;
  let lastDraw = 0;
  let failedSoFar = 0;
  let report: RunReport;
  try {
    report = await runSuite({
      impl,
      seed: options.seed,
      scale: options.scale,
      filter: options.filter,
      groups: options.groups,
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
  } catch (error) {
    // The suite checks its options at once: a malformed manifest is the module's mistake, not a failed case.
    if (error instanceof TypeError || error instanceof RangeError) {
      process.stderr.write(`mv-conformance: ${options.impl}: ${oneLine(error)}\n`);
      return 2;
    }
    throw error;
  }
  if (tty) out.write("\r\x1b[K");
  if (options.json) process.stdout.write(`${JSON.stringify(jsonReport(report, options.impl), null, 2)}\n`);
  out.write(`${(options.quiet ? [closingLine(report)] : summary(report, options.impl)).join("\n")}\n`);
  if (report.passed + report.failed === 0) {
    process.stderr.write("mv-conformance: no case matches the selection\n");
    return 1;
  }
  return report.failed > 0 ? 1 : 0;
}
