/**
 * The TSDoc examples of src/view are tests: each `@example` block runs, and
 * every `expr; // returns value` and `stmt; // throws Name` line in it is
 * checked. Every export, and every public member of MemoryView, must have
 * one. The MemoryView section of the package README runs the same way.
 */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createDocExampleRunner,
  exampleBlocks,
  membersWithoutExample,
  publicMembers,
  readmeSection,
  undocumentedExports,
} from "@mv/vitest-config/doc-examples";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const viewDir = join(root, "src/view");
const files = readdirSync(viewDir).filter((name) => name.endsWith(".ts"));

const { run } = createDocExampleRunner({ ts, expect, modules: { "@mv/core": api } });

describe("src/view TSDoc examples", () => {
  const sources = files.map((name) => ({ name, text: readFileSync(join(viewDir, name), "utf8") }));

  it("every exported function, constant and class has an @example", () => {
    const missing = sources.flatMap((s) => undocumentedExports(s.text).map((n) => `${s.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  it("every public member of MemoryView has an @example", () => {
    const text = sources.find((s) => s.name === "memory-view.ts")!.text;
    const members = publicMembers(api.MemoryView);
    members.push("from");
    const missing = membersWithoutExample(text, members, ["static ", "get ", "\\*"]);
    expect(missing).toEqual([]);
  });

  for (const source of sources) {
    const blocks = exampleBlocks(source.text);
    if (blocks.length === 0) continue;
    it(`${source.name}: ${blocks.length} examples`, async () => {
      const scope: Record<string, unknown> = { ...api };
      for (const other of files) Object.assign(scope, await import(join(viewDir, other)));
      for (const block of blocks) expect(run(block, scope), block).toBeGreaterThan(0);
    });
  }
});

describe("README", () => {
  it("the MemoryView section runs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const { start, blocks } = readmeSection(readme, "## MemoryView");
    expect(start).toBeGreaterThanOrEqual(0);
    // Only what the section imports is in scope, each import checked as written.
    expect(run(blocks.join("\n"), {})).toBeGreaterThan(3);
  });
});
