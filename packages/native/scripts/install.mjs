// Builds the addon from source with node-gyp, at install time.
//
// A failed build must not fail the install (STYLE §5, after bufferutil's soft
// failure): @mv/native then imports with `available === false` and every
// call throws an error that says how to build. `--strict` (the package's
// `build:addon` script) turns the warning back into a failure, for people
// who want to see why it broke. `MV_NATIVE_SKIP_BUILD=1` skips the build.
//
// Nothing is downloaded: when no `nodedir` is configured and the running
// Node ships its own headers (`<prefix>/include/node`, true of the official
// tarballs and of Debian's nodejs), node-gyp is pointed at them instead of
// fetching a header tarball.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const strict = process.argv.includes("--strict");
const debug = process.argv.includes("--debug");

if (process.env.MV_NATIVE_SKIP_BUILD === "1" && !strict) {
  console.warn("@mv/native: MV_NATIVE_SKIP_BUILD=1, the addon was not built.");
  process.exit(0);
}

/**
 * The ways to run node-gyp, best first: the package manager's own copy (npm
 * and pnpm say where it is), one on PATH, then the copy inside the npm that
 * came with this Node.
 */
function nodeGypCommands() {
  const commands = [];
  const fromPackageManager = process.env.npm_config_node_gyp;
  if (fromPackageManager && existsSync(fromPackageManager)) {
    commands.push({ file: process.execPath, args: [fromPackageManager] });
  }
  commands.push({ file: process.platform === "win32" ? "node-gyp.cmd" : "node-gyp", args: [] });
  const prefix = dirname(dirname(process.execPath));
  for (const npmDir of [join(prefix, "lib", "node_modules", "npm"), join(prefix, "node_modules", "npm")]) {
    const bundled = join(npmDir, "node_modules", "node-gyp", "bin", "node-gyp.js");
    if (existsSync(bundled)) commands.push({ file: process.execPath, args: [bundled] });
  }
  return commands;
}

/** `--nodedir` for the running Node's own headers, when none is configured. */
function localHeadersArgs() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? [`--nodedir=${prefix}`] : [];
}

// Warnings and errors only: a working build is quiet, a failing one says why.
const gypArgs = ["rebuild", "--loglevel=warn", ...(debug ? ["--debug"] : []), ...localHeadersArgs()];
let result = { status: null, error: new Error("no node-gyp found") };
for (const command of nodeGypCommands()) {
  result = spawnSync(command.file, [...command.args, ...gypArgs], {
    cwd: packageDir,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  // Only a missing program moves on to the next candidate; a failed build is final.
  if (result.error?.code !== "ENOENT") break;
}

if (result.status === 0) process.exit(0);

const reason = result.error ? result.error.message : `node-gyp exited with code ${result.status}`;
const message = [
  `@mv/native: the addon was not built (${reason}).`,
  "  @mv/native still imports, with available === false; its calls throw until it is built.",
  "  It needs python3, make and a C++ compiler (g++ or clang++). Then run, from the workspace:",
  "    pnpm --filter @mv/native run build:addon",
].join("\n");

if (strict) {
  console.error(message);
  process.exit(1);
}
console.warn(message);
process.exit(0);
