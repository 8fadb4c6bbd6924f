// The size budgets of .size-limit.mjs hold, and the check really fails when
// a bundle outgrows its budget: the same bundle against a limit one byte
// below its size fails, and against its exact size passes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const here = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "mv-size-limit-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface CheckResult {
  name: string;
  size: number;
  passed?: boolean;
  sizeLimit?: number;
}

/** Runs size-limit in this package (its plugins are found from here). */
function sizeLimit(args: string[] = []) {
  const run = spawnSync(join(here, "node_modules/.bin/size-limit"), ["--json", ...args], { cwd: here, encoding: "utf8" });
  const results = JSON.parse(run.stdout) as CheckResult[];
  return { status: run.status, results, output: `${run.stdout}\n${run.stderr}` };
}

describe("size-limit", () => {
  let unpackSize = 0;

  it("every budget of .size-limit.mjs holds", () => {
    const { status, results, output } = sizeLimit();
    // The figures for the READMEs.
    console.log(results.map((r) => `${r.name}: ${r.size} B${r.sizeLimit ? ` (limit ${r.sizeLimit} B)` : ""}`).join("\n"));
    const limited = results.filter((r) => r.sizeLimit !== undefined);
    expect(limited.length).toBe(3);
    for (const result of limited) expect(result.passed, `${result.name}: ${result.size} > ${result.sizeLimit}`).toBe(true);
    expect(status, output).toBe(0);
    unpackSize = results.find((r) => r.name === "@mv/core: only unpack")!.size;
    expect(unpackSize).toBeGreaterThan(1000);
  });

  it.each([
    ["one byte below the size fails", -1, false],
    ["exactly the size passes", 0, true],
  ])("the same bundle against a limit %s", (_, delta, passes) => {
    const config = join(scratch, `limit${delta}.size-limit.json`);
    const core = fileURLToPath(import.meta.resolve("@mv/core"));
    writeFileSync(
      config,
      JSON.stringify([{ name: "unpack", path: core, import: "{ unpack }", brotli: false, limit: `${unpackSize + delta} B` }]),
    );
    const { status, results, output } = sizeLimit(["--config", config]);
    expect(results[0]!.size, output).toBe(unpackSize);
    expect(results[0]!.passed, output).toBe(passes);
    expect(status, output).toBe(passes ? 0 : 1);
  });
});
