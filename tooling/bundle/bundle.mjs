#!/usr/bin/env node
// mv-bundle [extra-source …]: builds the package in the current directory.
// Each entry point of its `exports` map (see entries.mjs) becomes one
// bundled ES module with its source map and one bundled declaration file
// (tsup: esbuild for the code, rollup-plugin-dts for the types). Code that
// two entries share goes into a chunk both import, so every class exists
// once per package. Runtime dependencies (the @mv packages it builds on)
// stay external: one copy of each class across packages too.
//
// Why bundle: loading about a hundred small modules cost @mv/core +54 ms and
// @mv/builtins +88 ms of CPU at import (issue 17); one file each costs a few.
import { rmSync } from "node:fs";
import { build } from "tsup";
import { entryPoints } from "./entries.mjs";

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
  // Neither the @mv packages nor Node's built-ins are bundled.
  external: [...Object.keys(manifest.dependencies ?? {}), /^node:/],
});
