/**
 * A tiny runner, independent of any test framework: it supplies the suite's
 * `test`, runs the cases one after another, and reports. The CLI and the
 * self-tests of the broken variants use it.
 *
 * @packageDocumentation
 */

import type { CaseBody } from "../common.js";
import type { ImplementationModule } from "../implementation.js";
import { randomSeed } from "../model/prng.js";
import { suite } from "../suite.js";

/** Options of {@link runSuite}. */
export interface RunOptions {
  readonly impl: ImplementationModule;
  readonly seed?: number;
  readonly scale?: number;
  /** Only cases whose name contains this text (or matches this pattern). */
  readonly filter?: string | RegExp;
  /** Stop after this many failures. */
  readonly maxFailures?: number;
  /** Called after each case. */
  readonly onCase?: (result: CaseResult, done: number, total: number) => void;
}

/** The outcome of one case. */
export interface CaseResult {
  readonly name: string;
  readonly status: "passed" | "failed";
  readonly error?: string;
}

/** The outcome of a run. */
export interface RunReport {
  readonly seed: number;
  readonly passed: number;
  readonly failed: number;
  /** Groups skipped because the module does not declare them, with the reason. */
  readonly skipped: readonly { readonly group: string; readonly reason: string }[];
  readonly durationMs: number;
  /** The failed cases. */
  readonly failures: readonly CaseResult[];
}

function matches(name: string, filter: string | RegExp | undefined): boolean {
  if (filter === undefined) return true;
  return typeof filter === "string" ? name.includes(filter) : filter.test(name);
}

function describeError(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const e = error as Error;
    return `${e.name}: ${e.message}`;
  }
  return String(error);
}

/**
 * Registers the suite against `impl` and runs every (filtered) case.
 *
 * @example
 * ```ts
 * const report = await runSuite({ impl: await import("@mv/conformance/independent"), seed: 1 });
 * `${report.passed} passed, ${report.failed} failed`; // returns e.g. "21034 passed, 0 failed"
 * ```
 */
export async function runSuite(options: RunOptions): Promise<RunReport> {
  const cases: { name: string; body: CaseBody }[] = [];
  const skipped: { group: string; reason: string }[] = [];
  const seed = options.seed ?? randomSeed();
  suite({
    test: (name, body) => {
      if (matches(name, options.filter)) cases.push({ name, body });
    },
    impl: options.impl,
    seed,
    scale: options.scale,
    onSkip: (group, reason) => skipped.push({ group, reason }),
  });
  const started = performance.now();
  let passed = 0;
  const failures: CaseResult[] = [];
  for (let i = 0; i < cases.length; i++) {
    const { name, body } = cases[i]!;
    let result: CaseResult;
    try {
      const out = body();
      if (out && typeof (out as Promise<void>).then === "function") await out;
      passed++;
      result = { name, status: "passed" };
    } catch (error) {
      result = { name, status: "failed", error: describeError(error) };
      failures.push(result);
    }
    options.onCase?.(result, i + 1, cases.length);
    if (options.maxFailures !== undefined && failures.length >= options.maxFailures) break;
  }
  return {
    seed,
    passed,
    failed: failures.length,
    skipped,
    durationMs: performance.now() - started,
    failures,
  };
}
