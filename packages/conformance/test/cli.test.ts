// The mv-conformance command as a user meets it: each behaviour checked by
// spawning the built bin (turbo builds the package before its tests).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../bin/mv-conformance.js", import.meta.url));
const independent = "./dist/src/independent/index.js";
const broken = "./test/fixtures/broken-slice.mjs";

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: packageDir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLOSING = /^\d+ passed, \d+ failed, \d+ skipped$/;

/** A usage error: exit status 2 and exactly one line on stderr, no stack trace. */
function expectUsageError(args: string[], text: RegExp): void {
  const r = run(...args);
  expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(2);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^mv-conformance: /);
  expect(r.stderr).toMatch(text);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe("");
}

describe("mv-conformance", () => {
  test("--help prints the usage, every option in it, and exits 0", () => {
    const r = run("--help");
    expect(r.status).toBe(0);
    for (const option of [
      "--impl",
      "--group",
      "--list",
      "--seed",
      "--filter",
      "--scale",
      "--max-failures",
      "--json",
      "--quiet",
      "--version",
    ]) {
      expect(r.stdout).toContain(option);
    }
  });

  test("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    const r = run("--version");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });

  test("an unknown flag, a bad value or an unknown group is one line on stderr and exit status 2", () => {
    expectUsageError(["--nope"], /unknown option --nope/);
    expectUsageError(["stray"], /unexpected argument 'stray'/);
    expectUsageError(["--scale", "abc"], /--scale needs a positive number, not 'abc'/);
    expectUsageError(["--scale", "0"], /--scale needs a positive number/);
    expectUsageError(["--max-failures", "x"], /--max-failures needs a whole number of at least 1, not 'x'/);
    expectUsageError(["--max-failures=0"], /--max-failures/);
    expectUsageError(["--seed", "1.5"], /--seed needs an integer/);
    expectUsageError(["--seed"], /--seed needs a value/);
    expectUsageError(["--group", "slicing"], /unknown group 'slicing'/);
    expectUsageError(["--filter", "/(/"], /--filter: /);
    expectUsageError(["--quiet=yes"], /--quiet takes no value/);
  });

  test("a module that cannot be loaded is one line on stderr and exit status 2", () => {
    expectUsageError(["--impl", "./no-such-adapter.js"], /cannot load --impl \.\/no-such-adapter\.js: /);
    expectUsageError(["--impl", "no-such-package-mv"], /cannot load --impl no-such-package-mv: /);
    expectUsageError(["--impl", "./test/fixtures/bad-manifest.mjs"], /unknown manifest key 'suboffset'/);
  });

  test("an empty selection exits non-zero", () => {
    const r = run("--impl", independent, "--filter", "no case is named like this", "--quiet");
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toMatch(/^0 passed, 0 failed, \d+ skipped$/);
    expect(r.stderr).toContain("no case matches the selection");
    // a group the module cannot run at all selects nothing either
    expect(run("--impl", independent, "--group", "capi", "--quiet").status).toBe(1);
  });

  test("--quiet prints only the closing line, even with skipped groups and failures", () => {
    const passing = run("--impl", independent, "--group", "manifest", "--group", "legacy", "--quiet");
    expect(passing.status).toBe(0);
    expect(passing.stdout.trimEnd().split("\n")).toEqual([expect.stringMatching(CLOSING)]);
    expect(passing.stdout).toMatch(/ 0 failed, 2 skipped\n$/);
    const failing = run("--impl", broken, "--group", "memoryview/slicing", "--quiet", "--seed", "1");
    expect(failing.status).toBe(1);
    expect(failing.stdout.trimEnd().split("\n")).toEqual([expect.stringMatching(/^\d+ passed, [1-9]\d* failed, \d+ skipped$/)]);
  });

  test("--group runs only the named groups and topics; repeatable", () => {
    const r = run("--impl", independent, "--group", "struct/errors", "--group", "manifest", "--json", "--seed", "2");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { groups: Record<string, unknown>; passed: number };
    expect(Object.keys(report.groups)).toEqual(["manifest", "struct/errors"]);
    expect(report.passed).toBeGreaterThan(0);
    const topic = JSON.parse(run("--impl", independent, "--group", "capi", "--json").stdout) as {
      groups: Record<string, unknown>;
    };
    expect(Object.keys(topic.groups)).toEqual(["capi/pointers", "capi/contiguous", "capi/copies", "capi/fill-info"]);
  });

  test("--json reports per-group passed, failed and skipped, and each failure's group, name, expected and actual values", () => {
    const r = run("--impl", broken, "--group", "memoryview", "--json", "--seed", "1");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\d+ passed, [1-9]\d* failed, \d+ skipped\n$/);
    const report = JSON.parse(r.stdout) as {
      implementation: string;
      seed: number;
      failed: number;
      groups: Record<string, { passed: number; failed: number; skipped: string[] }>;
      failures: { group: string; name: string; error: string; expected: string | null; actual: string | null }[];
    };
    expect(report.implementation).toBe(broken);
    expect(report.seed).toBe(1);
    const slicing = report.groups["memoryview/slicing"]!;
    expect(slicing.failed).toBeGreaterThan(0);
    expect(slicing.passed).toBeGreaterThan(0);
    expect(report.groups["memoryview/hash"]!.skipped).toContain("the module declares hashValues: false");
    expect(report.failures).toHaveLength(report.failed);
    const sum = Object.values(report.groups).reduce((n, g) => n + g.failed, 0);
    expect(sum).toBe(report.failed);
    for (const f of report.failures) {
      expect(f.name.startsWith(`${f.group}: `)).toBe(true);
      expect(report.groups[f.group]).toBeDefined();
    }
    const compared = report.failures.find((f) => f.expected !== null);
    expect(compared).toBeDefined();
    expect(compared!.actual).not.toBeNull();
    expect(compared!.error).toContain(compared!.expected!);
  });

  test("--max-failures stops after that many failures", () => {
    const r = run("--impl", broken, "--group", "memoryview/slicing", "--max-failures", "2", "--json", "--seed", "1");
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { failed: number }).failed).toBe(2);
  });

  test("--list prints each group's case count, or why it is skipped, and the total", () => {
    const r = run("--impl", independent, "--list");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.find((l) => l.startsWith("memoryview/slicing "))).toMatch(/ \d+ cases /);
    expect(lines.find((l) => l.startsWith("capi/pointers "))).toMatch(/skipped: the module exports no capi/);
    expect(lines.at(-1)).toMatch(/^\d+ cases in \d+ groups$/);
    const struct = run("--list", "--group", "struct").stdout.trimEnd().split("\n");
    expect(struct.slice(0, -1).every((l) => l.startsWith("struct/"))).toBe(true);
  });

  test("--impl @mv/core runs core's struct functions, found at its top level, and skips what it lacks", () => {
    const r = run(
      "--impl",
      "@mv/core",
      "--group",
      "struct",
      "--group",
      "memoryview/slicing",
      "--json",
      "--scale",
      "0.1",
      "--seed",
      "1",
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { groups: Record<string, { passed: number; failed: number; skipped: string[] }> };
    for (const name of [
      "struct/calcsize",
      "struct/pack",
      "struct/unpack",
      "struct/pack_into-unpack_from",
      "struct/iter_unpack",
      "struct/Struct",
      "struct/errors",
    ]) {
      expect(report.groups[name]!.passed, name).toBeGreaterThan(0);
    }
    expect(report.groups["memoryview/slicing"]).toEqual({
      passed: 0,
      failed: 0,
      skipped: ["the module exports no memoryview; the module exports no slice"],
    });
  });
});
