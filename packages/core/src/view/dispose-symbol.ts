/**
 * `Symbol.dispose`, for engines that have it and for those that do not yet.
 *
 * TypeScript's own down-level helper for `using` looks the symbol up the
 * same way (`Symbol.dispose`, else `Symbol.for("Symbol.dispose")`), so a view
 * disposes under either.
 *
 * @packageDocumentation
 */

declare global {
  interface SymbolConstructor {
    /** The well-known symbol of explicit resource management (`using`). */
    readonly dispose: unique symbol;
  }
}

/**
 * The key under which {@link MemoryView} defines its disposer:
 * `Symbol.dispose` where the engine has it, else the registry symbol that
 * TypeScript's `using` helper falls back to.
 *
 * @example
 * ```ts
 * DISPOSE === (Symbol.dispose ?? Symbol.for("Symbol.dispose")); // returns true
 * ```
 */
export const DISPOSE: typeof Symbol.dispose =
  (Symbol as { dispose?: typeof Symbol.dispose }).dispose ?? (Symbol.for("Symbol.dispose") as typeof Symbol.dispose);
