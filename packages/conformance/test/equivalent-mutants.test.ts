/**
 * The equivalent-mutant list (scripts/mutation/equivalent-mutants.mjs) and
 * its Stryker ignorer: each entry still finds its line and leaves out exactly
 * the mutants of its mutators there, and nothing else in the file; a
 * stale entry fails here rather than silently ignoring nothing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import { describe, expect, test } from "vitest";
// @ts-expect-error -- plain JavaScript modules read by Stryker, without declarations
import { EQUIVALENT_MUTANTS } from "../scripts/mutation/equivalent-mutants.mjs";
// @ts-expect-error -- as above
import { lineOf, strykerPlugins } from "../scripts/mutation/equivalent-mutants-ignorer.mjs";

interface Entry {
  file: string;
  line: string;
  after?: string;
  mutators: readonly string[];
  to?: "end";
  reason: string;
}

const root = fileURLToPath(new URL("../../..", import.meta.url));
const entries = EQUIVALENT_MUTANTS as readonly Entry[];
const ignorer = strykerPlugins[0].value;
const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, fatal() {}, isDebugEnabled: () => false } as never;

async function mutantsOf(file: string) {
  const name = `${root}${file}`;
  const content = readFileSync(name, "utf8");
  const options = { plugins: null, excludedMutations: [], ignorers: [ignorer], noHeader: true } as never;
  const { mutants } = await new Instrumenter(logger).instrument([{ name, content, mutate: true }], options);
  return { content, mutants };
}

describe("the equivalent-mutant list", () => {
  const files = [...new Set(entries.map((e) => e.file))];
  test.each(files)("%s: the listed mutators on the listed lines, and only they, are ignored", async (file) => {
    const { content, mutants } = await mutantsOf(file);
    const mine = entries.filter((e) => e.file === file);
    // The report's lines are 0-based; lineOf counts from 1.
    const covered = (line: number, mutator: string) =>
      mine.some((e) => {
        const at = lineOf(e, content) - 1;
        const names = e.mutators.includes("all") ? [mutator] : e.mutators;
        return names.includes(mutator) && (e.to === "end" ? line >= at : line === at);
      });
    for (const m of mutants) {
      const expected = covered(m.location.start.line, m.mutatorName);
      expect(m.status === "Ignored", `${file}:${m.location.start.line + 1} ${m.mutatorName} ${m.replacement}`).toBe(expected);
    }
    for (const e of mine) {
      const at = lineOf(e, content) - 1;
      const ignored = mutants.filter(
        (m) => m.status === "Ignored" && (e.to === "end" ? m.location.start.line >= at : m.location.start.line === at),
      );
      expect(ignored.length, `${e.line}: no mutant of ${e.mutators.join(", ")} is left there`).toBeGreaterThan(0);
      if (!e.mutators.includes("all")) expect(new Set(ignored.map((m) => m.mutatorName))).toEqual(new Set(e.mutators));
      expect(ignored.every((m) => m.statusReason === e.reason)).toBe(true);
    }
  });

  test("an entry whose line is gone fails the run, naming the file", () => {
    const stale = { file: "packages/core/src/view/fill.ts", line: "no such line", mutators: ["BlockStatement"], reason: "r" };
    expect(() => lineOf(stale, "const a = 1;\n")).toThrow(/fill\.ts: 'no such line' occurs 0 times/);
  });
});
