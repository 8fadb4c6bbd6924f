/**
 * The codec row a leaf field of a PEP 3118 format reads and writes through.
 * The grammar measures formats by the size tables alone (so the protocol can
 * measure an itemsize without the codec); the row is found here, from the
 * field's format, only by the readers and writers that need it.
 *
 * @packageDocumentation
 */

import type { Row } from "../row.js";
import { rowTable, type Table } from "../table.js";
import type { ParsedField } from "./parsed-format.js";

/** The table of a leaf field's mode, its format's first character (`@ = < > ! ^`). */
function tableOfMode(mode: string): Table {
  return rowTable(mode === "@" || mode === "^" ? "native" : mode === ">" || mode === "!" ? "big" : "little");
}

/**
 * The row a leaf field of a PEP 3118 format reads through (for a complex
 * field, the row of each half), or undefined for `s`, `p`, `x`, the
 * character codes and structs. A leaf's format is its mode followed by its
 * code (`<h`, `>Zd`): the row is its table's row of the last character.
 *
 * @example
 * ```ts
 * leafRowOf(parseFormat("T{>h:a:}").fields[0].struct.fields[0]).littleEndian; // returns false
 * ```
 */
export function leafRowOf(field: ParsedField): Row | undefined {
  if (field.kind !== "scalar" && field.kind !== "complex") return undefined;
  const format = field.format;
  return tableOfMode(format.charAt(0)).byChar[format.charCodeAt(format.length - 1)];
}
