// @mv/core and @mv/builtins bundled by Vite into a page, exercised in
// headless Chromium (Debian's, driven by playwright-core): proof that they
// run outside Node. ensure-chromium.sh (run first by `pnpm test`) installs
// the browser or, off CI only, leaves a marker saying why it is skipped.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = fileURLToPath(new URL("..", import.meta.url));
const executablePath = process.env.MV_CHROMIUM ?? "/usr/bin/chromium";
const markerPath = join(here, ".chromium-missing");
const skipReason = existsSync(markerPath) ? readFileSync(markerPath, "utf8").trim() : null;
if (skipReason !== null) console.warn(`browser check skipped: ${skipReason}`);

/** The flags for a quiet, offline, throwaway browser (plus the fresh --user-data-dir). */
const userDataDir = mkdtempSync(join(tmpdir(), "mv-chromium-"));
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

describe.skipIf(skipReason !== null)("in headless Chromium, from Vite's bundle", () => {
  let server: PreviewServer;
  let browser: BrowserContext;
  let checks: Map<string, unknown>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const configFile = join(here, "vite.config.js");
    await build({ configFile });
    server = await preview({ configFile, preview: { host: "127.0.0.1", port: 0, strictPort: false } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error("vite preview has no local URL");
    // A persistent context is how playwright takes a fresh --user-data-dir
    // (it refuses the flag itself in `args`).
    browser = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __mvResult?: unknown }).__mvResult !== undefined, null, {
      timeout: 30_000,
    });
    checks = new Map(await page.evaluate(() => (window as unknown as { __mvResult: [string, unknown][] }).__mvResult));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
    rmSync(userDataDir, { recursive: true, force: true });
  });

  it("loads with no page errors, outside Node", () => {
    expect(pageErrors).toEqual([]);
    expect(checks.get("environment")).toEqual(["undefined", "object"]);
  });

  it("runs the struct codec", () => {
    expect(checks.get("struct")).toEqual([[0xff, 0xfe, 0, 0, 0, 7, 1], "-5", 16]);
  });

  it("exports typed arrays through getBuffer", () => {
    expect(checks.get("getBuffer")).toEqual(["f", 4, [6], [4]]);
  });

  it("views with MemoryView", () => {
    expect(checks.get("MemoryView")).toEqual([
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
      [
        [3, 2, 1],
        [6, 5, 4],
      ],
      6,
    ]);
  });

  it("runs Python's memoryview, bytes, bytearray and array", () => {
    const [list, halves, hex, repr] = checks.get("memoryview") as [number[], number[], string, boolean];
    expect([list, halves, hex, repr]).toEqual([[9, 9, 3, 4, 5, 6], [0x0909, 0x0403, 0x0605], "09:09:03:04:05:06", true]);
    expect(checks.get("array")).toEqual([[1.5, 2.5], 3]);
  });

  it("views a canvas's ImageData and WebAssembly memory", () => {
    expect(checks.get("ImageData")).toEqual([[[255, 0, 0, 255]], [[255, 0, 0, 255]]]);
    expect(checks.get("WebAssembly.Memory")).toEqual([Math.PI, 131072]);
  });
});
