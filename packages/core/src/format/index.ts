/**
 * The struct codec of `@mv/core`: Python's `struct` module, exactly, and the
 * PEP 3118 additions to its format grammar.
 *
 * @packageDocumentation
 */

export type { StructValue, ComplexValue } from "./struct-value.js";
export { calcsize, pack, packInto, unpack, unpackFrom, iterUnpack, type FormatArg } from "./module-functions.js";
export { Struct, UnpackIterator, type OffsetArg } from "./struct.js";
export { clearCache } from "./cache.js";
export { itemCodec, formatItemsize, type ItemCodec } from "./item-codec.js";
export { parseFormat } from "./pep3118/parse-format.js";
export { hasCharacterField } from "./pep3118/has-character-field.js";
export type { ParsedFormat, ParsedField, FieldKind } from "./pep3118/parsed-format.js";
