#!/usr/bin/env node
// mv-bundle [--layers] [extra-source …]: builds the package in the current
// directory.
// Each entry point of its `exports` map (see entries.mjs) becomes one
// bundled ES module with its source map and one bundled declaration file
// (tsup: esbuild for the code, rollup-plugin-dts for the types). Code that
// two entries share goes into a chunk both import, so every class exists
// once per package. Runtime dependencies (the @mv packages it builds on)
// stay external: one copy of each class across packages too.
//
// With --layers, code is also cut into a few chunks along the top-level
// source directories (layers.mjs), so that bundlers can drop unused layers:
// @mv/core uses it (a program that needs only `unpack` should not carry
// MemoryView). Each extra file costs about half a millisecond to a
// millisecond at import, so a package whose users take all of it (@mv/builtins)
// is left in one file.
//
// Why bundle: loading about a hundred small modules cost @mv/core +54 ms and
// @mv/builtins +88 ms of CPU at import (issue 17); one file each costs a few.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { build } from "tsup";
import { commonDir, entryPoints } from "./entries.mjs";
import { LAYER_PREFIX, writeLayerEntries } from "./layers.mjs";
import { restoreClassNames } from "./class-names.mjs";

const args = process.argv.slice(2);
const withLayers = args.includes("--layers");
const { outDir, entries, manifest } = entryPoints(process.cwd(), args.filter((arg) => !arg.startsWith("--")));
const sourceRoot = commonDir(Object.values(entries).map((source) => posix.normalize(source)));
const workDir = join("node_modules", ".cache", "mv-bundle");
const layerEntries = withLayers ? writeLayerEntries(process.cwd(), sourceRoot, workDir) : {};

// tsc's old per-module output would otherwise linger beside the bundles.
rmSync("dist", { recursive: true, force: true });

await build({
  entry: { ...entries, ...layerEntries },
  outDir,
  format: ["esm"],
  // The packages' tsconfig target; browsers are supported as well as Node 20.
  target: "es2022",
  // ES2022 has no import attributes, so esbuild would drop the `with: { type:
  // "json" }` of @mv/conformance's fixture imports; every supported runtime
  // (Node >= 20.10, the browsers of ES2022) understands them.
  esbuildOptions(options) {
    options.supported = { ...options.supported, "import-attributes": true };
  },
  platform: "neutral",
  tsconfig: "tsconfig.build.json",
  splitting: true,
  sourcemap: true,
  // Declarations for the public entries only.
  dts: { entry: entries },
  minify: false,
  treeshake: false,
  clean: false,
  silent: true,
  // Neither the @mv packages nor Node's built-ins are bundled.
  external: [...Object.keys(manifest.dependencies ?? {}), /^node:/],
});

// The layer entries' own files: nothing imports them (see layers.mjs).
for (const name of readdirSync(outDir)) if (name.startsWith(LAYER_PREFIX)) rmSync(join(outDir, name));
rmSync(workDir, { recursive: true, force: true });

// Classes keep their own names (see class-names.mjs).
for (const name of readdirSync(outDir, { recursive: true })) {
  if (!String(name).endsWith(".js")) continue;
  const path = join(outDir, String(name));
  const code = readFileSync(path, "utf8");
  const fixed = restoreClassNames(code);
  if (fixed !== code) writeFileSync(path, fixed);
}
