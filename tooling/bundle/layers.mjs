// Layer entries: one extra, internal entry point per top-level directory of
// a package's sources, so that esbuild's code splitting cuts the bundle
// along those directories (the package's layers) into a few chunks.
//
// Why: a bundler tree-shakes a single big file statement by statement, and
// a statement it cannot prove pure keeps what it references. A class with
// a method keyed by a symbol held in a variable (`[GET_BUFFER]()`) is such a
// statement, so one file for all of @mv/core made a program importing only
// `unpack` carry MemoryView too (88 KiB instead of 48). Across files,
// `"sideEffects": false` lets the bundler drop a whole unused file, as it
// dropped unused modules before bundling; a handful of layer chunks keeps
// that while loading a handful of files, not a hundred.
//
// Each layer entry re-exports every module of its directory (`export *`;
// a namespace object would keep all of it alive), so all of their code counts
// as used by that entry; code then lands in
// the chunk of exactly the entries that use it. The layer entries' own
// output files are imported by nothing and are deleted after the build.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";

/** Every `.ts` module under `dir` (declaration and test files excluded). */
function modulesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modulesUnder(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The output name prefix of layer entries (removed after the build). */
export const LAYER_PREFIX = "_layer-";

/**
 * Writes one re-exporting module per top-level directory of `sourceRoot`
 * into `workDir` and returns them as tsup entries (output name → path).
 */
export function writeLayerEntries(packageDir, sourceRoot, workDir) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const root = resolve(packageDir, sourceRoot);
  const layers = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
  return Object.fromEntries(
    layers.map((layer) => {
      const lines = modulesUnder(join(root, layer)).map(
        (file) => `export * from ${JSON.stringify(posix.normalize(relative(workDir, file).split("\\").join("/")).replace(/^(?!\.)/, "./"))};`,
      );
      const path = join(workDir, `${layer}.ts`);
      writeFileSync(path, `${lines.join("\n")}\n`);
      return [`${LAYER_PREFIX}${layer}`, relative(packageDir, path)];
    }),
  );
}
