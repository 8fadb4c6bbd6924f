/**
 * The error every call throws when the addon did not load.
 *
 * @packageDocumentation
 */

/** One place the loader looked, and why that place failed. */
export interface AddonAttempt {
  /** The path of the `.node` file tried. */
  readonly path: string;
  /** Why it did not load. */
  readonly reason: string;
}

/**
 * The addon is not there or would not load. Its `name` is `"ImportError"`,
 * Python's error for an extension module that cannot be loaded; its message
 * lists the paths tried and says how to build the addon; `cause` is the
 * first underlying failure.
 *
 * @example
 * ```ts
 * const error = new AddonUnavailableError([{ path: "/x/mv_native.node", reason: "not found" }]);
 * error.name; // returns "ImportError"
 * error.code; // returns "ERR_MV_NATIVE_UNAVAILABLE"
 * ```
 */
export class AddonUnavailableError extends Error {
  override name = "ImportError";
  /** A stable code to test for. */
  readonly code = "ERR_MV_NATIVE_UNAVAILABLE";
  /** Every path tried, in order, with its failure. */
  readonly attempts: readonly AddonAttempt[];

  constructor(attempts: readonly AddonAttempt[], cause?: unknown) {
    const tried = attempts.map((attempt) => `\n  ${attempt.path}: ${attempt.reason}`).join("");
    super(
      "@mv/native: the native addon is not built, so raw addresses are unavailable." +
        `\nTried:${tried}` +
        "\nBuild it (needs python3, make and a C++ compiler such as g++ or clang++):" +
        "\n  pnpm --filter @mv/native run build:addon" +
        "\n(or `npm rebuild @mv/native` where it is installed as a dependency).",
      cause === undefined ? undefined : { cause },
    );
    this.attempts = attempts;
  }
}
