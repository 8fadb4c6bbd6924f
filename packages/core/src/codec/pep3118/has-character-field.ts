/**
 * Whether a parsed format holds a PEP 3118 character field (`u` or `w`)
 * anywhere in its tree.
 *
 * Such a format has a layout but no readable values: CPython's struct module
 * refuses it, so memoryview's comparison treats views of it as unequal
 * (`memory_richcompare` when `struct_get_unpacker` fails).
 *
 * @packageDocumentation
 */

import type { ParsedFormat } from "./parsed-format.js";

/**
 * True when `parsed` or any nested struct of it has a `"character"` field.
 *
 * @example
 * ```ts
 * hasCharacterField(parseFormat("T{b:a:w:c:}")); // returns true
 * ```
 * @example
 * ```ts
 * hasCharacterField(parseFormat("T{b:a:i:c:}")); // returns false
 * ```
 */
export function hasCharacterField(parsed: ParsedFormat): boolean {
  return parsed.fields.some(
    (field) => field.kind === "character" || (field.kind === "struct" && hasCharacterField(field.struct as ParsedFormat)),
  );
}
