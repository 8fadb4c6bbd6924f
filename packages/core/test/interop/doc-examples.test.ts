/**
 * The TSDoc examples of src/interop are tests: every export has an
 * `@example`, and each runs with its `// returns` and `// throws` lines
 * checked, with the real libraries in scope (`ndarray`, `StdlibNdarray`,
 * and `pyodide`, loaded once). The README's interop section runs the same
 * way, with its imports checked as written: each imported name must be an
 * export of the module it names.
 */

import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createDocExampleRunner,
  exportExamples,
  readmeSection,
  sourceFiles,
  withoutImports,
} from "@mv/vitest-config/doc-examples";
import ndarray from "ndarray";
import * as pyodideModule from "pyodide";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import * as ndarrayInterop from "../../src/interop/ndarray.js";
import * as npyInterop from "../../src/interop/npy.js";
import * as pyodideInterop from "../../src/interop/pyodide.js";
import { loadLocalPyodide } from "./load-pyodide.js";
// @ts-expect-error -- stdlib ships no types for its folders
import * as stdlibCtor from "@stdlib/ndarray/ctor/lib/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { run } = createDocExampleRunner({ ts, expect });
const kinds = ["function", "const", "class", "interface", "type"];
const modules = sourceFiles(join(root, "src/interop")).map((path) => ({
  path,
  rel: relative(root, path),
  text: readFileSync(path, "utf8"),
}));

/** What the examples may import, by specifier, as a user would. */
const importable: Record<string, Record<string, unknown>> = {
  "@mv/core": api,
  "@mv/core/ndarray": ndarrayInterop,
  "@mv/core/npy": npyInterop,
  "@mv/core/pyodide": pyodideInterop,
  ndarray: { default: ndarray },
  "@stdlib/ndarray/ctor/lib/index.js": stdlibCtor,
  pyodide: pyodideModule,
};

let pyodide: unknown;
beforeAll(async () => {
  pyodide = await loadLocalPyodide();
}, 600_000); // seconds usually; minutes on a loaded machine

const scope = () => ({
  ...api,
  ...ndarrayInterop,
  ...npyInterop,
  ...pyodideInterop,
  ndarray,
  StdlibNdarray: (stdlibCtor as { default: unknown }).default,
  pyodide,
});

/**
 * `code` without its import lines, after checking that each names a module
 * the examples may import and that module's exports; the imported names are
 * then in scope under the same names.
 */
function checkedImports(code: string): string {
  for (const [line, clause, specifier] of code.matchAll(/^import (.*?) from "([^"]+)";$/gm)) {
    const module = importable[specifier!];
    expect(module, `${line}: not a module examples may import`).toBeDefined();
    const names = /^\{(.*)\}$/
      .exec(clause!.trim())?.[1]
      ?.split(",")
      .map((part) => part.trim().split(/\s+as\s+/)[0]!)
      .filter(Boolean) ?? ["default"];
    for (const name of names) expect(Object.keys(module!), `${line}: ${specifier} has no export ${name}`).toContain(name);
  }
  return withoutImports(code, Object.keys(importable));
}

describe("src/interop TSDoc examples", () => {
  it("every export has an @example", () => {
    const missing = modules.flatMap((m) => exportExamples(m.text, { kinds }).undocumented.map((n) => `${m.rel}: ${n}`));
    expect(missing).toEqual([]);
  });

  for (const m of modules) {
    const { examples } = exportExamples(m.text, { kinds });
    if (examples.length === 0) continue;
    it(`${m.rel} (${examples.length} examples)`, async () => {
      const own = (await import(m.path)) as Record<string, unknown>;
      for (const example of examples) {
        expect(example.code, `${example.owner}: an example without // returns or // throws`).toMatch(/\/\/ (returns|throws) /);
      }
      const checks = run(examples.map((e) => `{\n${e.code}\n}`).join("\n"), { ...scope(), ...own });
      expect(checks).toBeGreaterThanOrEqual(examples.length);
    });
  }
});

describe("README", () => {
  it("the interop section's examples run, imports as written", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const { start, blocks } = readmeSection(readme, "## Interop");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    // Each block stands alone, as a reader would paste it.
    for (const block of blocks) expect(run(`{\n${checkedImports(block)}\n}`, scope()), block).toBeGreaterThan(0);
  });
});
