/**
 * The TSDoc examples of memoryview, slice and Ellipsis are tests: each
 * `@example` block runs, and every `expr; // returns value` and
 * `stmt; // throws Name "message"` line in it is checked (the message when
 * given). Every export, and every public member of `memoryview`, must have
 * one. The "## memoryview" section of the package README runs the same way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@mv/core";
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
const sources = [
  ...readdirSync(join(root, "src/memoryview"))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join("src/memoryview", name)),
  "src/slice.ts",
  "src/ellipsis.ts",
];

const { run: runExample } = createDocExampleRunner({ ts, expect, modules: { "@mv/builtins": api, "@mv/core": core } });

describe("TSDoc examples of memoryview, slice and Ellipsis", () => {
  const texts = sources.map((name) => ({ name, text: readFileSync(join(root, name), "utf8") }));

  it("every exported function, constant and class has an @example", () => {
    const missing = texts.flatMap((s) => undocumentedExports(s.text).map((n) => `${s.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  it("every public member of memoryview has an @example", () => {
    // The class and the attributes class it extends.
    const text = texts
      .filter((s) => s.name.endsWith("memoryview/memoryview.ts") || s.name.endsWith("memoryview/memoryview-attributes.ts"))
      .map((s) => s.text)
      .join("\n");
    const members = [...publicMembers(api.PyMemoryView), ...publicMembers(Object.getPrototypeOf(api.PyMemoryView))];
    const missing = membersWithoutExample(text, members, ["get ", "override ", "\\*"]);
    expect(missing).toEqual([]);
  });

  for (const source of texts) {
    const blocks = exampleBlocks(source.text);
    if (blocks.length === 0) continue;
    it(`${source.name}: ${blocks.length} examples`, async () => {
      const scope: Record<string, unknown> = { ...core, ...api, MemoryView: core.MemoryView };
      for (const other of sources) Object.assign(scope, await import(join(root, other)));
      for (const block of blocks) expect(runExample(block, scope), block).toBeGreaterThan(0);
    });
  }
});

describe("README", () => {
  it("the memoryview section runs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const { start, blocks } = readmeSection(readme, "## memoryview");
    expect(start).toBeGreaterThanOrEqual(0);
    // Only what the section imports is in scope, each import checked as written.
    expect(runExample(blocks.join("\n"), {})).toBeGreaterThan(3);
  });
});
