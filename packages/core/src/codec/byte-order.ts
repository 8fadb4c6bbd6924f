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

import { tablePrefix } from "./measure.js";
import { rowTable, type Table } from "./table.js";

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
  const prefix = tablePrefix(format, start);
  return { table: rowTable(prefix.name), start: prefix.start };
}
