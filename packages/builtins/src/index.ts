/**
 * `@mv/builtins`: Python's buffer-related builtins for JavaScript.
 *
 * @packageDocumentation
 */
export {
  BufferError,
  IndexError,
  MemoryError,
  NotImplementedError,
  OverflowError,
  StructError,
  UnicodeEncodeError,
  ValueError,
} from "@mv/core";
// StructError's own types, so its documentation resolves where it is re-exported.
export type { StructErrorKind, StructErrorOptions } from "@mv/core";

export { bytes } from "./bytes/bytes.js";
export { bytearray } from "./bytearray/bytearray.js";
export { array } from "./array/array.js";
export { buffer } from "./buffer/buffer.js";
export { asReadBuffer } from "./buffer/as-read-buffer.js";
export { asWriteBuffer } from "./buffer/as-write-buffer.js";
export { asCharBuffer } from "./buffer/as-char-buffer.js";
export { checkReadBuffer } from "./buffer/check-read-buffer.js";
export { hashBytes } from "./hash-bytes.js";
export {
  memoryview,
  PyMemoryView,
  type MemoryviewItem,
  type MemoryviewKey,
  type MemoryviewOptions,
  type MemoryviewFunction,
  type NumberItemsExporter,
} from "./memoryview/memoryview.js";
export { slice, PySlice } from "./slice.js";
export { Ellipsis, EllipsisType } from "./ellipsis.js";
export { siphash13 } from "./siphash13.js";
