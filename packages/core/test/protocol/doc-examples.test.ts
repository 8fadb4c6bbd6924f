/**
 * Every export of the protocol and the built-in exporters has a TSDoc
 * `@example`; this test re-runs each one and checks its `// returns …`
 * (and `// throws Name`) comments, and does the same for the protocol
 * section of the package README.
 */

import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createDocExampleRunner, exportExamples, readmeSection, sourceFiles, withoutImports } from "@mv/vitest-config/doc-examples";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const sourceDirs = ["src/layout", "src/protocol", "src/exporters"];

const { run } = createDocExampleRunner({ ts, expect });
// Interfaces and types, too, need an example here.
const kinds = ["function", "const", "class", "interface", "type"];

const modules = sourceDirs
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => ({ path, rel: relative(root, path), text: readFileSync(path, "utf8") }));

describe("TSDoc examples", () => {
  it("every export of the protocol and exporters has an @example", () => {
    const missing = modules.flatMap((m) => exportExamples(m.text, { kinds }).undocumented.map((n) => `${m.rel}: ${n}`));
    expect(missing).toEqual([]);
  });

  for (const m of modules) {
    const { examples } = exportExamples(m.text, { kinds });
    if (examples.length === 0) continue;
    it(`${m.rel} (${examples.length} examples)`, async () => {
      const own = (await import(m.path)) as Record<string, unknown>;
      const scope = { ...api, ...own };
      for (const example of examples) {
        expect(example.code, `${example.owner}: an example without // returns or // throws`).toMatch(/\/\/ (returns|throws) /);
      }
      // One transpilation per file; each example runs in its own block scope.
      const checks = run(examples.map((e) => `{\n${e.code}\n}`).join("\n"), scope);
      expect(checks).toBeGreaterThanOrEqual(examples.length);
    });
  }
});

describe("README", () => {
  it("the protocol section's examples run", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const { start, blocks } = readmeSection(readme, "## The buffer protocol");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(blocks.length).toBeGreaterThan(0);
    // The blocks form one program, as a reader would paste them.
    const code = withoutImports(blocks.join("\n"), ["@mv/core"]);
    expect(run(code, { ...api })).toBeGreaterThan(3);
  });
});
