// The loader never throws, and a machine that could not compile the addon
// gets `available === false` and calls that say how to build it. Simulated
// here by pointing MV_NATIVE_ADDON at a path with nothing there, or at files
// that are not the addon.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AddonUnavailableError } from "../src/addon-unavailable-error.js";
import { ADDON_PATH_ENV, addonCandidates, available, loadBinding } from "../src/load.js";

const BUILD_HINT = "pnpm --filter @mv/native run build:addon";
const scratch = mkdtempSync(join(tmpdir(), "mv-native-load-"));

describe("loadBinding", () => {
  it("returns the error, never throws, when nothing is there", () => {
    const missing = join(scratch, "nowhere", "mv_native.node");
    const result = loadBinding([missing, join(scratch, "also-nowhere.node")]);
    expect(result.binding).toBeNull();
    const error = result.loadError!;
    expect(error).toBeInstanceOf(AddonUnavailableError);
    expect(error.name).toBe("ImportError");
    expect(error.code).toBe("ERR_MV_NATIVE_UNAVAILABLE");
    expect(error.attempts).toEqual([
      { path: missing, reason: "not found" },
      { path: join(scratch, "also-nowhere.node"), reason: "not found" },
    ]);
    expect(error.message).toContain(`${missing}: not found`);
    expect(error.message).toContain(BUILD_HINT);
    expect((error.cause as { code?: string }).code).toBe("MODULE_NOT_FOUND");
  });

  it("reports a file that is not a loadable addon, with the loader's reason", () => {
    const corrupt = join(scratch, "corrupt.node");
    writeFileSync(corrupt, "not an ELF file");
    const result = loadBinding([corrupt]);
    expect(result.binding).toBeNull();
    expect(result.loadError!.attempts[0]!.reason).toMatch(/header|invalid|too short/i);
  });

  it("reports a module that loads but is not the addon", () => {
    const impostor = join(scratch, "impostor.cjs");
    writeFileSync(impostor, "module.exports = { baseAddress() {} };");
    const result = loadBinding([impostor]);
    expect(result.loadError!.attempts).toEqual([{ path: impostor, reason: "loaded, but it is not the mv_native addon" }]);
  });

  it.runIf(available)("takes the first candidate that loads", () => {
    const [release] = addonCandidates({});
    const result = loadBinding([join(scratch, "nowhere.node"), release!]);
    expect(result.loadError).toBeNull();
    expect(typeof result.binding!.baseAddress).toBe("function");
  });
});

describe("addonCandidates", () => {
  it("tries build/Release, then build/Debug", () => {
    const candidates = addonCandidates({});
    expect(candidates.map((path) => path.split("/build/")[1])).toEqual(["Release/mv_native.node", "Debug/mv_native.node"]);
  });

  it("takes MV_NATIVE_ADDON alone when it is set", () => {
    expect(addonCandidates({ [ADDON_PATH_ENV]: "/opt/asan/mv_native.node" })).toEqual(["/opt/asan/mv_native.node"]);
  });
});

describe("a machine without the addon (MV_NATIVE_ADDON pointing at nothing)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("imports without throwing; available is false; every call says how to build", async () => {
    vi.stubEnv(ADDON_PATH_ENV, join(scratch, "no-compiler", "mv_native.node"));
    vi.resetModules();
    const native = await import("../src/index.js");
    expect(native.available).toBe(false);
    expect(native.loadError).toBeInstanceOf(native.AddonUnavailableError);
    const calls: (() => unknown)[] = [
      () => native.addressOf(new Uint8Array(4)),
      () => native.elementAddress(new Uint8Array(4), [0]),
      () => native.fromAddress(0x1000n, 4),
      () => native.extentOf(new Uint8Array(4)),
      () => native.alignmentOf(new Uint8Array(4)),
    ];
    for (const call of calls) {
      expect(call).toThrow(native.loadError!);
      expect(call).toThrow(expect.objectContaining({ name: "ImportError", message: expect.stringContaining(BUILD_HINT) }));
    }
    expect(native.alignmentOf(0x40n)).toBe(64);
  });
});
