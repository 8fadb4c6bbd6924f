/**
 * What a call did, as one comparable value: its result, or its error's name
 * and message. Cases that replay a recorded call compare outcomes in words,
 * so a failure shows both sides the same way.
 *
 * @packageDocumentation
 */

import { showValue } from "./show-value.js";

/** The outcome of one call: its value, or its error's name and message. */
export type Outcome = { readonly value: unknown } | { readonly error: readonly [string, string] };

/**
 * An outcome in words, for comparing and for the failure message.
 *
 * @example
 * ```ts
 * showOutcome({ error: ["ValueError", "bad"] }); // returns "ValueError: bad"
 * ```
 */
export function showOutcome(o: Outcome): string {
  return "error" in o ? `${o.error[0]}: ${o.error[1]}` : `returned ${showValue(o.value)}`;
}

/**
 * Runs `fn` and keeps what it did.
 *
 * @example
 * ```ts
 * outcome(() => JSON.parse("1")); // returns { value: 1 }
 * ```
 */
export function outcome(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown } | null;
    return { error: [String(e?.name), String(e?.message)] };
  }
}
