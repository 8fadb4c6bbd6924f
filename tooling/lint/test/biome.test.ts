/**
 * The workspace's Biome settings catch what `biome ci` in the test command
 * relies on them to catch: each case copies the root biome.jsonc into a
 * scratch directory beside one planted file and runs `biome ci` there, so
 * the workspace itself is never touched.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** `biome ci` over a scratch directory holding the workspace's settings and one file. */
function ci(name: string, source: string): { status: number | null; output: string } {
  scratch = mkdtempSync(join(tmpdir(), "mv-biome-"));
  copyFileSync(join(root, "biome.jsonc"), join(scratch, "biome.jsonc"));
  writeFileSync(join(scratch, name), source);
  // The scratch directory is no git repository: the VCS settings (which
  // read .gitignore) are switched off for it.
  const run = spawnSync(process.execPath, [biome, "ci", "--vcs-enabled=false", "--colors=off", name], {
    cwd: scratch,
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// Written as the formatter writes it: 2-space indents, double quotes, trailing commas.
const CLEAN = `export function total(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

export const names = {
  first: "a",
  second: "b",
};
`;

test("a file as the formatter writes it, with no lint violation, passes", () => {
  const { status, output } = ci("clean.ts", CLEAN);
  expect(output).not.toMatch(/error|×/);
  expect(status).toBe(0);
});

test("a planted lint violation fails biome ci and is named", () => {
  // `==` where `===` is meant: suspicious/noDoubleEquals, a recommended rule.
  const { status, output } = ci("lint.ts", CLEAN.replace("let sum = 0;", "let sum = 0;\n  if (values.length == 0) return 0;"));
  expect(status).not.toBe(0);
  expect(output).toContain("lint/suspicious/noDoubleEquals");
});

test("a planted formatting violation fails biome ci", () => {
  // Single quotes and a missing trailing comma, where the settings want double quotes and "all".
  const { status, output } = ci("format.ts", CLEAN.replace('second: "b",', "second: 'b'"));
  expect(status).not.toBe(0);
  expect(output).toContain("File content differs from formatting output");
  // The diff shows the line as the formatter would write it (spaces as "·").
  expect(output).toContain(`second:·"b",`);
});

test("a non-null assertion, switched off in the settings on purpose, passes", () => {
  const { status } = ci("assertion.ts", "export const first = (values: readonly number[]): number => values[0]!;\n");
  expect(status).toBe(0);
});
