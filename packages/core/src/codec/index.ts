/**
 * The struct codec of `@mv/core`: the tables, grammar, compiler, pack and
 * unpack of Python's `struct`, and the PEP 3118 additions to its format
 * grammar. It imports nothing of the protocol, so the protocol can measure
 * formats through it.
 *
 * @packageDocumentation
 */

export type { StructValue, ComplexValue } from "./struct-value.js";
export { itemCodec, formatItemsize, type ItemCodec } from "./item-codec.js";
export { pythonTypeName } from "./python-type-name.js";
export { parseFormat } from "./pep3118/parse-format.js";
export { hasCharacterField } from "./pep3118/has-character-field.js";
export type { ParsedFormat, ParsedField, FieldKind } from "./pep3118/parsed-format.js";
