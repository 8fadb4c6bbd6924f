/**
 * `@mv/core`: the buffer protocol of PEP 3118 for JavaScript.
 *
 * @packageDocumentation
 */
export * from "./errors.js";
export { allocateBytes, asMemoryError } from "./allocate.js";
export * from "./codec/index.js";
export * from "./struct/index.js";
export type { RecordOptions, StringOptions } from "./records/index.js";
export { RecordStruct, RecordUnpackIterator } from "./record-struct/record-struct.js";
export * from "./protocol/index.js";
export * from "./exporters/index.js";
export * from "./view/index.js";
