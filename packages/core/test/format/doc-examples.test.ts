/**
 * Re-runs every `@example` of src/codec and src/struct and checks its `// returns`, as the
 * style guide asks: a line `statements; expression; // returns value` must
 * give `value`.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createDocExampleRunner, exampleBlocks, sourceFiles, undocumentedExports } from "@mv/vitest-config/doc-examples";
import { describe, expect, test } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

const files = ["src/codec", "src/struct", "src/records", "src/record-struct"].flatMap((dir) => sourceFiles(join(root, dir)));
const sources: Record<string, string> = Object.fromEntries(
  files.map((path) => [relative(root, path), readFileSync(path, "utf8")]),
);
const modules = await Promise.all(files.map((path) => import(pathToFileURL(path).href) as Promise<Record<string, unknown>>));
const errors = await import("../../src/errors.js");

const scope: Record<string, unknown> = { ...errors };
for (const mod of Object.values(modules)) Object.assign(scope, mod);
const { runLine } = createDocExampleRunner({ expect });

interface Example {
  file: string;
  line: string;
}

// A line of a block is checked on its own, when it has a `// returns`.
const examples: Example[] = Object.entries(sources).flatMap(([file, text]) =>
  exampleBlocks(text)
    .flatMap((block) => block.split("\n"))
    .filter((line) => line.includes("// returns"))
    .map((line) => ({ file, line })),
);

describe("TSDoc examples of src/codec and src/struct", () => {
  test("there are examples", () => {
    expect(examples.length).toBeGreaterThan(80);
  });
  test.each(examples.map((e) => [e.file, e.line] as const))("%s: %s", (_file, line) => {
    runLine(line, scope);
  });
});

test("every exported function of src/codec and src/struct has an @example", () => {
  // An interface or type needs a doc comment only; an overloaded function
  // is looked at once, as its implementation signature repeats the name.
  const options = {
    kinds: ["function", "class", "const", "let", "interface", "type"],
    overloads: "first",
    typesNeedExample: false,
  } as const;
  const missing = Object.entries(sources).flatMap(([file, text]) =>
    undocumentedExports(text, options).map((name) => `${file}: ${name}`),
  );
  expect(missing).toEqual([]);
});
