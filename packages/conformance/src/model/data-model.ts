/**
 * C's data model of the platform whose native sizes a module has: the one
 * place that says which native struct codes change size with it, and how.
 *
 * The contract fixes LP64 (64-bit Linux, macOS): native `l L n N P` are 8
 * bytes and `Py_ssize_t` is 64 bits. An ILP32 platform (wasm32, 32-bit
 * Linux: CPython in Pyodide) has them 4 bytes, aligned to 4, and a 32-bit
 * `Py_ssize_t`; every other code keeps its size and alignment (`q Q d` stay
 * 8 bytes, aligned to 8, under wasm32's C ABI).
 *
 * @packageDocumentation
 */

/** A C data model: LP64 (the contract's) or ILP32. */
export type DataModel = "LP64" | "ILP32";

/** The data models the manifest accepts. */
export const DATA_MODELS: readonly DataModel[] = ["LP64", "ILP32"];

/** The native codes whose size is the data model's `long`, `size_t` or pointer. */
export const MODEL_SIZED_CODES = "lLnNP";

/**
 * The size (and alignment) of a native `l L n N P` under a data model.
 *
 * @example
 * ```ts
 * modelSizedBytes("ILP32"); // returns 4
 * ```
 */
export function modelSizedBytes(model: DataModel): number {
  return model === "LP64" ? 8 : 4;
}

/**
 * Whether a struct format's layout depends on the data model: a native
 * format (no prefix, or `@`) with one of `l L n N P` in it. Standard sizes
 * (`<`, `>`, `!`, `=`) are the same everywhere.
 *
 * @example
 * ```ts
 * dependsOnDataModel("@2hl"); // returns true
 * dependsOnDataModel("<l");   // returns false
 * dependsOnDataModel("qd");   // returns false
 * ```
 */
export function dependsOnDataModel(format: string): boolean {
  const body = format.trimStart();
  if (body !== "" && "<>!=".includes(body[0]!)) return false;
  for (const ch of body) if (MODEL_SIZED_CODES.includes(ch)) return true;
  return false;
}

/**
 * The range of a `Py_ssize_t` under a data model: an offset or index
 * outside it cannot even be converted (CPython's OverflowError or
 * IndexError, as it answers for 2**63 on LP64).
 *
 * @example
 * ```ts
 * ssizeRange("ILP32"); // returns [-2147483648n, 2147483647n]
 * ```
 */
export function ssizeRange(model: DataModel): readonly [bigint, bigint] {
  const bits = BigInt(modelSizedBytes(model) * 8);
  return [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}
