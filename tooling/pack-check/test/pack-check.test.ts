// Each published @mv package, installed alone as a user installs it:
// packed with `pnpm pack` (which rewrites `workspace:^` to a version range),
// installed with plain npm into a fresh project outside the workspace
// (tarballs from disk; third-party dependencies from the registry or npm's
// cache), then imported and used there. publint and
// @arethetypeswrong/cli must report nothing.
//
// The packages are ESM-only on purpose (Node >= 20 `require()`s no ESM
// without a flag, and a dual build would double every class, breaking
// `instanceof` across copies): attw runs with `--profile esm-only`, which
// ignores only the CommonJS resolution modes.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** The published packages: every non-private package under packages/. */
const packages = readdirSync(join(root, "packages"))
  .filter((name) => existsSync(join(root, "packages", name, "package.json")))
  .map((name) => ({ dir: join(root, "packages", name), manifest: JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8")) }))
  .filter(({ manifest }) => manifest.private !== true);

// pnpm as the test command was started (CI runs it through npx, so there
// may be no global pnpm); a pnpm on PATH otherwise.
const pnpmCommand: [string, string[]] = /pnpm/.test(process.env.npm_execpath ?? "")
  ? [process.execPath, [process.env.npm_execpath!]]
  : ["pnpm", []];

const scratch = mkdtempSync(join(tmpdir(), "mv-pack-check-"));
const tarballs = new Map<string, string>();

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(file, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${file} ${args.join(" ")} (in ${cwd}) exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** A fresh npm project with `names` installed from their tarballs alone. */
function installAlone(project: string, names: string[]): string {
  const dir = join(scratch, project);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: project, private: true, type: "module" }));
  // All tarballs in one command, so @mv/core 0.0.0 (not on the registry)
  // resolves to its tarball; everything else comes from the registry.
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...names.map((name) => tarballs.get(name)!)], dir, {
    // Outside the workspace: no pnpm settings leak into npm.
    npm_config_workspaces: "",
    npm_config_user_agent: "",
  });
  return dir;
}

/** Runs `code` as an ES module in `dir`, returning its stdout. */
function runModule(dir: string, code: string): string {
  writeFileSync(join(dir, "check.mjs"), code);
  return run(process.execPath, ["check.mjs"], dir);
}

beforeAll(() => {
  const destination = join(scratch, "tarballs");
  mkdirSync(destination);
  for (const { dir, manifest } of packages) {
    const out = run(pnpmCommand[0], [...pnpmCommand[1], "pack", "--pack-destination", destination], dir).trim().split("\n");
    tarballs.set(manifest.name, out[out.length - 1]!.trim());
  }
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(packages.map(({ manifest }) => manifest.name as string))("%s", (name) => {
  it("publint reports nothing", async () => {
    // The tarball `pnpm pack` made above, exactly what would be published.
    const tarball = readFileSync(tarballs.get(name)!);
    const pack = { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) };
    const { messages, pkg } = await publint({ pack, level: "suggestion", strict: true });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  it("@arethetypeswrong/cli reports nothing (esm-only profile)", () => {
    const result = spawnSync(bin("attw"), [tarballs.get(name)!, "--profile", "esm-only", "--format", "ascii"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it("ships the specification its README links to, as the repository has it", () => {
    // The README and TSDoc cite "SPEC §N"; the prepack script copies the
    // root SPEC.md in, so the copy must be there and current.
    const shipped = execFileSync("tar", ["-xOzf", tarballs.get(name)!, "package/SPEC.md"], { encoding: "utf8" });
    expect(shipped).toBe(readFileSync(join(root, "SPEC.md"), "utf8"));
    const readme = execFileSync("tar", ["-xOzf", tarballs.get(name)!, "package/README.md"], { encoding: "utf8" });
    expect(readme).toMatch(/\]\(SPEC\.md\)/);
  });

  it("depends on the other @mv packages by version range, not workspace:", () => {
    const listing = execFileSync("tar", ["-xOzf", tarballs.get(name)!, "package/package.json"], { encoding: "utf8" });
    const packed = JSON.parse(listing);
    for (const [dependency, range] of Object.entries<string>(packed.dependencies ?? {})) {
      expect(range, `${dependency}`).not.toMatch(/^workspace:/);
    }
  });
});

describe("installed alone with npm, outside the workspace", () => {
  it("@mv/core: struct, getBuffer and MemoryView", () => {
    const dir = installAlone("core-alone", ["@mv/core"]);
    const out = runModule(
      dir,
      `import { pack, unpack, getBuffer, MemoryView } from "@mv/core";
const bytes = pack("<hI", -2, 7);
const view = MemoryView.from(new Float64Array([1, 2, 3, 4, 5, 6])).reshape([2, 3]).transpose();
console.log(JSON.stringify([unpack("<hI", bytes), getBuffer(new Int16Array(3)).format, view.toList()]));`,
    );
    expect(JSON.parse(out)).toEqual([[-2, 7], "h", [[1, 4], [2, 5], [3, 6]]]);
  });

  it("@mv/builtins pulls @mv/core as an ordinary dependency", () => {
    const dir = installAlone("builtins-alone", ["@mv/core", "@mv/builtins"]);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules/@mv/builtins/package.json"), "utf8"));
    expect(installed.dependencies["@mv/core"]).toMatch(/^\^\d/);
    const out = runModule(
      dir,
      `import { memoryview, bytearray, slice, ValueError } from "@mv/builtins";
import { ValueError as CoreValueError } from "@mv/core";
const m = memoryview(bytearray(Uint8Array.of(1, 2, 3, 4)));
console.log(JSON.stringify([m.get(slice(null, null, -1)).tolist(), m.hex(), ValueError === CoreValueError]));`,
    );
    expect(JSON.parse(out)).toEqual([[4, 3, 2, 1], "01020304", true]);
  });

  it("@mv/native builds its addon from the tarball", () => {
    const dir = installAlone("native-alone", ["@mv/core", "@mv/native"]);
    const out = runModule(
      dir,
      `import { available, loadError, addressOf, fromAddress } from "@mv/native";
if (!available) throw loadError;
const source = new Uint8Array([1, 2, 3, 4]);
const alias = new Uint8Array(fromAddress(addressOf(source), 4));
alias[0] = 9;
console.log(JSON.stringify([available, source[0], typeof addressOf(source)]));`,
    );
    expect(JSON.parse(out)).toEqual([true, 9, "bigint"]);
  });

  it("@mv/conformance installs with its command", () => {
    const dir = installAlone("conformance-alone", ["@mv/core", "@mv/builtins", "@mv/conformance"]);
    const out = runModule(dir, `import * as suite from "@mv/conformance";\nconsole.log(JSON.stringify(Object.keys(suite).length > 0));`);
    expect(JSON.parse(out)).toBe(true);
    const help = spawnSync(join(dir, "node_modules/.bin/mv-conformance"), ["--help"], { cwd: dir, encoding: "utf8" });
    expect(help.stdout + help.stderr).toMatch(/usage: mv-conformance/);
  });
});
