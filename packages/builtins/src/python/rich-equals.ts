/**
 * Python's `==` between objects of this package: each type's `__eq__` may
 * answer `NotImplemented`, and then the other operand's reflected `__eq__`
 * is tried, and finally identity (`do_richcompare` in `Objects/object.c`).
 *
 * This is how `bytes([97]).equals(bytearray([97]))` is true (bytes returns
 * NotImplemented, bytearray compares buffers) while
 * `bytes([97]).equals(array("B", [97]))` is false, exactly as in CPython.
 *
 * @packageDocumentation
 */

/**
 * Python's `NotImplemented`, as returned by an `__eq__`.
 *
 * @example
 * ```ts
 * bytes([1])[RICH_EQ](bytearray([1])) === NotImplemented; // returns true
 * ```
 */
export const NotImplemented: unique symbol = Symbol("NotImplemented");

/**
 * The `__eq__` slot of this package's types.
 *
 * @example
 * ```ts
 * bytearray([1])[RICH_EQ](bytes([1])); // returns true
 * ```
 */
export const RICH_EQ: unique symbol = Symbol("mv.builtins.eq");

/** An object with an `__eq__` slot. */
export interface RichEq {
  [RICH_EQ](other: unknown): boolean | typeof NotImplemented;
}

function slotOf(value: unknown): RichEq[typeof RICH_EQ] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const slot = (value as Partial<RichEq>)[RICH_EQ];
  return typeof slot === "function" ? slot : undefined;
}

/**
 * `left == right`, with CPython's reflection rules. An object of another
 * library that has an `equals` method (a memoryview, say) is asked through
 * it as the reflected operand.
 *
 * @example
 * ```ts
 * richEquals(bytes([1]), bytearray([1])); // returns true
 * richEquals(bytes([1]), [1]); // returns false
 * ```
 */
export function richEquals(left: RichEq, right: unknown): boolean {
  const first = left[RICH_EQ](right);
  if (first !== NotImplemented) return first;
  const reflected = slotOf(right);
  if (reflected !== undefined) {
    const second = reflected.call(right, left);
    if (second !== NotImplemented) return second;
  } else if (typeof right === "object" && right !== null) {
    const equals = (right as { equals?: unknown }).equals;
    if (typeof equals === "function") return Boolean(equals.call(right, left));
  }
  return Object.is(left, right);
}
