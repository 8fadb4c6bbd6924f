/**
 * The shared context of every group of cases: the host's test function, the
 * implementation under test, its manifest, and the seeded generators. The
 * options are checked here, at once, with a TypeError for anything wrong.
 *
 * @packageDocumentation
 */

import { construct, type ImplementationModule, type MemoryViewLike } from "./implementation.js";
import { createPrng, randomSeed, type Prng } from "./model/prng.js";
import { resolveImplementation } from "./resolve-implementation.js";
import { assertNoMovedOptions, readSupports, type Supports } from "./supports.js";

/** A case body: throws to fail. */
export type CaseBody = () => void | Promise<void>;

/**
 * The host's test function: vitest's or node:test's `test`, or the suite's
 * own runner. Its `skip`, when present, is used to report skipped groups.
 */
export interface TestFunction {
  (name: string, body: CaseBody): unknown;
  /**
   * Registers a skipped case (vitest's and node:test's `test.skip`). The
   * suite calls it once per skipped group, named
   * `"<group> (skipped: <reason>)"`, with an empty body.
   *
   * @param name - the skipped group and the reason
   * @param body - the case body, never run
   */
  skip?: (name: string, body: CaseBody) => unknown;
}

/** Options of {@link suite}. */
export interface SuiteOptions {
  /** The host's test function. */
  readonly test: TestFunction;
  /** The module under test (its exports, or an adapter's). */
  readonly impl: ImplementationModule;
  /** The seed of the randomized cases; a fresh one when left out. */
  readonly seed?: number;
  /** How many randomized cases to run, as a multiple of the default; default 1. */
  readonly scale?: number;
  /** Called once per skipped group (or part of a group), besides `test.skip`. */
  readonly onSkip?: (group: string, reason: string) => void;
  /**
   * The groups to run: group names (`memoryview/slicing`) or topics
   * (`memoryview`); every group when left out. An unknown name is a
   * RangeError.
   */
  readonly groups?: readonly string[];
}

/** What each group of cases receives. */
export interface Context {
  readonly impl: ImplementationModule;
  readonly supports: Supports;
  readonly seed: number;
  readonly scale: number;
  /** The group registering cases (`memoryview/slicing`), or "" before any. */
  readonly group: string;
  /** Memos shared by every group of one run (random cases drawn once, handed to the groups of their topics). */
  readonly shared: Map<unknown, unknown>;
  /** Registers one case, named `<group>: <name>`. */
  test(name: string, body: CaseBody): void;
  /** Reports a part of the group (or, with "", the whole group) as skipped, with the reason. */
  skip(what: string, reason: string): void;
  /** A generator for one stream of random cases, derived from the seed. */
  rng(stream: string): Prng;
  /** Whether the module exports `name`. */
  has(name: keyof ImplementationModule): boolean;
  /** `memoryview(obj)`. */
  memoryview(obj: unknown): MemoryViewLike;
  /** `slice(start, stop, step)`; null is None. */
  slice(start?: number | bigint | null, stop?: number | bigint | null, step?: number | bigint | null): object;
  /** The module's `Ellipsis`. */
  readonly Ellipsis: unknown;
}

/**
 * Checks the suite's options and builds the context.
 *
 * @example
 * ```ts
 * const ctx = createContext({ test, impl: await import("@mv/builtins") });
 * ctx.supports.maxNdim; // returns 64 for a module with no manifest
 * createContext({ test: 1 as never, impl: {} }); // throws TypeError: test must be a function
 * ```
 */
export function createContext(options: SuiteOptions): Context {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  if (typeof options.test !== "function") throw new TypeError("test must be a function");
  if (typeof options.impl !== "object" || options.impl === null) throw new TypeError("impl must be a module object");
  assertNoMovedOptions(options);
  const seed = options.seed ?? randomSeed();
  if (!Number.isInteger(seed)) throw new TypeError("seed must be an integer");
  const scale = options.scale ?? 1;
  if (typeof scale !== "number" || !(scale > 0)) throw new TypeError("scale must be a positive number");
  const impl = resolveImplementation(options.impl);
  const supports = readSupports(impl.supports);
  const host = options.test;
  const mv = impl.memoryview;
  const sliceCtor = impl.slice;
  return {
    impl,
    supports,
    seed,
    scale,
    group: "",
    shared: new Map(),
    test(name, body) {
      host(name, body);
    },
    skip(what, reason) {
      options.onSkip?.(what, reason);
      host.skip?.(`${what} (skipped: ${reason})`, () => {});
    },
    rng(stream) {
      return createPrng(seed, stream);
    },
    has(name) {
      return impl[name] !== undefined;
    },
    memoryview(obj) {
      return construct(mv, obj) as MemoryViewLike;
    },
    slice(start, stop, step) {
      return construct(sliceCtor, start, stop, step) as object;
    },
    Ellipsis: impl.Ellipsis,
  };
}

/**
 * The context of one group: the same run, with case names and skips
 * prefixed by the group's name, so a case's name says where it belongs.
 *
 * @example
 * ```ts
 * groupContext(ctx, "memoryview/slicing").test("a case", body); // registers "memoryview/slicing: a case"
 * ```
 */
export function groupContext(ctx: Context, group: string): Context {
  return {
    ...ctx,
    group,
    test: (name, body) => ctx.test(`${group}: ${name}`, body),
    skip: (what, reason) => ctx.skip(what === "" ? group : `${group}: ${what}`, reason),
  };
}
