// Each published @mv package, installed alone as a user installs it:
// packed with `pnpm pack` (which rewrites `workspace:^` to a version range),
// installed with plain npm into a fresh CommonJS project and into a fresh
// ES module project outside the workspace (tarballs from disk; third-party
// dependencies from the registry or npm's cache), then used there through
// `require()` and through `import`, and type-checked with TypeScript in
// both resolution modes. publint and @arethetypeswrong/cli must report
// nothing.
//
// The packages ship ES modules only, and `require()` works too: Node >=
// 20.19 loads an ES module graph without top-level `await` synchronously
// (require(esm)), through the `default` condition of `exports`. There is
// one copy of each class either way (a dual CommonJS build would double
// them and break `instanceof` across copies). attw has no notion of
// require(esm) yet and reports every `require` that reaches ESM as
// "CJSResolvesToESM", so it runs with the `node16` profile (only the legacy
// node10 resolution, which ignores `exports`, is skipped) and that one rule
// ignored; TypeScript itself types such a `require` (TS >= 5.8 with
// `module: nodenext`, or `node20`), which the type check below exercises.
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
  .map((name) => ({
    dir: join(root, "packages", name),
    manifest: JSON.parse(readFileSync(join(root, "packages", name, "package.json"), "utf8")),
  }))
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

/** The two kinds of project a user has. */
type ProjectType = "commonjs" | "module";

/** A fresh npm project of `type` with `names` installed from their tarballs alone. */
function installAlone(project: string, names: string[], type: ProjectType): string {
  const dir = join(scratch, project);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: project, private: true, type }));
  // All tarballs in one command, so @mv/core 0.0.0 (not on the registry)
  // resolves to its tarball; everything else comes from the registry.
  run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...names.map((name) => tarballs.get(name)!)],
    dir,
    {
      // Outside the workspace: no pnpm settings leak into npm.
      npm_config_workspaces: "",
      npm_config_user_agent: "",
    },
  );
  return dir;
}

/** Runs `code` as `file` in `dir` (its module kind from the project's type), returning its stdout. */
function runFile(dir: string, file: string, code: string): string {
  writeFileSync(join(dir, file), code);
  return run(process.execPath, [file], dir);
}

beforeAll(() => {
  const destination = join(scratch, "tarballs");
  mkdirSync(destination);
  for (const { dir, manifest } of packages) {
    const out = run(pnpmCommand[0], [...pnpmCommand[1], "pack", "--pack-destination", destination], dir)
      .trim()
      .split("\n");
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

  it("@arethetypeswrong/cli reports nothing (node16 profile; require(esm) allowed)", () => {
    const args = [tarballs.get(name)!, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--format", "ascii"];
    const result = spawnSync(bin("attw"), args, {
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

/**
 * How a user's program uses one package: the modules it loads (a variable
 * for each), what it does with them, and what that prints. The same body
 * runs in a CommonJS project (`const x = require(…)`) and in an ES module
 * project (`import * as x from …`) and must print the same.
 */
interface Usage {
  readonly name: string;
  /** The tarballs installed, all in one npm command. */
  readonly install: readonly string[];
  readonly modules: Readonly<Record<string, string>>;
  readonly body: string;
  readonly expected: unknown;
  /** TypeScript that must type-check against the installed declarations (ES import syntax). */
  readonly types: string;
  /**
   * Why require() cannot load the package yet, if it cannot: the check then
   * asserts that exact refusal, so it fails (and this must go) once fixed.
   */
  readonly requireBlockedBy?: string;
}

const usages: readonly Usage[] = [
  {
    name: "@mv/core",
    install: ["@mv/core"],
    modules: { core: "@mv/core" },
    body: `const bytes = core.pack("<hI", -2, 7);
const view = core.MemoryView.from(new Float64Array([1, 2, 3, 4, 5, 6])).reshape([2, 3]).transpose();
let error;
try { core.unpack("<h", new Uint8Array(3)); } catch (e) { error = [e.name, e instanceof core.StructError]; }
console.log(JSON.stringify([core.unpack("<hI", bytes), core.getBuffer(new Int16Array(3)).format, view.toList(), error, core.MemoryView.name]));`,
    expected: [
      [-2, 7],
      "h",
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
      ["StructError", true],
      "MemoryView",
    ],
    types: `import { MemoryView, getBuffer, unpack, type BufferInfo } from "@mv/core";
const view: MemoryView = MemoryView.from(new Uint8Array(4));
const info: BufferInfo = getBuffer(new Int16Array(2));
const values: unknown[] = unpack("<h", new Uint8Array(2));
// @ts-expect-error MemoryView.from needs the object to view
MemoryView.from();
export { view, info, values };`,
  },
  {
    // @mv/core's subpath exports (interop): one copy of each class with the main entry.
    name: "@mv/core subpaths",
    install: ["@mv/core"],
    modules: { core: "@mv/core", nd: "@mv/core/ndarray", npy: "@mv/core/npy", py: "@mv/core/pyodide" },
    body: `const back = npy.readNpy(npy.writeNpy(core.MemoryView.from(Int16Array.of(1, -2))));
const view = core.MemoryView.from(nd.fromNdarray({ data: Float32Array.of(0.5, 1.5), shape: [2], stride: [-1], offset: 1, dtype: "float32" }));
console.log(JSON.stringify([back instanceof core.MemoryView, back.toList(), view.toList(), typeof py.fromPyodide]));`,
    expected: [true, [1, -2], [1.5, 0.5], "function"],
    types: `import { readNpy, writeNpy } from "@mv/core/npy";
import { fromNdarray } from "@mv/core/ndarray";
import { MemoryView } from "@mv/core";
const view: MemoryView = readNpy(writeNpy(MemoryView.from(Int16Array.of(1))));
// @ts-expect-error readNpy needs the file's bytes
readNpy();
export { view, fromNdarray };`,
  },
  {
    name: "@mv/builtins",
    install: ["@mv/core", "@mv/builtins"],
    modules: { builtins: "@mv/builtins", core: "@mv/core" },
    body: `const m = builtins.memoryview(builtins.bytearray(Uint8Array.of(1, 2, 3, 4)));
console.log(JSON.stringify([m.get(builtins.slice(null, null, -1)).tolist(), m.hex(), builtins.ValueError === core.ValueError, m instanceof builtins.memoryview]));`,
    expected: [[4, 3, 2, 1], "01020304", true, true],
    types: `import { memoryview, bytearray } from "@mv/builtins";
import { MemoryView } from "@mv/core";
const m = memoryview(bytearray(Uint8Array.of(1, 2)));
const nbytes: number = m.nbytes;
const view: MemoryView = MemoryView.from(new Uint8Array(2));
// @ts-expect-error nbytes is a number
const wrong: string = m.nbytes;
export { nbytes, view, wrong };`,
  },
  {
    name: "@mv/native",
    install: ["@mv/core", "@mv/native"],
    modules: { native: "@mv/native" },
    body: `if (!native.available) throw native.loadError;
const source = new Uint8Array([1, 2, 3, 4]);
const alias = new Uint8Array(native.fromAddress(native.addressOf(source), 4));
alias[0] = 9;
console.log(JSON.stringify([native.available, source[0], typeof native.addressOf(source)]));`,
    expected: [true, 9, "bigint"],
    types: `import { addressOf, available } from "@mv/native";
const address: bigint = addressOf(new Uint8Array(1));
const ok: boolean = available;
// @ts-expect-error an address is a bigint
const wrong: number = addressOf(new Uint8Array(1));
export { address, ok, wrong };`,
  },
  {
    // The golden groups read the JSON fixtures, so this also checks that the
    // bundles find fixtures/ in the installed package.
    name: "@mv/conformance",
    install: ["@mv/core", "@mv/builtins", "@mv/conformance"],
    modules: { conformance: "@mv/conformance", adapter: "@mv/conformance/builtins", independent: "@mv/conformance/independent" },
    body: `conformance.runSuite({ impl: adapter, seed: 1, groups: ["struct/calcsize", "memoryview/hex"] }).then((report) => {
  console.log(JSON.stringify([report.passed > 1000, report.failed, typeof independent.memoryview, typeof conformance.suite]));
});`,
    expected: [true, 0, "function", "function"],
    types: `import { runSuite, type RunReport } from "@mv/conformance";
import * as adapter from "@mv/conformance/builtins";
const report: Promise<RunReport> = runSuite({ impl: adapter, seed: 1 });
// @ts-expect-error runSuite needs the implementation
runSuite({ seed: 1 });
export { report };`,
  },
];

/** `usage` written as a program of the project's kind. */
function program(usage: Usage, type: ProjectType): string {
  const loads = Object.entries(usage.modules).map(([variable, specifier]) =>
    type === "commonjs"
      ? `const ${variable} = require(${JSON.stringify(specifier)});`
      : `import * as ${variable} from ${JSON.stringify(specifier)};`,
  );
  return `${loads.join("\n")}\n${usage.body}\n`;
}

/** The project dirs made below, by package and kind, for the later checks. */
const projects = new Map<string, string>();
const projectOf = (name: string, type: ProjectType) => projects.get(`${name} ${type}`)!;

describe.each(["commonjs", "module"] as const)("installed alone with npm in a fresh %s project", (type) => {
  it.each(usages.map((usage) => [usage.name, usage] as const))(
    `%s works through ${type === "commonjs" ? "require()" : "import"}`,
    (_, usage) => {
      const dir = installAlone(`${usage.name.replace("@mv/", "")}-${type}`, [...usage.install], type);
      projects.set(`${usage.name} ${type}`, dir);
      if (type === "commonjs" && usage.requireBlockedBy !== undefined) {
        expect(() => runFile(dir, "check.js", program(usage, type)), usage.requireBlockedBy).toThrow(/ERR_REQUIRE_ASYNC_MODULE/);
        return;
      }
      const out = runFile(dir, "check.js", program(usage, type));
      expect(JSON.parse(out)).toEqual(usage.expected);
    },
  );

  it("@mv/builtins depends on @mv/core by version range", () => {
    const installed = JSON.parse(
      readFileSync(join(projectOf("@mv/builtins", type), "node_modules/@mv/builtins/package.json"), "utf8"),
    );
    expect(installed.dependencies["@mv/core"]).toMatch(/^\^\d/);
  });

  it("@mv/conformance installs with its command", () => {
    const dir = projectOf("@mv/conformance", type);
    const help = spawnSync(join(dir, "node_modules/.bin/mv-conformance"), ["--help"], { cwd: dir, encoding: "utf8" });
    expect(help.stdout + help.stderr).toMatch(/usage: mv-conformance/);
  });

  // require() and import in one process reach the same module instance:
  // one copy of every class, so instanceof and error classes agree across.
  it("require() and import give the same classes in one process", () => {
    const dir = projectOf("@mv/builtins", type);
    const header =
      type === "commonjs"
        ? `const required = { core: require("@mv/core"), builtins: require("@mv/builtins") };
(async () => {
const imported = { core: await import("@mv/core"), builtins: await import("@mv/builtins") };`
        : `import * as core from "@mv/core";
import * as builtins from "@mv/builtins";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const required = { core: require("@mv/core"), builtins: require("@mv/builtins") };
const imported = { core, builtins };
{`;
    const out = runFile(
      dir,
      "same.js",
      `${header}
const m = required.builtins.memoryview(required.builtins.bytearray(Uint8Array.of(1, 2)));
const view = imported.core.MemoryView.from(new Uint8Array(4));
let error;
try { required.core.unpack("<i", new Uint8Array(1)); } catch (e) { error = e; }
console.log(JSON.stringify([
  required.core === imported.core || Object.keys(required.core).every((key) => required.core[key] === imported.core[key]),
  m instanceof imported.builtins.memoryview,
  view instanceof required.core.MemoryView,
  error instanceof imported.core.StructError && error.name === "StructError",
  imported.builtins.memoryview(view).nbytes,
]));
}${type === "commonjs" ? ")();" : ""}
`,
    );
    expect(JSON.parse(out)).toEqual([true, true, true, true, 4]);
  });
});

// The declarations, as TypeScript users resolve them: from a CommonJS file
// (`module: nodenext`, which types require() of an ES module since TS 5.8;
// also through `import x = require()`), from an ES module file, and with
// `moduleResolution: bundler`. skipLibCheck is off, so the shipped .d.ts
// files are checked too (TypeScript's own lib files are not: they are
// most of the time and none of ours); each snippet has a line that must not type-check,
// so a declaration that resolved to `any` fails.
const tsc = join(root, "node_modules/typescript/bin/tsc");
const resolutions = [
  { label: "nodenext from a CommonJS file", type: "commonjs", options: { module: "nodenext", moduleResolution: "nodenext" } },
  { label: "nodenext from an ES module file", type: "module", options: { module: "nodenext", moduleResolution: "nodenext" } },
  { label: "bundler", type: "module", options: { module: "preserve", moduleResolution: "bundler" } },
] as const;

describe.each(resolutions)("TypeScript, $label", ({ type, options }) => {
  it.each(usages.map((usage) => [usage.name, usage] as const))("%s type-checks", (_, usage) => {
    const dir = projectOf(usage.name, type);
    const name = `types-${options.moduleResolution}`;
    let code = usage.types;
    if (type === "commonjs") {
      // The CommonJS-only form of require, typed as the same module.
      const first = Object.values(usage.modules)[0]!;
      code += `\nimport required = require(${JSON.stringify(first)});\nexport const same: typeof required = required;`;
    }
    writeFileSync(join(dir, `${name}.ts`), code);
    const config = {
      compilerOptions: {
        ...options,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        skipDefaultLibCheck: true,
        types: [],
        lib: ["ES2023", "DOM"],
        target: "ES2022",
      },
      files: [`${name}.ts`],
    };
    writeFileSync(join(dir, `${name}.tsconfig.json`), JSON.stringify(config));
    const result = spawnSync(process.execPath, [tsc, "-p", `${name}.tsconfig.json`], { cwd: dir, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
