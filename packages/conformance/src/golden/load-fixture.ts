/**
 * Loads the golden JSON fixtures when a group first asks for them, not when
 * the package is imported: importing `@mv/conformance` (or `require`-ing it,
 * which rules out top-level `await`) reads no fixture, and a run of one group
 * reads only that group's.
 *
 * Registration is synchronous (`suite()` hands each case to the host's
 * `test` at once), so the first read is synchronous too: through Node's
 * `fs`, reached with `process.getBuiltinModule` so that the module imports
 * nothing Node-only. A host without it (a browser, a bundle) awaits
 * {@link loadFixtures} before calling `suite()`; it fetches the fixtures with
 * the JSON import attribute, which bundlers understand.
 *
 * @packageDocumentation
 */

/** The fixture files, as the `fixtures/` directory holds them. */
export const FIXTURE_FILES = [
  "golden.json",
  "golden_capi.json",
  "golden_complex.json",
  "golden_formats.json",
  "golden_hashes.json",
  "golden_ndarray.json",
  "golden_objects.json",
  "golden_records.json",
  "golden_struct_paths.json",
  "golden_type_names.json",
] as const;

/** One of {@link FIXTURE_FILES}. */
export type FixtureFile = (typeof FIXTURE_FILES)[number];

const loaded = new Map<FixtureFile, unknown>();

// `../../fixtures/` is the package's fixtures directory both from
// `src/golden/` (vitest) and from the bundles in `dist/src/` (mv-bundle),
// which ship beside `fixtures/` in the package.
const urlOf = (file: FixtureFile): URL => new URL(`../../fixtures/${file}`, import.meta.url);

interface NodeFs {
  readFileSync(path: URL, encoding: "utf8"): string;
}

function nodeFs(): NodeFs | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.("node:fs") as NodeFs | undefined;
}

/**
 * The parsed fixture, read on first use and kept.
 *
 * @param file - the fixture's file name
 * @returns its data
 * @throws Error when the host has no synchronous file access and
 *   {@link loadFixtures} has not been awaited
 *
 * @example
 * ```ts
 * fixture<{ python: string }>("golden.json").python; // returns "3.11.7"
 * ```
 */
export function fixture<T>(file: FixtureFile): T {
  if (loaded.has(file)) return loaded.get(file) as T;
  const fs = nodeFs();
  if (fs === undefined) {
    throw new Error(
      `@mv/conformance: fixture ${file} is not loaded; await loadFixtures() before suite() on a host without node:fs`,
    );
  }
  const data = JSON.parse(fs.readFileSync(urlOf(file), "utf8")) as T;
  loaded.set(file, data);
  return data;
}

/**
 * A getter for one fixture: reads it on the first call.
 *
 * @example
 * ```ts
 * const golden = lazyFixture<GoldenData>("golden.json");
 * golden().python; // returns "3.11.7"
 * ```
 */
export function lazyFixture<T>(file: FixtureFile): () => T {
  return () => fixture<T>(file);
}

/**
 * Loads fixtures ahead of `suite()` with dynamic `import()` (JSON import
 * attribute), for hosts without `node:fs`; Node needs no call.
 *
 * @param files - the fixtures to load (default: all of them)
 *
 * @example
 * ```ts
 * await loadFixtures();
 * suite({ test, impl });
 * ```
 */
export async function loadFixtures(files: readonly FixtureFile[] = FIXTURE_FILES): Promise<void> {
  await Promise.all(
    files
      .filter((file) => !loaded.has(file))
      .map(async (file) => {
        const module = (await import(urlOf(file).href, { with: { type: "json" } })) as { default: unknown };
        loaded.set(file, module.default);
      }),
  );
}
