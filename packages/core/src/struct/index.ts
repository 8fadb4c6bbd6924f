/**
 * Python's `struct` module, exactly: the module-level functions, their cache
 * and `Struct`, over any byte source or exporter.
 *
 * @packageDocumentation
 */

export { calcsize, pack, packInto, unpack, unpackFrom, iterUnpack, type FormatArg } from "./module-functions.js";
export { Struct, UnpackIterator, type OffsetArg } from "./struct.js";
export { clearCache } from "./cache.js";
