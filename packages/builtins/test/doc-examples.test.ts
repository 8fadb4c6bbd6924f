/**
 * Every export of the bytes, bytearray, array and buffer modules has a TSDoc `@example`; this test
 * re-runs each one and checks its `// returns …` and `// throws Name "message"`
 * comments, and does the same for the README's examples.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createDocExampleRunner, exportExamples, readmeSection, sourceFiles } from "@mv/vitest-config/doc-examples";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as core from "@mv/core";
import * as api from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// README examples import what they use, and those imports are checked as written.
const { run } = createDocExampleRunner({ ts, expect, modules: { "@mv/builtins": api, "@mv/core": core } });

/** The modules of bytes, bytearray, array and buffer (memoryview's test its own). */
const OWN = ["src/bytes", "src/bytearray", "src/array", "src/buffer", "src/python", "src/protocol", "src/storage"];
const OWN_FILES = ["src/hash-bytes.ts", "src/siphash13.ts", "src/object-id.ts"];

const modules = [...OWN.flatMap((dir) => sourceFiles(join(root, dir))), ...OWN_FILES.map((f) => join(root, f))].map((path) => ({
  path,
  rel: relative(root, path),
  text: readFileSync(path, "utf8"),
}));

describe("TSDoc examples", () => {
  it("every exported function, constant and class has an @example", () => {
    const missing = modules.flatMap((m) => exportExamples(m.text).undocumented.map((n) => `${m.rel}: ${n}`));
    expect(missing).toEqual([]);
  });

  for (const m of modules) {
    const { examples } = exportExamples(m.text);
    if (examples.length === 0) continue;
    it(`${m.rel} (${examples.length} examples)`, async () => {
      const own = (await import(m.path)) as Record<string, unknown>;
      const scope = { ...core, ...api, ...own };
      for (const example of examples) {
        const checks = run(example.code, scope);
        expect(checks, `${example.owner}: an example without // returns or // throws`).toBeGreaterThan(0);
      }
    });
  }
});

describe("README", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  for (const heading of ["## bytes", "## bytearray", "## array", "## buffer"]) {
    it(`the examples of "${heading}" run`, () => {
      const { start, blocks } = readmeSection(readme, `\n${heading}\n`);
      expect(start, heading).toBeGreaterThanOrEqual(0);
      expect(blocks.length).toBeGreaterThan(0);
      // Nothing in scope but what the section's own imports bring.
      expect(run(blocks.join("\n"), {})).toBeGreaterThan(2);
    });
  }
});
