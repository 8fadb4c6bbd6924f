/**
 * A small implementation of the contract written for the suite's own proof,
 * sharing no code with @mv/core: zero- and one-dimensional memoryviews of
 * the native single-character formats, `slice`, `Ellipsis`, `bytes`,
 * `bytearray`, a flat `struct`, and the error classes. Its `supports`
 * manifest declares what it leaves out; the suite checks that it refuses
 * those.
 *
 * @example
 * ```sh
 * mv-conformance --impl @mv/conformance/independent
 * ```
 *
 * @packageDocumentation
 */

import { createIndependent } from "./create.js";

const impl = createIndependent();

export { createIndependent };
export const { name, supports, memoryview, slice, Ellipsis, bytes, bytearray, struct } = impl;
export const {
  ValueError,
  IndexError,
  BufferError,
  NotImplementedError,
  OverflowError,
  StructError,
  MemoryError,
  UnicodeEncodeError,
} = impl;
