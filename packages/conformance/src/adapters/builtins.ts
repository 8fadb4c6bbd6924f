/**
 * The default adapter: `@mv/builtins` (memoryview, slice, Ellipsis, bytes,
 * bytearray, array, buffer and the error classes), with `@mv/core`'s struct
 * codec and `getBuffer`/`releaseBuffer`. `mv-conformance` with no `--impl`
 * (or `--impl @mv/builtins`) runs against this module.
 *
 * It picks names from the namespaces rather than importing them by name, so
 * it loads whatever the packages export today; what is missing is skipped and
 * reported.
 *
 * @packageDocumentation
 */

import * as builtins from "@mv/builtins";
import * as core from "@mv/core";
import {
  CAPI_NAMES,
  type BufferApiLike,
  type ImplementationModule,
  type NdarrayViewClass,
  type StructModuleLike,
} from "../implementation.js";
import { LEGACY_CAPI_NAMES, STRUCT_NAMES } from "../resolve-implementation.js";

const b = builtins as Record<string, unknown>;
const c = core as Record<string, unknown>;
const pick = (name: string): unknown => b[name] ?? c[name];

const structEntries = STRUCT_NAMES.filter((name) => typeof c[name] === "function").map((name) => [name, c[name]]);

const capiEntries = CAPI_NAMES.filter((name) => typeof c[name] === "function").map((name) => [name, c[name]]);
// The contract's pointer slot size is a constant, not a function.
if (typeof c.POINTER_SIZE === "number") capiEntries.push(["POINTER_SIZE", c.POINTER_SIZE]);

/** The module name, for reports. */
export const name = "@mv/builtins";
export const memoryview = pick("memoryview");
export const slice = pick("slice");
export const Ellipsis = pick("Ellipsis");
export const bytes = pick("bytes");
export const bytearray = pick("bytearray");
export const array = pick("array");
export const buffer = pick("buffer");
export const getBuffer = pick("getBuffer");
export const releaseBuffer = pick("releaseBuffer");
export const struct: Partial<StructModuleLike> | undefined =
  structEntries.length > 0 ? (Object.fromEntries(structEntries) as Partial<StructModuleLike>) : undefined;
export const ValueError = pick("ValueError");
export const IndexError = pick("IndexError");
export const BufferError = pick("BufferError");
export const NotImplementedError = pick("NotImplementedError");
export const OverflowError = pick("OverflowError");
export const StructError = pick("StructError");
export const MemoryError = pick("MemoryError");
export const UnicodeEncodeError = pick("UnicodeEncodeError");
/** `@mv/core`'s buffer C API functions (`PyBuffer_GetPointer` and the rest). */
export const capi: Partial<BufferApiLike> | undefined =
  capiEntries.length > 0 ? (Object.fromEntries(capiEntries) as Partial<BufferApiLike>) : undefined;
/** `@mv/core`'s N-dimensional view: the optional ndarray extension. */
export const MemoryView = c.MemoryView as NdarrayViewClass | undefined;
const legacyEntries = LEGACY_CAPI_NAMES.filter((n) => typeof b[n] === "function").map((n) => [n, b[n]]);
/** `@mv/builtins`' Python 2.7 old-buffer helpers (`PyObject_AsReadBuffer` and the rest). */
export const legacyCapi: ImplementationModule["legacyCapi"] =
  legacyEntries.length > 0 ? Object.fromEntries(legacyEntries) : undefined;

/**
 * The whole adapter as one object.
 *
 * @example
 * ```ts
 * import { suite } from "@mv/conformance";
 * import builtinsAdapter from "@mv/conformance/builtins";
 * suite({ test, impl: builtinsAdapter });
 * ```
 */
const adapter: ImplementationModule = {
  name,
  memoryview,
  slice,
  Ellipsis,
  bytes,
  bytearray,
  array,
  buffer,
  getBuffer,
  releaseBuffer,
  struct,
  ValueError,
  IndexError,
  BufferError,
  NotImplementedError,
  OverflowError,
  StructError,
  MemoryError,
  UnicodeEncodeError,
  capi,
  MemoryView,
  legacyCapi,
};
export default adapter;
