/**
 * Value equality under the contract's value mapping: numbers and bigints are
 * different types, numbers compare with `Object.is` (NaN equals NaN, -0 does
 * not equal 0), byte strings compare by content and must be plain
 * Uint8Arrays, arrays compare element by element, complex values
 * (`{ real, imag }`) part by part.
 *
 * @packageDocumentation
 */

import { ConformanceError } from "./assertion-error.js";
import { showValue } from "./show-value.js";

/** A complex value of the contract: `{ real, imag }`, both numbers. */
function isComplex(value: unknown): value is { real: number; imag: number } {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array) return false;
  const v = value as { real?: unknown; imag?: unknown };
  return typeof v.real === "number" && typeof v.imag === "number";
}

/**
 * Whether two values are the same under the contract's mapping.
 *
 * @example
 * ```ts
 * isSameValue([NaN, 1n], [NaN, 1n]); // returns true
 * isSameValue(1, 1n);                 // returns false
 * ```
 */
export function isSameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number") return typeof actual === "number" && Object.is(actual, expected);
  if (expected instanceof Uint8Array) {
    if (!(actual instanceof Uint8Array) || actual.length !== expected.length) return false;
    if (Object.getPrototypeOf(actual) !== Uint8Array.prototype) return false;
    for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) return false;
    return true;
  }
  if (isComplex(expected)) {
    return isComplex(actual) && Object.is(actual.real, expected.real) && Object.is(actual.imag, expected.imag);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (!isSameValue(actual[i], expected[i])) return false;
    return true;
  }
  return actual === expected;
}

/**
 * Throws a {@link ConformanceError} unless the values are the same.
 *
 * @example
 * ```ts
 * assertSameValue(view.tolist(), [1, 2], "tolist()"); // returns undefined, or throws
 * ```
 */
export function assertSameValue(actual: unknown, expected: unknown, what: string): void {
  if (!isSameValue(actual, expected)) {
    const detail = { expected: showValue(expected), actual: showValue(actual) };
    throw new ConformanceError(`${what}: expected ${detail.expected}, got ${detail.actual}`, detail);
  }
}

/**
 * Throws a {@link ConformanceError} unless `condition` holds.
 *
 * @example
 * ```ts
 * assertTrue(view.readonly, "view is read-only");
 * ```
 */
export function assertTrue(condition: unknown, what: string): asserts condition {
  if (!condition) throw new ConformanceError(what);
}
