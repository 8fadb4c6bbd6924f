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
// src/view and its state/ directory (the view-state record's modules).
const files = [
  ...readdirSync(viewDir).filter((name) => name.endsWith(".ts")),
  ...readdirSync(join(viewDir, "state"))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `state/${name}`),
];

const { run } = createDocExampleRunner({ ts, expect, modules: { "@mv/core": api } });

describe("src/view TSDoc examples", () => {
  const sources = files.map((name) => ({ name, text: readFileSync(join(viewDir, name), "utf8") }));

  it("every exported function, constant and class has an @example", () => {
    const missing = sources.flatMap((s) => undocumentedExports(s.text).map((n) => `${s.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  it("every public member of MemoryView has an @example", () => {
    // The façade's members are spread over its class and the two classes it extends.
    const text = ["memory-view.ts", "view-attributes.ts", "view-core.ts"]
      .map((name) => sources.find((s) => s.name === name)!.text)
      .join("\n");
    const members: string[] = [];
    for (let cls: unknown = api.MemoryView; cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      members.push(...publicMembers(cls as { prototype: object }));
    }
    members.push("from");
    const missing = membersWithoutExample(text, members, ["static ", "get ", "override ", "\\*"]);
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
