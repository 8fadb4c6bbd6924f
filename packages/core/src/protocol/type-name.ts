/**
 * The name of a value's type for error messages, in the spirit of CPython's
 * `Py_TYPE(obj)->tp_name`.
 *
 * @packageDocumentation
 */

/**
 * A short name for the type of `x`: its constructor's name for objects,
 * `typeof` for primitives, `"null"` for null. Never throws, even for a
 * revoked Proxy.
 *
 * @example
 * ```ts
 * typeName(new Map()); // returns "Map"
 * ```
 * @example
 * ```ts
 * typeName(null); // returns "null"
 * ```
 * @example
 * ```ts
 * typeName(3); // returns "number"
 * ```
 */
export function typeName(x: unknown): string {
  if (x === null) return "null";
  if (typeof x !== "object" && typeof x !== "function") return typeof x;
  try {
    const name = (Object.getPrototypeOf(x) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === "string" && name !== "" ? name : "Object";
  } catch {
    return "Object";
  }
}
