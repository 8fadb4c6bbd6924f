/**
 * Python's `==` between scalar values as this package maps them (SPEC §2,
 * in SPEC.md): numbers and bigints compare by numeric value across the two
 * types (`1 == 1.0`, `2**70 == 2.0**70`), booleans are the integers 0 and
 * 1, NaN equals nothing, strings compare by content; anything else by
 * identity.
 *
 * @packageDocumentation
 */

function numeric(value: unknown): number | bigint | undefined {
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  return undefined;
}

/**
 * `a == b` for item values.
 *
 * @example
 * ```ts
 * valueEquals(1, 1n); // returns true
 * valueEquals(true, 1); // returns true
 * valueEquals(NaN, NaN); // returns false
 * valueEquals(0.5, 0n); // returns false
 * valueEquals("a", "a"); // returns true
 * ```
 */
export function valueEquals(a: unknown, b: unknown): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) {
    if (typeof x === typeof y) return x === y;
    const float = (typeof x === "number" ? x : y) as number;
    const int = (typeof x === "bigint" ? x : y) as bigint;
    return Number.isInteger(float) && BigInt(float) === int;
  }
  if (typeof a === "string" && typeof b === "string") return a === b;
  return a === b;
}
