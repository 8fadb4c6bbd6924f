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

function checked(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const returns = /^(\s*)(.+?);?\s*\/\/ returns (.+)$/.exec(line);
      if (returns !== null) {
        const [, indent, expr, value] = returns;
        return `${indent}$returns(() => (${expr}), () => (${value}), ${JSON.stringify(line.trim())});`;
      }
      const throws = /^(\s*)(.+?);?\s*\/\/ throws (\w+)(?: (".*"))?$/.exec(line);
      if (throws !== null) {
        const [, indent, stmt, name, message] = throws;
        return `${indent}$throws(() => { ${stmt}; }, ${JSON.stringify(name)}, ${message ?? "undefined"}, ${JSON.stringify(line.trim())});`;
      }
      return line;
    })
    .join("\n");
}

/** Runs an example with `scope` in view; returns how many lines it checked. */
export function runExample(code: string, scope: Record<string, unknown>): number {
  let count = 0;
  const $returns = (actual: () => unknown, expected: () => unknown, line: string): void => {
    count++;
    expect(actual(), line).toEqual(expected());
  };
  const $throws = (fn: () => unknown, name: string, message: string | undefined, line: string): void => {
    count++;
    let error: unknown = undefined;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.name, line).toBe(name);
    if (message !== undefined) expect((error as Error).message, line).toBe(message);
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

function undocumentedExports(text: string): string[] {
  const missing: string[] = [];
  const declaration = /(\/\*\*(?:[^*]|\*(?!\/))*\*\/\s*)?^export (?:const|function|class) (\w+)/gm;
  for (const [, doc, name] of text.matchAll(declaration)) {
    if (doc === undefined || !doc.includes("@example")) missing.push(name);
  }
  return missing;
}

describe("TSDoc examples of memoryview, slice and Ellipsis", () => {
  const texts = sources.map((name) => ({ name, text: readFileSync(join(root, name), "utf8") }));

  it("every exported function, constant and class has an @example", () => {
    const missing = texts.flatMap((s) => undocumentedExports(s.text).map((n) => `${s.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  it("every public member of memoryview has an @example", () => {
    const text = texts.find((s) => s.name.endsWith("memoryview/memoryview.ts"))!.text;
    const members = Object.getOwnPropertyNames(api.PyMemoryView.prototype).filter(
      (name) => name !== "constructor" && !name.startsWith("_"),
    );
    const missing = members.filter((name) => {
      const at = text.search(new RegExp(`\\n  (?:get |\\*)?${name}\\(`));
      if (at < 0) return true;
      const doc = text.slice(text.lastIndexOf("/**", at), at);
      return !doc.includes("@example");
    });
    expect(missing).toEqual([]);
  });

  for (const source of texts) {
    const blocks = examples(source.text);
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
    const start = readme.indexOf("## memoryview");
    expect(start).toBeGreaterThanOrEqual(0);
    const end = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const code = [...section.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((block) => block[1])
      .join("\n")
      .replace(/^import [^;]*? from "@mv\/(?:builtins|core)";$/gm, "");
    expect(runExample(code, { ...core, ...api })).toBeGreaterThan(3);
  });
});
