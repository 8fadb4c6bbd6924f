/**
 * The arguments of memoryview's methods that need more than a type check:
 * the arity of `get` and `set` (Python's tuple key is one argument), the
 * `order` of `tobytes`, and the options of `memoryview(obj, options)`.
 *
 * @packageDocumentation
 */
import { pythonTypeName } from "@mv/core";

/**
 * The `order` argument of `tobytes`: None or a string (the string itself is
 * checked by core).
 *
 * @example
 * ```ts
 * orderArg(null); // returns null
 * ```
 */
export function orderArg(order: unknown): "C" | "F" | "A" | null {
  if (order === undefined || order === null) return null;
  if (typeof order !== "string") {
    throw new TypeError(`tobytes() argument 'order' must be str or None, not ${pythonTypeName(order)}`);
  }
  return order as "C" | "F" | "A";
}

/**
 * The TypeError of `get` or `set` called with `given` arguments: it shows
 * the tuple form (an array), which is what Python's `m[0, 1, 0]` is.
 *
 * @example
 * ```ts
 * arityError("get", 1, [0, 1]).message; // returns "get() takes exactly one argument (2 given); a tuple key is an array: get([0, 1])"
 * ```
 */
export function arityError(method: "get" | "set", takes: number, given: ArrayLike<unknown>): TypeError {
  const count = given.length;
  const keyCount = method === "get" ? count : count - 1;
  const keys = Array.from({ length: Math.max(keyCount, 1) }, (_, i) => {
    const key = given[i];
    return typeof key === "number" || typeof key === "bigint" ? String(key) : "…";
  });
  const tuple = `[${keys.join(", ")}]`;
  const hint = method === "get" ? `get(${tuple})` : `set(${tuple}, value)`;
  const takesText = takes === 1 ? "exactly one argument" : `exactly ${takes} arguments`;
  return new TypeError(`${method}() takes ${takesText} (${count} given); a tuple key is an array: ${hint}`);
}

/**
 * Options of `memoryview(obj, options)`.
 */
export interface MemoryviewOptions {
  /**
   * Give the export back when the view (and every view derived from it) is
   * garbage-collected without `release()`, as CPython releases on
   * deallocation: a dropped memoryview then stops pinning a `bytearray`
   * (core's `MemoryView.from` option of the same name; a FinalizationRegistry).
   */
  readonly autoRelease?: boolean;
}
