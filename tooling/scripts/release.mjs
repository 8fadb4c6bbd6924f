#!/usr/bin/env node
// `pnpm release`: builds every package and publishes, through
// `changeset publish`, each package whose version is not on the registry
// yet (after `pnpm version-packages` has applied the pending changesets).
//
// Publishing needs explicit credentials and a person: it refuses to run on
// CI (CI set), and refuses unless NPM_TOKEN is set or npm is already logged
// in (`npm whoami`). NPM_TOKEN is handed to npm through a temporary
// user config that is deleted afterwards, never written into the repo.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const refuse = (message) => {
  console.error(`release: refused: ${message}`);
  process.exit(1);
};

const ci = process.env.CI;
if (ci !== undefined && ci !== "" && ci !== "false" && ci !== "0") {
  refuse("CI is set; packages are published by a maintainer, never from CI");
}

const env = { ...process.env };
let configDir = null;
if (process.env.NPM_TOKEN) {
  configDir = mkdtempSync(join(tmpdir(), "mv-release-"));
  const userconfig = join(configDir, "npmrc");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: npm expands ${NPM_TOKEN} itself when it reads the file, so the token is never written
  writeFileSync(userconfig, "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", { mode: 0o600 });
  env.npm_config_userconfig = userconfig;
} else {
  const whoami = spawnSync("npm", ["whoami"], { cwd: root, encoding: "utf8", env });
  if (whoami.status !== 0) refuse("no npm credentials: set NPM_TOKEN or run `npm login` first");
  console.log(`release: publishing as ${whoami.stdout.trim()}`);
}

const step = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    if (configDir) rmSync(configDir, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
};
try {
  step("pnpm", ["exec", "turbo", "run", "build"]);
  step("pnpm", ["exec", "changeset", "publish"]);
} finally {
  if (configDir) rmSync(configDir, { recursive: true, force: true });
}
