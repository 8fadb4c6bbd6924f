// The entry points of one published package, read from its manifest: each
// subpath of `exports` names its built file (`default`), and the package's
// tsconfig.build.json (`rootDir` → `outDir`) names the source it comes from,
// the mapping tsc used before the packages were bundled. Adding a subpath
// is one line in `exports`; nothing else lists the entries.
import { readFileSync } from "node:fs";
import { join, posix } from "node:path";

/** The built file a subpath's conditions lead to (`default`, else `import`). */
function builtFile(target) {
  if (typeof target === "string") return target;
  if (target === null || typeof target !== "object") return undefined;
  return builtFile(target.default ?? target.import);
}

/** The longest directory that holds every one of `files` (posix paths). */
function commonDir(files) {
  let dir = posix.dirname(files[0]);
  while (!files.every((file) => file.startsWith(`${dir}/`))) dir = posix.dirname(dir);
  return dir;
}

/**
 * The entry points of the package in `packageDir`: `outDir` (where the
 * bundles go; shared chunks land there too) and `entries`, a map from each
 * bundle's name under `outDir` (no extension) to its source file, both
 * relative to the package. `extraSources` are sources under `rootDir` that no
 * subpath exports but a file of the package imports (a `bin` script).
 */
export function entryPoints(packageDir, extraSources = []) {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const tsconfig = JSON.parse(readFileSync(join(packageDir, "tsconfig.build.json"), "utf8"));
  const rootDir = posix.normalize(tsconfig.compilerOptions.rootDir);
  const tscOutDir = posix.normalize(tsconfig.compilerOptions.outDir);
  const toSource = (built) => {
    const path = posix.normalize(built);
    if (!path.startsWith(`${tscOutDir}/`) || !path.endsWith(".js")) {
      throw new Error(`${manifest.name}: export target ${built} is not a .js file under ${tscOutDir}/`);
    }
    return posix.join(rootDir, path.slice(tscOutDir.length + 1).replace(/\.js$/, ".ts"));
  };
  const toBuilt = (source) => posix.join(tscOutDir, posix.relative(rootDir, posix.normalize(source)).replace(/\.ts$/, ".js"));

  const built = Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => subpath !== "./package.json")
    .map(([subpath, target]) => {
      const file = builtFile(target);
      if (file === undefined) throw new Error(`${manifest.name}: export ${subpath} names no built file`);
      return posix.normalize(file);
    });
  const files = [...new Set([...built, ...extraSources.map(toBuilt)])];
  if (files.length === 0) throw new Error(`${manifest.name}: no entry points in exports`);
  const outDir = commonDir(files);
  const entries = Object.fromEntries(files.map((file) => [posix.relative(outDir, file).replace(/\.js$/, ""), toSource(file)]));
  return { name: manifest.name, outDir, entries, manifest };
}
