/**
 * Every export of the protocol and the built-in exporters has a TSDoc
 * `@example`; this test re-runs each one and checks its `// returns …`
 * (and `// throws Name`) comments, and does the same for the protocol
 * section of the package README.
 */

import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createDocExampleRunner, exportExamples, readmeSection, sourceFiles } from "@mv/vitest-config/doc-examples";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const sourceDirs = ["src/layout", "src/protocol", "src/exporters"];

const { run } = createDocExampleRunner({ ts, expect, modules: { "@mv/core": api } });
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
  it("the struct codec section's examples run", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const { start, blocks } = readmeSection(readme, "## The struct codec");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(run(blocks.join("\n"), {})).toBeGreaterThan(5);
  });

  it("an example's imports are resolved as written", () => {
    // The checker itself: a name imported from a package that does not
    // export it fails, even when the name exists elsewhere.
    expect(() => run('import { getBuffer, bytearray } from "@mv/core";\ngetBuffer; // returns getBuffer', {})).toThrow(
      "The requested module '@mv/core' does not provide an export named 'bytearray'",
    );
    expect(() => run('import { pack } from "@mv/elsewhere";', {})).toThrow('imports "@mv/elsewhere"');
    // A name used without an import is not in scope.
    expect(() => run("calcsize('b'); // returns 1", {})).toThrow(/calcsize is not defined/);
    expect(run('import { calcsize as size, type BufferInfo } from "@mv/core";\nsize("<q"); // returns 8', {})).toBe(1);
    expect(run('import * as mv from "@mv/core";\nmv.calcsize("<h"); // returns 2', {})).toBe(1);
  });

  it("the protocol section's examples run", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const { start, blocks } = readmeSection(readme, "## The buffer protocol");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(blocks.length).toBeGreaterThan(0);
    // The blocks form one program, as a reader would paste them.
    // Only what the blocks import is in scope, each import checked as written.
    expect(run(blocks.join("\n"), {})).toBeGreaterThan(3);
  });
});
