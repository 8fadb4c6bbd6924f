/**
 * Named records and text fields, opt-in (SPEC §2.1): the options, the item
 * codec that reads and writes items in their form. A layer of its own,
 * just above the codec (views and `RecordStruct` use it), so that a program
 * using only `Struct` or `unpack` does not load it.
 *
 * @packageDocumentation
 */

export {
  resolveRecordOptions,
  type RecordOptions,
  type StringOptions,
  type ResolvedRecordOptions,
  type TextEncoding,
} from "./record-options.js";
export { recordItemCodec, type RecordItemCodec } from "./record-codec.js";
export { decodeText, encodeText, trimNuls } from "./text-codec.js";
