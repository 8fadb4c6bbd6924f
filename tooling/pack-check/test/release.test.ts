// Independent versions: `changeset version`, run on a scratch copy of the
// workspace's manifests and pending changesets (never on the real tree),
// gives each published package its own version and CHANGELOG.md and leaves
// the private ones alone. And `pnpm release` refuses without explicit
// credentials, and always on CI.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "mv-release-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Workspace package folders, relative to the root. */
const workspaceDirs = [
  ...["packages", "tooling"].flatMap((parent) =>
    readdirSync(join(root, parent))
      .map((name) => `${parent}/${name}`)
      .filter((dir) => existsSync(join(root, dir, "package.json"))),
  ),
  "examples",
];
const manifest = (base: string, dir: string) => JSON.parse(readFileSync(join(base, dir, "package.json"), "utf8"));

describe("changeset version on a scratch copy", () => {
  it("writes each changed package's own version and CHANGELOG.md", () => {
    for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset"])
      cpSync(join(root, file), join(scratch, file), { recursive: true });
    for (const dir of workspaceDirs) {
      mkdirSync(join(scratch, dir), { recursive: true });
      cpSync(join(root, dir, "package.json"), join(scratch, dir, "package.json"));
      if (existsSync(join(root, dir, "CHANGELOG.md")))
        cpSync(join(root, dir, "CHANGELOG.md"), join(scratch, dir, "CHANGELOG.md"));
    }
    const pending = readdirSync(join(root, ".changeset")).filter((name) => name.endsWith(".md") && name !== "README.md");
    const changed = new Set(
      pending.flatMap((name) =>
        [...readFileSync(join(root, ".changeset", name), "utf8").matchAll(/^"(@mv\/[\w-]+)":/gm)].map((m) => m[1]!),
      ),
    );
    const run = spawnSync(join(root, "node_modules/.bin/changeset"), ["version"], { cwd: scratch, encoding: "utf8" });
    expect(run.status, run.stdout + run.stderr).toBe(0);

    expect(changed.size).toBeGreaterThan(0);
    for (const dir of workspaceDirs) {
      const before = manifest(root, dir);
      const after = manifest(scratch, dir);
      if (before.private) {
        expect(after.version, `${before.name} is private`).toBe(before.version);
        expect(existsSync(join(scratch, dir, "CHANGELOG.md")), `${before.name} changelog`).toBe(
          existsSync(join(root, dir, "CHANGELOG.md")),
        );
      } else if (changed.has(before.name)) {
        expect(after.version, before.name).not.toBe(before.version);
        const changelog = readFileSync(join(scratch, dir, "CHANGELOG.md"), "utf8");
        expect(changelog).toMatch(new RegExp(`^# ${before.name}\\n\\n## ${after.version.replaceAll(".", "\\.")}\\n`));
      }
    }
    // No fixed or linked groups: versions move each on its own.
    const config = JSON.parse(readFileSync(join(root, ".changeset/config.json"), "utf8"));
    expect([config.fixed, config.linked]).toEqual([[], []]);
    // The pending changesets were consumed in the copy only.
    expect(readdirSync(join(scratch, ".changeset")).filter((name) => name.endsWith(".md") && name !== "README.md")).toEqual([]);
    expect(readdirSync(join(root, ".changeset"))).toEqual(expect.arrayContaining(pending));
  });
});

describe("pnpm release", () => {
  const release = (env: NodeJS.ProcessEnv) => {
    const clean = { ...process.env };
    delete clean.CI;
    delete clean.NPM_TOKEN;
    return spawnSync(process.execPath, [join(root, "tooling/scripts/release.mjs")], {
      cwd: root,
      encoding: "utf8",
      env: { ...clean, ...env },
    });
  };

  it("refuses on CI, even with a token", () => {
    const run = release({ CI: "true", NPM_TOKEN: "not-a-token" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("release: refused: CI is set");
  });

  it("refuses without credentials", () => {
    const userconfig = join(scratch, "empty-npmrc");
    mkdirSync(dirname(userconfig), { recursive: true });
    writeFileSync(userconfig, "");
    const run = release({
      npm_config_userconfig: userconfig,
      npm_config_cache: join(scratch, "npm-cache"),
      npm_config_offline: "true",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("release: refused: no npm credentials");
  });
});
