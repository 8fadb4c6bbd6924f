/**
 * Recognising Python `bytes` objects, and reading their content, without
 * importing their class (CPython's `PyBytes_Check` and `PyBytes_AS_STRING`),
 * for the modules that `bytes.ts` itself builds on.
 *
 * @packageDocumentation
 */

const contents = new WeakMap<object, Uint8Array>();

/**
 * Records `obj` as a `bytes` object holding `data` (called once, by the
 * `bytes` constructor; `data` is never changed afterwards).
 *
 * @example
 * ```ts
 * const obj = {};
 * registerBytes(obj, new Uint8Array([1]));
 * isPyBytes(obj); // returns true
 * ```
 */
export function registerBytes(obj: object, data: Uint8Array): void {
  contents.set(obj, data);
}

/**
 * Whether `value` is a Python `bytes` object of this package.
 *
 * @example
 * ```ts
 * isPyBytes(bytes([1])); // returns true
 * isPyBytes(bytearray([1])); // returns false
 * isPyBytes(new Uint8Array(1)); // returns false
 * ```
 */
export function isPyBytes(value: unknown): boolean {
  return typeof value === "object" && value !== null && contents.has(value);
}

/**
 * The content of a `bytes` object (the object's own memory: never hand it
 * out or write to it), or `undefined` for anything else.
 *
 * @example
 * ```ts
 * Array.from(bytesContent(bytes([1, 2]))); // returns [1, 2]
 * bytesContent([1, 2]); // returns undefined
 * ```
 */
export function bytesContent(value: unknown): Uint8Array | undefined {
  return typeof value === "object" && value !== null ? contents.get(value) : undefined;
}
