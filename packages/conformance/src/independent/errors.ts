/**
 * The independent implementation's own error classes (it shares nothing
 * with @mv/core, not even these).
 *
 * @packageDocumentation
 */

function named(name: string): new (message?: string) => Error {
  const cls = class extends Error {};
  Object.defineProperty(cls, "name", { value: name });
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
  return cls;
}

/** @example `new ValueError("x").name` returns "ValueError" */
export const ValueError = named("ValueError");
/** @example `new IndexError("x").name` returns "IndexError" */
export const IndexError = named("IndexError");
/** @example `new BufferError("x").name` returns "BufferError" */
export const BufferError = named("BufferError");
/** @example `new NotImplementedError("x").name` returns "NotImplementedError" */
export const NotImplementedError = named("NotImplementedError");
/** @example `new OverflowError("x").name` returns "OverflowError" */
export const OverflowError = named("OverflowError");
/** @example `new StructError("x").name` returns "StructError" */
export const StructError = named("StructError");
/** @example `new MemoryError("x").name` returns "MemoryError" */
export const MemoryError = named("MemoryError");

/** Python's UnicodeEncodeError, a ValueError as in Python. */
export const UnicodeEncodeError: new (message?: string) => Error = (() => {
  const cls = class extends ValueError {};
  Object.defineProperty(cls, "name", { value: "UnicodeEncodeError" });
  Object.defineProperty(cls.prototype, "name", { value: "UnicodeEncodeError", writable: true, configurable: true });
  return cls;
})();

/**
 * `n` zeroed bytes, or MemoryError where the engine cannot allocate them
 * (its RangeError is not a Python error).
 *
 * @example `allocate(2).length` returns 2; `allocate(2 ** 40)` throws MemoryError
 */
export function allocate(n: number): Uint8Array {
  try {
    return new Uint8Array(n);
  } catch (error) {
    if (error instanceof RangeError) throw new MemoryError();
    throw error;
  }
}
