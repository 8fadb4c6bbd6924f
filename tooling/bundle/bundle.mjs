#!/usr/bin/env node
// mv-bundle [extra-source …]: builds the package in the current directory.
// Each entry point of its `exports` map (see entries.mjs) becomes one
// bundled ES module with its source map and one bundled declaration file
// (tsup: esbuild for the code, rollup-plugin-dts for the types). Code that
// two entries share goes into a chunk both import, so every class exists
// once per package. Runtime dependencies (the @mv packages it builds on)
// stay external: one copy of each class across packages too.
//
// One file per entry, not a few layer chunks that a user's bundler could
// drop whole: each extra file cost about 1.3 ms at import on Node 20 (12
// chunks of @mv/core: +23 ms; one file: +7 ms). Within one file a bundler
// drops unused code statement by statement; pure-classes.mjs makes that work
// for classes.
//
// Why bundle: loading about a hundred small modules cost @mv/core +54 ms and
// @mv/builtins +88 ms of CPU at import (issue 17); one file each costs a few.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "tsup";
import { entryPoints } from "./entries.mjs";
import { restoreClassNames } from "./class-names.mjs";
import { markClassesPure } from "./pure-classes.mjs";

const { outDir, entries, manifest } = entryPoints(process.cwd(), process.argv.slice(2));

// tsc's old per-module output would otherwise linger beside the bundles.
rmSync("dist", { recursive: true, force: true });

await build({
  entry: entries,
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
  dts: true,
  minify: false,
  treeshake: false,
  clean: false,
  silent: true,
  // Neither the @mv packages, nor the optional peers an adapter drives
  // (python-struct, pyodide…: the user's own copy), nor Node's built-ins
  // are bundled.
  external: [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), /^node:/],
});

// Classes keep their own names (class-names.mjs) and are dropped by a
// user's bundler when unused (pure-classes.mjs).
for (const name of readdirSync(outDir, { recursive: true })) {
  if (!String(name).endsWith(".js")) continue;
  const path = join(outDir, String(name));
  const code = readFileSync(path, "utf8");
  const fixed = markClassesPure(restoreClassNames(code));
  if (fixed !== code) writeFileSync(path, fixed);
}
