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
import { selectGroups } from "../groups.js";
import { suite } from "../suite.js";

/** Options of {@link runSuite}. */
export interface RunOptions {
  readonly impl: ImplementationModule;
  readonly seed?: number;
  readonly scale?: number;
  /** Only cases whose name contains this text (or matches this pattern). */
  readonly filter?: string | RegExp;
  /** Only these groups or topics (`struct`, `memoryview/slicing`); all by default. */
  readonly groups?: readonly string[];
  /** Stop after this many failures. */
  readonly maxFailures?: number;
  /** Called after each case. */
  readonly onCase?: (result: CaseResult, done: number, total: number) => void;
}

/** The outcome of one case. */
export interface CaseResult {
  /** The group the case belongs to (`memoryview/slicing`). */
  readonly group: string;
  /** The case's whole name, starting with its group. */
  readonly name: string;
  readonly status: "passed" | "failed";
  /** The failure, as `Name: message`. */
  readonly error?: string;
  /** What the case expected, when the failed check compared two things. */
  readonly expected?: string;
  /** What the module gave instead (a value, or the error it threw). */
  readonly actual?: string;
}

/** One group's tally. */
export interface GroupReport {
  readonly passed: number;
  readonly failed: number;
  /** Why the group, or a part of it, was skipped (empty when nothing was). */
  readonly skipped: readonly string[];
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
  /** Each selected group's tally, in the order the groups run. */
  readonly groups: Readonly<Record<string, GroupReport>>;
}

function matches(name: string, filter: string | RegExp | undefined): boolean {
  if (filter === undefined) return true;
  return typeof filter === "string" ? name.includes(filter) : filter.test(name);
}

/** The group of a case or a skip: its name up to the first ": " (group names hold no colon). */
function groupOf(name: string): string {
  const end = name.indexOf(": ");
  return end === -1 ? name : name.slice(0, end);
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
  const tallies: Record<string, { passed: number; failed: number; skipped: string[] }> = {};
  const tally = (group: string) => (tallies[group] ??= { passed: 0, failed: 0, skipped: [] });
  for (const group of selectGroups(options.groups)) tally(group.name);
  suite({
    test: (name, body) => {
      if (matches(name, options.filter)) cases.push({ name, body });
    },
    impl: options.impl,
    seed,
    scale: options.scale,
    groups: options.groups,
    onSkip: (group, reason) => {
      skipped.push({ group, reason });
      tally(groupOf(group)).skipped.push(
        group === groupOf(group) ? reason : `${group.slice(groupOf(group).length + 2)}: ${reason}`,
      );
    },
  });
  const started = performance.now();
  let passed = 0;
  const failures: CaseResult[] = [];
  for (let i = 0; i < cases.length; i++) {
    const { name, body } = cases[i]!;
    const group = groupOf(name);
    let result: CaseResult;
    try {
      const out = body();
      if (out && typeof (out as Promise<void>).then === "function") await out;
      passed++;
      tally(group).passed++;
      result = { group, name, status: "passed" };
    } catch (error) {
      const detail = error as { expected?: unknown; actual?: unknown };
      result = {
        group,
        name,
        status: "failed",
        error: describeError(error),
        ...(typeof detail?.expected === "string" ? { expected: detail.expected } : {}),
        ...(typeof detail?.actual === "string" ? { actual: detail.actual } : {}),
      };
      tally(group).failed++;
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
    groups: tallies,
  };
}

/**
 * How many cases each group registers against `impl` (nothing runs), and
 * why a group that registers none is skipped: what `mv-conformance --list`
 * prints.
 *
 * @example
 * ```ts
 * countCases({ impl: builtinsAdapter })["struct/pack"].cases; // returns 3058 or so
 * ```
 */
export function countCases(
  options: Pick<RunOptions, "impl" | "groups" | "scale" | "filter">,
): Record<string, { cases: number; skipped: string[] }> {
  const counts: Record<string, { cases: number; skipped: string[] }> = {};
  for (const group of selectGroups(options.groups)) counts[group.name] = { cases: 0, skipped: [] };
  const countsOf = (group: string) => {
    let entry = counts[group];
    if (entry === undefined) {
      entry = { cases: 0, skipped: [] };
      counts[group] = entry;
    }
    return entry;
  };
  suite({
    test: (name) => {
      if (matches(name, options.filter)) countsOf(groupOf(name)).cases++;
    },
    impl: options.impl,
    seed: 1,
    scale: options.scale,
    groups: options.groups,
    onSkip: (group, reason) => {
      if (group === groupOf(group)) countsOf(group).skipped.push(reason);
    },
  });
  return counts;
}
