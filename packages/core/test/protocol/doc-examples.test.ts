/**
 * Every export of the protocol and the built-in exporters has a TSDoc
 * `@example`; this test re-runs each one and checks its `// returns …`
 * (and `// throws Name`) comments, and does the same for the protocol
 * section of the package README.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const sourceDirs = ["src/protocol", "src/exporters"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Turns `expr; // returns value` and `stmt; // throws Name` lines into checks. */
function instrument(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const returns = /^(\s*)(.*?);?\s*\/\/ returns (.+)$/.exec(line);
      if (returns) {
        const [, indent, expr, expected] = returns;
        return `${indent}__returns(() => (${expr}), () => (${expected}), ${JSON.stringify(line.trim())});`;
      }
      const throws = /^(\s*)(.*?);?\s*\/\/ throws (\w+)$/.exec(line);
      if (throws) {
        const [, indent, stmt, name] = throws;
        return `${indent}__throws(() => { ${stmt}; }, ${JSON.stringify(name)}, ${JSON.stringify(line.trim())});`;
      }
      return line;
    })
    .join("\n");
}

function run(code: string, scope: Record<string, unknown>): number {
  let checks = 0;
  const js = ts.transpileModule(instrument(code), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const __returns = (actual: () => unknown, expected: () => unknown, line: string): void => {
    checks++;
    expect(actual(), line).toEqual(expected());
  };
  const __throws = (fn: () => void, name: string, line: string): void => {
    checks++;
    let caught: unknown;
    try {
      fn();
    } catch (error) {
      caught = error;
    }
    expect((caught as Error | undefined)?.name, line).toBe(name);
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  new Function(...names, "__returns", "__throws", js)(...names.map((n) => scope[n]), __returns, __throws);
  return checks;
}

interface Example {
  file: string;
  owner: string;
  code: string;
}

/** The `@example` blocks of a file, each with the declaration it documents. */
function examplesOf(text: string, file: string): { examples: Example[]; undocumented: string[] } {
  const examples: Example[] = [];
  const undocumented: string[] = [];
  const declaration = /(?:(\/\*\*(?:[^*]|\*(?!\/))*\*\/)\s*)?^export (?:declare )?(?:async )?(function|const|class|interface|type) (\w+)/gm;
  for (const match of text.matchAll(declaration)) {
    const [, doc, , name] = match;
    if (doc === undefined || !doc.includes("@example")) {
      undocumented.push(name);
      continue;
    }
    const body = doc
      .split("\n")
      .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ""))
      .join("\n");
    for (const block of body.matchAll(/@example\s*```ts\n([\s\S]*?)```/g)) {
      examples.push({ file, owner: name, code: block[1] });
    }
  }
  return { examples, undocumented };
}

const modules = sourceDirs
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => ({ path, rel: relative(root, path), text: readFileSync(path, "utf8") }));

describe("TSDoc examples", () => {
  it("every export of the protocol and exporters has an @example", () => {
    const missing = modules.flatMap((m) => examplesOf(m.text, m.rel).undocumented.map((n) => `${m.rel}: ${n}`));
    expect(missing).toEqual([]);
  });

  for (const m of modules) {
    const { examples } = examplesOf(m.text, m.rel);
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
    const start = readme.indexOf("## The buffer protocol");
    expect(start).toBeGreaterThanOrEqual(0);
    const next = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, next < 0 ? undefined : next);
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((b) => b[1]);
    expect(blocks.length).toBeGreaterThan(0);
    // The blocks form one program, as a reader would paste them.
    const code = blocks.join("\n").replace(/^import [^;]*? from "@mv\/core";$/gm, "");
    expect(run(code, { ...api })).toBeGreaterThan(3);
  });
});
