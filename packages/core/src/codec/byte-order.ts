/**
 * The byte order, size and alignment prefix of a format: `whichtable()`.
 *
 * Only the first character can be a prefix. `@` (the default) is native
 * order, sizes and alignment; `=` is native order with standard sizes and no
 * alignment, which is not the same as `@`; `<` is little-endian, `>` and `!`
 * big-endian, all with standard sizes.
 *
 * @packageDocumentation
 */

import { NATIVE_LITTLE_ENDIAN } from "./native-sizes.js";
import { BIG_TABLE, LITTLE_TABLE, NATIVE_TABLE } from "./table.js";
import type { Table } from "./table.js";

/**
 * The table the format's prefix selects and where the items begin.
 *
 * @example
 * ```ts
 * whichTable("<i", 0).table.name; // returns "little"
 * ```
 * @example
 * ```ts
 * whichTable("i", 0).start; // returns 0
 * ```
 */
export function whichTable(format: string, start: number): { table: Table; start: number } {
  switch (format.charCodeAt(start)) {
    case 0x3c: // <
      return { table: LITTLE_TABLE, start: start + 1 };
    case 0x3e: // >
    case 0x21: // !
      return { table: BIG_TABLE, start: start + 1 };
    case 0x3d: // = : host order, standard sizes
      return { table: NATIVE_LITTLE_ENDIAN ? LITTLE_TABLE : BIG_TABLE, start: start + 1 };
    case 0x40: // @
      return { table: NATIVE_TABLE, start: start + 1 };
    default:
      return { table: NATIVE_TABLE, start };
  }
}
