/**
 * Re-runs every `@example` of src/format and checks its `// returns`, as the
 * style guide asks: a line `statements; expression; // returns value` must
 * give `value`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(join(root, "src/format"));
const sources: Record<string, string> = Object.fromEntries(
  files.map((path) => [relative(root, path), readFileSync(path, "utf8")]),
);
const modules = await Promise.all(
  files.map((path) => import(pathToFileURL(path).href) as Promise<Record<string, unknown>>),
);
const errors = await import("../../src/errors.js");

const scope: Record<string, unknown> = { ...errors };
for (const mod of Object.values(modules)) Object.assign(scope, mod);
const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
const values = names.map((n) => scope[n]);

interface Example {
  file: string;
  line: string;
}

function examplesOf(file: string, text: string): Example[] {
  const out: Example[] = [];
  const blocks = text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g);
  for (const block of blocks) {
    for (const raw of block[1].split("\n")) {
      const line = raw.replace(/^\s*\*\s?/, "");
      if (line.includes("// returns")) out.push({ file, line });
    }
  }
  return out;
}

const examples = Object.entries(sources).flatMap(([file, text]) => examplesOf(file, text));

/** Splits `a; b; expr; // returns value` into its statements, expression and value. */
function split(line: string): { statements: string; expression: string; value: string } {
  const [code, value] = line.split("// returns").map((s) => s.trim());
  const body = code.replace(/;\s*$/, "");
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === ";" && depth === 0) cut = i;
  }
  return {
    statements: cut < 0 ? "" : body.slice(0, cut + 1),
    expression: cut < 0 ? body : body.slice(cut + 1),
    value,
  };
}

describe("TSDoc examples of src/format", () => {
  test("there are examples", () => {
    expect(examples.length).toBeGreaterThan(80);
  });
  test.each(examples.map((e) => [e.file, e.line] as const))("%s: %s", (_file, line) => {
    const { statements, expression, value } = split(line);
    const run = new Function(...names, `"use strict"; ${statements} return [(${expression}), (${value})];`);
    const [actual, expected] = run(...values) as [unknown, unknown];
    expect(actual).toEqual(expected);
  });
});

test("every exported function of src/format has an @example", () => {
  const missing: string[] = [];
  for (const [file, text] of Object.entries(sources)) {
    const re = /((?:\/\*\*[\s\S]*?\*\/\s*)?)export (?:declare )?(?:async )?(?:function|class|const|let|interface|type) (\w+)/g;
    const seen = new Set<string>();
    for (const m of text.matchAll(re)) {
      const doc = m[1];
      if (seen.has(m[2])) continue; // an overload's implementation signature
      seen.add(m[2]);
      const isType = /export (?:interface|type) /.test(m[0]);
      if (!doc.includes("@example") && !(isType && doc.length > 0)) missing.push(`${file}: ${m[2]}`);
    }
  }
  expect(missing).toEqual([]);
});

