/**
 * Loads the compiled addon, once, without ever throwing.
 *
 * Like `@parcel/watcher`'s loader it tries a fixed list of candidates in
 * order (`build/Release`, then `build/Debug`; no prebuilt package exists) and,
 * when all fail, keeps one readable error instead of throwing at import
 * (STYLE §5). `MV_NATIVE_ADDON=/path/to/mv_native.node` replaces the list
 * with that one path: a sanitizer or debug build, or a path with nothing
 * there to simulate a machine that could not compile.
 *
 * @packageDocumentation
 */

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { AddonUnavailableError, type AddonAttempt } from "./addon-unavailable-error.js";
import type { NativeBinding } from "./binding.js";

/**
 * The environment variable that names the one addon file to load.
 *
 * @example
 * ```ts
 * ADDON_PATH_ENV; // returns "MV_NATIVE_ADDON"
 * ```
 */
export const ADDON_PATH_ENV = "MV_NATIVE_ADDON";

/** What {@link loadBinding} found. Exactly one of the two is non-null. */
export interface LoadResult {
  /** The loaded addon, or null. */
  readonly binding: NativeBinding | null;
  /** Why nothing loaded, or null. */
  readonly loadError: AddonUnavailableError | null;
}

/**
 * The addon files to try, in order: `MV_NATIVE_ADDON` alone when it is set,
 * otherwise `build/Release/mv_native.node` then `build/Debug/mv_native.node`
 * in the package directory (one level above both `src/` and `dist/`).
 *
 * @param env - the environment to read `MV_NATIVE_ADDON` from
 * @returns absolute paths
 *
 * @example
 * ```ts
 * addonCandidates({}).map((path) => path.split("/build/")[1]);
 * // returns ["Release/mv_native.node", "Debug/mv_native.node"]
 * ```
 * @example
 * ```ts
 * addonCandidates({ MV_NATIVE_ADDON: "/tmp/asan/mv_native.node" }); // returns ["/tmp/asan/mv_native.node"]
 * ```
 */
export function addonCandidates(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const explicit = env[ADDON_PATH_ENV];
  if (explicit) return [explicit];
  return ["Release", "Debug"].map((mode) => fileURLToPath(new URL(`../build/${mode}/mv_native.node`, import.meta.url)));
}

/** Whether a loaded module has the addon's three functions. */
function isNativeBinding(module: unknown): module is NativeBinding {
  const candidate = module as Partial<Record<keyof NativeBinding, unknown>> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.baseAddress === "function" &&
    typeof candidate.isDetached === "function" &&
    typeof candidate.wrapAddress === "function"
  );
}

/**
 * Tries each candidate in order and returns the first that loads; never
 * throws.
 *
 * @param candidates - absolute paths of `.node` files
 * @returns the binding, or the error that lists every failure
 *
 * @example
 * ```ts
 * const result = loadBinding(["/nowhere/mv_native.node"]);
 * result.binding; // returns null
 * result.loadError?.name; // returns "ImportError"
 * ```
 */
export function loadBinding(candidates: readonly string[]): LoadResult {
  const require = createRequire(import.meta.url);
  const attempts: AddonAttempt[] = [];
  let firstError: unknown;
  for (const path of candidates) {
    try {
      const module: unknown = require(path);
      if (isNativeBinding(module)) return { binding: module, loadError: null };
      attempts.push({ path, reason: "loaded, but it is not the mv_native addon" });
    } catch (error) {
      firstError ??= error;
      const code = (error as { code?: unknown }).code;
      attempts.push({
        path,
        reason: code === "MODULE_NOT_FOUND" ? "not found" : String((error as Error).message ?? error),
      });
    }
  }
  return { binding: null, loadError: new AddonUnavailableError(attempts, firstError) };
}

const loaded = loadBinding(addonCandidates());

/**
 * The addon, or null when it did not load.
 *
 * @example
 * ```ts
 * binding === null; // returns !available
 * ```
 */
export const binding: NativeBinding | null = loaded.binding;

/**
 * Whether the addon loaded. When false, every function of `@mv/native`
 * throws {@link loadError}.
 *
 * @example
 * ```ts
 * import { available } from "@mv/native";
 * if (!available) console.warn("no raw addresses here");
 * ```
 */
export const available: boolean = loaded.binding !== null;

/**
 * Why the addon did not load (the paths tried and how to build it), or null
 * when it did.
 *
 * @example
 * ```ts
 * import { available, loadError } from "@mv/native";
 * available || loadError instanceof Error; // returns true
 * ```
 */
export const loadError: AddonUnavailableError | null = loaded.loadError;
