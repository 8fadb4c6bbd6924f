/**
 * `PyBuffer_SizeFromFormat`: the item size a format implies
 * (`struct.calcsize`, PEP 3118 additions included), measured by the size
 * tables alone (`codec/format-size.ts`): the protocol carries no codec rows,
 * compiler or readers.
 *
 * @packageDocumentation
 */

import { formatSize } from "../codec/format-size.js";

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
  return formatSize(format);
}
