/**
 * Checks of thrown errors: the contract binds the `name` (the Python
 * exception's name) and, where CPython has one, the message's wording.
 *
 * @packageDocumentation
 */

import { ConformanceError } from "./assertion-error.js";
import { showValue } from "./show-value.js";

/** An expected error: its name, and optionally its exact message or a pattern. */
export interface ExpectedError {
  readonly name: string | readonly string[];
  readonly message?: string | RegExp;
}

/**
 * Whether an error matches the expectation.
 *
 * @example
 * ```ts
 * errorMatches(new RangeError("x"), { name: "RangeError", message: "x" }); // returns true
 * ```
 */
export function errorMatches(error: unknown, expected: ExpectedError): boolean {
  const names = typeof expected.name === "string" ? [expected.name] : expected.name;
  const e = error as { name?: unknown; message?: unknown } | null;
  if (!e || typeof e !== "object" || !names.includes(e.name as string)) return false;
  if (expected.message === undefined) return true;
  if (typeof expected.message === "string") return e.message === expected.message;
  return expected.message.test(String(e.message));
}

function describeError(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  if (e && typeof e === "object") return `${String(e.name)}: ${String(e.message)}`;
  return `non-error ${showValue(error)}`;
}

function describeExpected(expected: ExpectedError): string {
  const names = typeof expected.name === "string" ? expected.name : expected.name.join(" or ");
  if (expected.message === undefined) return names;
  return `${names}: ${typeof expected.message === "string" ? expected.message : String(expected.message)}`;
}

/**
 * Calls `fn` and checks that it throws the expected error; returns the error.
 *
 * @example
 * ```ts
 * assertThrows(() => view.get(99), { name: "IndexError", message: "index out of bounds on dimension 1" }, "get(99)");
 * ```
 */
export function assertThrows(fn: () => unknown, expected: ExpectedError, what: string): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (!errorMatches(error, expected)) {
      const detail = { expected: describeExpected(expected), actual: describeError(error) };
      throw new ConformanceError(`${what}: expected ${detail.expected}, got ${detail.actual}`, detail);
    }
    return error;
  }
  const detail = { expected: describeExpected(expected), actual: `returned ${showValue(result)}` };
  throw new ConformanceError(`${what}: expected ${detail.expected}, ${detail.actual}`, detail);
}

/**
 * Calls `fn`; when it throws, turns the error into a failure that says what
 * was being done, so an unexpected throw reads as clearly as a wrong value.
 *
 * @example
 * ```ts
 * const list = attempt(() => view.tolist(), "tolist()");
 * ```
 */
export function attempt<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ConformanceError) throw error;
    throw new ConformanceError(`${what}: threw ${describeError(error)}`, { expected: "no error", actual: describeError(error) });
  }
}
