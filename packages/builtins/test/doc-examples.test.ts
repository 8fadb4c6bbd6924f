/**
 * Every export of the bytes, bytearray, array and buffer modules has a TSDoc `@example`; this test
 * re-runs each one and checks its `// returns …` and `// throws Name "message"`
 * comments, and does the same for the README's examples.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as core from "@mv/core";
import * as api from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Turns `expr; // returns value` and `stmt; // throws Name "message"` lines into checks. */
function instrument(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const returns = /^(\s*)(.*?);?\s*\/\/ returns (.+)$/.exec(line);
      if (returns) {
        const [, indent, expr, expected] = returns;
        return `${indent}__returns(() => (${expr}), () => (${expected}), ${JSON.stringify(line.trim())});`;
      }
      const throws = /^(\s*)(.*?);?\s*\/\/ throws (\w+)(?: (".*"))?$/.exec(line);
      if (throws) {
        const [, indent, stmt, name, message] = throws;
        return `${indent}__throws(() => { ${stmt}; }, ${JSON.stringify(name)}, ${message ?? "undefined"}, ${JSON.stringify(line.trim())});`;
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
  const __throws = (fn: () => void, name: string, message: string | undefined, line: string): void => {
    checks++;
    let caught: unknown;
    try {
      fn();
    } catch (error) {
      caught = error;
    }
    expect((caught as Error | undefined)?.name, line).toBe(name);
    if (message !== undefined) expect((caught as Error).message, line).toBe(message);
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  new Function(...names, "__returns", "__throws", js)(...names.map((n) => scope[n]), __returns, __throws);
  return checks;
}

interface Example {
  owner: string;
  code: string;
}

/** The `@example` blocks of a file, each with the declaration it documents. */
function examplesOf(text: string): { examples: Example[]; undocumented: string[] } {
  const examples: Example[] = [];
  const undocumented: string[] = [];
  const declaration = /(?:(\/\*\*(?:[^*]|\*(?!\/))*\*\/)\s*)?^export (?:declare )?(?:async )?(function|const|class) (\w+)/gm;
  for (const match of text.matchAll(declaration)) {
    const [, doc, , name] = match;
    if (doc === undefined || !doc.includes("@example")) {
      undocumented.push(name!);
      continue;
    }
    const body = doc
      .split("\n")
      .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ""))
      .join("\n");
    for (const block of body.matchAll(/@example\s*```ts\n([\s\S]*?)```/g)) {
      examples.push({ owner: name!, code: block[1]! });
    }
  }
  return { examples, undocumented };
}

/** The modules of bytes, bytearray, array and buffer (memoryview's test its own). */
const OWN = ["src/bytes", "src/bytearray", "src/array", "src/buffer", "src/python", "src/protocol", "src/storage"];
const OWN_FILES = ["src/hash-bytes.ts", "src/siphash13.ts", "src/object-id.ts"];

const modules = [...OWN.flatMap((dir) => sourceFiles(join(root, dir))), ...OWN_FILES.map((f) => join(root, f))]
  .map((path) => ({ path, rel: relative(root, path), text: readFileSync(path, "utf8") }));

describe("TSDoc examples", () => {
  it("every exported function, constant and class has an @example", () => {
    const missing = modules.flatMap((m) => examplesOf(m.text).undocumented.map((n) => `${m.rel}: ${n}`));
    expect(missing).toEqual([]);
  });

  for (const m of modules) {
    const { examples } = examplesOf(m.text);
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
      const start = readme.indexOf(`\n${heading}\n`);
      expect(start, heading).toBeGreaterThanOrEqual(0);
      const next = readme.indexOf("\n## ", start + 1);
      const section = readme.slice(start, next < 0 ? undefined : next);
      const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((b) => b[1]!);
      expect(blocks.length).toBeGreaterThan(0);
      const code = blocks.join("\n").replace(/^import [^;]*? from "@mv\/(?:builtins|core)";$/gm, "");
      expect(run(code, { ...core, ...api })).toBeGreaterThan(2);
    });
  }
});
