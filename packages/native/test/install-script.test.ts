// scripts/install.mjs, the package's install script: a failed node-gyp must
// not fail the install (only `--strict` fails), and nothing is built when
// MV_NATIVE_SKIP_BUILD=1. A fake node-gyp that fails stands in for a
// machine without a compiler; the real build directory is never touched.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const installScript = fileURLToPath(new URL("../scripts/install.mjs", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "mv-native-install-"));
const failingGyp = join(scratch, "node-gyp.js");
writeFileSync(failingGyp, 'console.error("gyp ERR! stack Error: not found: make"); process.exit(1);\n');

function runInstall(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [installScript, ...args], {
    env: { ...process.env, MV_NATIVE_SKIP_BUILD: "", ...env },
    encoding: "utf8",
  });
  return { status: result.status, stderr: result.stderr };
}

describe("the install script", () => {
  it("succeeds with a warning when node-gyp fails", () => {
    const { status, stderr } = runInstall([], { npm_config_node_gyp: failingGyp });
    expect(status).toBe(0);
    expect(stderr).toContain("@mv/native: the addon was not built (node-gyp exited with code 1)");
    expect(stderr).toContain("pnpm --filter @mv/native run build:addon");
  });

  it("fails with --strict (the build:addon script)", () => {
    const { status, stderr } = runInstall(["--strict"], { npm_config_node_gyp: failingGyp });
    expect(status).toBe(1);
    expect(stderr).toContain("the addon was not built");
  });

  it("skips the build with MV_NATIVE_SKIP_BUILD=1", () => {
    const { status, stderr } = runInstall([], { MV_NATIVE_SKIP_BUILD: "1", npm_config_node_gyp: failingGyp });
    expect(status).toBe(0);
    expect(stderr).toContain("MV_NATIVE_SKIP_BUILD=1, the addon was not built");
  });
});
