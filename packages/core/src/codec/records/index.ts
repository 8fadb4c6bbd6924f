/**
 * Named records and text fields, opt-in: the options, and the item codec
 * that reads and writes items in their form.
 *
 * @packageDocumentation
 */

export { resolveRecordOptions, type RecordOptions, type StringOptions, type ResolvedRecordOptions, type TextEncoding } from "./record-options.js";
export { recordItemCodec, type RecordItemCodec } from "./record-codec.js";
export { decodeText, encodeText, trimNuls } from "./text-codec.js";
