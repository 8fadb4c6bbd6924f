/**
 * The import-graph check (dependency-cruiser with ../dependency-cruiser.cjs):
 * the workspace's sources pass it, and each rule refuses a violation planted
 * in a scratch tree laid out like the workspace.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { afterEach, describe, expect, test } from "vitest";

const config = createRequire(import.meta.url)("../dependency-cruiser.cjs") as IConfiguration;
const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The sources the check covers, from the workspace root. */
const SOURCES = [
  "packages/core/src",
  "packages/builtins/src",
  "packages/native/src",
  "packages/conformance/src",
  "packages/conformance/bin",
];

interface Violation {
  rule: string;
  from: string;
  to: string;
}

async function violations(baseDir: string, dirs: string[]): Promise<Violation[]> {
  const { output } = await cruise(dirs, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  expect(result.summary.totalCruised).toBeGreaterThan(0);
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

test("the workspace has no runtime import cycle and no import against the layering", async () => {
  const { output } = await cruise(SOURCES, {
    ...config.options,
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  // Every package's sources were read, with their imports resolved.
  expect(result.summary.totalCruised).toBeGreaterThan(250);
  const unresolved = result.modules.flatMap((m) =>
    m.dependencies.filter((d) => d.couldNotResolve && !d.coreModule).map((d) => `${m.source} → ${d.module}`),
  );
  expect(unresolved).toEqual([]);
  expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
});

describe("a planted violation fails the check", () => {
  let dir = "";
  afterEach(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  /** A scratch tree of files (path → source) shaped like the workspace. */
  function plant(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), "mv-import-graph-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  const leaf = "export const x = 1;\n";
  const importing = (spec: string): string => `import { x } from "${spec}";\nexport const y = x;\n`;
  const core = "packages/core/src";

  test.each([
    ["layout-is-bottom", `${core}/layout/strides.ts`, "../view/view.js", `${core}/view/view.ts`],
    ["layout-is-bottom", `${core}/layout/strides.ts`, "../codec/table.js", `${core}/codec/table.ts`],
    ["codec-below-protocol", `${core}/codec/compile.ts`, "../protocol/get-buffer.js", `${core}/protocol/get-buffer.ts`],
    ["codec-below-protocol", `${core}/codec/compile.ts`, "../struct/struct.js", `${core}/struct/struct.ts`],
    ["protocol-below-struct-and-view", `${core}/protocol/validate.ts`, "../struct/cache.js", `${core}/struct/cache.ts`],
    ["protocol-below-struct-and-view", `${core}/protocol/validate.ts`, "../view/memory-view.js", `${core}/view/memory-view.ts`],
    [
      "protocol-below-struct-and-view",
      `${core}/protocol/fill-info.ts`,
      "../exporters/typed-array.js",
      `${core}/exporters/typed-array.ts`,
    ],
    ["exporters-below-struct-and-view", `${core}/exporters/typed-array.ts`, "../struct/struct.js", `${core}/struct/struct.ts`],
    ["struct-below-view", `${core}/struct/struct.ts`, "../view/memory-view.js", `${core}/view/memory-view.ts`],
    ["interop-on-top", `${core}/view/view.ts`, "../interop/npy.js", `${core}/interop/npy.ts`],
    ["interop-on-top", `${core}/index.ts`, "./interop/ndarray.js", `${core}/interop/ndarray.ts`],
    ["base-is-bottom", `${core}/errors.ts`, "./layout/strides.js", `${core}/layout/strides.ts`],
    ["core-not-above", `${core}/view/view.ts`, "../../../builtins/src/index.js", "packages/builtins/src/index.ts"],
    ["core-not-above", `${core}/view/view.ts`, "@mv/conformance", null],
    [
      "builtins-not-native",
      "packages/builtins/src/memoryview/memoryview.ts",
      "../../../native/src/index.js",
      "packages/native/src/index.ts",
    ],
    ["builtins-not-native", "packages/builtins/src/memoryview/memoryview.ts", "@mv/native", null],
  ] as const)("%s: %s imports %s", async (rule, from, spec, target) => {
    const files: Record<string, string> = { [from]: importing(spec) };
    if (target !== null) files[target] = leaf;
    const base = plant(files);
    const found = await violations(base, ["packages"]);
    expect(found.map((v) => v.rule)).toEqual([rule]);
    expect(found[0].from).toBe(from);
  });

  test("the same imports one layer the right way round pass", async () => {
    const base = plant({
      [`${core}/interop/npy.ts`]: importing("../index.js"),
      [`${core}/index.ts`]: importing("./view/view.js"),
      [`${core}/view/view.ts`]: importing("../struct/struct.js"),
      [`${core}/struct/struct.ts`]: importing("../exporters/typed-array.js"),
      [`${core}/exporters/typed-array.ts`]: importing("../protocol/get-buffer.js"),
      [`${core}/protocol/get-buffer.ts`]: importing("../exporters/registry.js"),
      [`${core}/exporters/registry.ts`]: importing("../codec/table.js"),
      [`${core}/codec/table.ts`]: importing("../layout/strides.js"),
      [`${core}/layout/strides.ts`]: importing("../errors.js"),
      [`${core}/errors.ts`]: leaf,
      // A type-only import loads nothing: it may point up.
      [`${core}/layout/contiguity.ts`]: `import type { Info } from "../protocol/info.js";\nexport const f = (i: Info): number => i.n;\n`,
      [`${core}/protocol/info.ts`]: "export interface Info { n: number }\n",
    });
    expect(await violations(base, ["packages"])).toEqual([]);
  });

  test("a runtime cycle in any package fails; a cycle through a type-only import does not", async () => {
    const base = plant({
      "packages/builtins/src/a.ts": importing("./b.js"),
      "packages/builtins/src/b.ts": importing("./c.js"),
      "packages/builtins/src/c.ts": importing("./a.js"),
      "packages/native/src/d.ts": importing("./e.js"),
      "packages/native/src/e.ts": `import type { T } from "./d.js";\nexport type U = T;\nexport const x = 1;\n`,
    });
    const found = await violations(base, ["packages"]);
    // One report per cycle, named by a module in it; none for native's.
    expect(found.map((v) => v.rule)).toEqual(["no-runtime-cycle"]);
    expect(found[0].from).toMatch(/^packages\/builtins\/src\/[abc]\.ts$/);
  });
});
