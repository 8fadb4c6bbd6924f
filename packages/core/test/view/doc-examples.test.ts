/**
 * The TSDoc examples of src/view are tests: each `@example` block runs, and
 * every `expr; // returns value` and `stmt; // throws Name` line in it is
 * checked. Every export, and every public member of MemoryView, must have
 * one. The MemoryView section of the package README runs the same way.
 */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const viewDir = join(root, "src/view");
const files = readdirSync(viewDir).filter((name) => name.endsWith(".ts"));

/** Rewrites the checked lines of an example into calls of the two checkers. */
function checked(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const returns = /^(\s*)(.+?);?\s*\/\/ returns (.+)$/.exec(line);
      if (returns !== null) {
        const [, indent, expr, value] = returns;
        return `${indent}$returns(() => (${expr}), () => (${value}), ${JSON.stringify(line.trim())});`;
      }
      const throws = /^(\s*)(.+?);?\s*\/\/ throws (\w+)$/.exec(line);
      if (throws !== null) {
        const [, indent, stmt, name] = throws;
        return `${indent}$throws(() => { ${stmt}; }, ${JSON.stringify(name)}, ${JSON.stringify(line.trim())});`;
      }
      return line;
    })
    .join("\n");
}

/** Runs an example with `scope` in view; returns how many lines it checked. */
function runExample(code: string, scope: Record<string, unknown>): number {
  let count = 0;
  const $returns = (actual: () => unknown, expected: () => unknown, line: string): void => {
    count++;
    expect(actual(), line).toEqual(expected());
  };
  const $throws = (fn: () => unknown, name: string, line: string): void => {
    count++;
    let error: unknown = undefined;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.name, line).toBe(name);
  };
  const js = ts.transpileModule(checked(code), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  new Function(...names, "$returns", "$throws", js)(...names.map((name) => scope[name]), $returns, $throws);
  return count;
}

function examples(text: string): string[] {
  const out: string[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = comment[1]
      .split("\n")
      .map((line) => line.replace(/^\s*\* ?/, ""))
      .join("\n");
    for (const block of body.matchAll(/@example\s*```ts\n([\s\S]*?)```/g)) out.push(block[1]);
  }
  return out;
}

/** Top-level exports without an @example in the doc comment right above them. */
function undocumentedExports(text: string): string[] {
  const missing: string[] = [];
  const declaration = /(\/\*\*(?:[^*]|\*(?!\/))*\*\/\s*)?^export (?:const|function|class) (\w+)/gm;
  for (const [, doc, name] of text.matchAll(declaration)) {
    if (doc === undefined || !doc.includes("@example")) missing.push(name);
  }
  return missing;
}

describe("src/view TSDoc examples", () => {
  const sources = files.map((name) => ({ name, text: readFileSync(join(viewDir, name), "utf8") }));

  it("every exported function, constant and class has an @example", () => {
    const missing = sources.flatMap((s) => undocumentedExports(s.text).map((n) => `${s.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  it("every public member of MemoryView has an @example", () => {
    const text = sources.find((s) => s.name === "memory-view.ts")!.text;
    const members = Object.getOwnPropertyNames(api.MemoryView.prototype).filter(
      (name) => name !== "constructor" && !name.startsWith("_"),
    );
    members.push("from");
    const missing = members.filter((name) => {
      const at = text.search(new RegExp(`\\n  (?:static |get |\\*)?${name}\\(|\\n  get ${name}\\(`));
      if (at < 0) return true;
      const doc = text.slice(text.lastIndexOf("/**", at), at);
      return !doc.includes("@example");
    });
    expect(missing).toEqual([]);
  });

  for (const source of sources) {
    const blocks = examples(source.text);
    if (blocks.length === 0) continue;
    it(`${source.name}: ${blocks.length} examples`, async () => {
      const scope: Record<string, unknown> = { ...api };
      for (const other of files) Object.assign(scope, await import(join(viewDir, other)));
      for (const block of blocks) expect(runExample(block, scope), block).toBeGreaterThan(0);
    });
  }
});

describe("README", () => {
  it("the MemoryView section runs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const start = readme.indexOf("## MemoryView");
    expect(start).toBeGreaterThanOrEqual(0);
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const code = [...section.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((block) => block[1])
      .join("\n")
      .replace(/^import [^;]*? from "@mv\/core";$/gm, "");
    expect(runExample(code, { ...api })).toBeGreaterThan(3);
  });
});
