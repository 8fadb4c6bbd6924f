/**
 * `PyBuffer_SizeFromFormat`: the item size a format implies, measured by the
 * codec's format reader (`struct.calcsize`, PEP 3118 additions included)
 * without loading the struct module.
 *
 * @packageDocumentation
 */

import { parseFormat } from "../codec/pep3118/parse-format.js";

/**
 * The size in bytes of one item of `format`: `PyBuffer_SizeFromFormat`,
 * which is `struct.calcsize(format)`.
 *
 * @param format - a struct or PEP 3118 format
 * @returns its size in bytes
 * @throws StructError when `format` is not a valid format
 *
 * @example
 * ```ts
 * sizeFromFormat("d"); // returns 8
 * ```
 * @example
 * ```ts
 * sizeFromFormat("<hi"); // returns 6
 * ```
 * @example
 * ```ts
 * sizeFromFormat("@hi"); // returns 8
 * ```
 * @example
 * ```ts
 * sizeFromFormat("Z"); // throws StructError
 * ```
 */
export function sizeFromFormat(format: string): number {
  return parseFormat(format).itemsize;
}
