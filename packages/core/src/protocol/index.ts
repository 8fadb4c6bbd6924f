/**
 * The buffer protocol of PEP 3118: the symbols, flags and types of SPEC
 * §1 (SPEC.md), `getBuffer` / `releaseBuffer`, validation, and CPython's helpers for
 * exporters and consumers (`Objects/abstract.c`, `Objects/memoryobject.c`).
 *
 * @packageDocumentation
 */

export { GET_BUFFER, RELEASE_BUFFER } from "./symbols.js";
export {
  BufferFlags,
  type BufferFlagName,
  assertRequestFlags,
  requestsAnyContiguous,
  requestsCContiguous,
  requestsFContiguous,
  requestsFormat,
  requestsIndirect,
  requestsShape,
  requestsStrides,
  requestsWritable,
} from "./flags.js";
export type { BufferExporter, BufferInfo, ContiguityOrder } from "./buffer-info.js";
export { getBuffer, type GetBufferOptions } from "./get-buffer.js";
export { withoutUnrequested } from "./unrequested-fields.js";
export { releaseBuffer } from "./release-buffer.js";
export { withExport } from "./with-export.js";
export { isBufferExporter } from "./is-buffer-exporter.js";
export { fillInfo } from "./fill-info.js";
export { isCContiguous, isContiguous, isFContiguous } from "../layout/contiguity.js";
export { fillContiguousStrides } from "../layout/fill-contiguous-strides.js";
export { getPointer } from "./get-pointer.js";
export { toContiguous } from "./to-contiguous.js";
export { fromContiguous } from "./from-contiguous.js";
export { copyBuffer } from "./copy-buffer.js";
export { copyData } from "./copy-data.js";
export { sizeFromFormat } from "./size-from-format.js";
export { resolveBuffer, RELEASED_MESSAGE } from "./resolve-buffer.js";
export { assertAttached, DETACHED_MESSAGE } from "./detachment.js";
export { isDetachedBuffer } from "./brand-checks.js";
export { impliedByteStrides, impliedShape } from "../layout/implied-layout.js";
export { reachableExtent } from "../layout/reachable-extent.js";
export { POINTER_SIZE, readPointer, writePointer } from "../layout/pointer-slot.js";
export {
  MAX_NDIM,
  assertBufIsMemory,
  assertDimensionsAgree,
  assertItemsizeMatchesFormat,
  assertLenMatchesShape,
  assertMeetsRequest,
  assertValidBufferInfo,
  assertValidItemsize,
  assertValidNdim,
  assertWithinBuffer,
} from "./validate.js";
export { cByteStrides, cByteStridesInto } from "../layout/c-strides.js";
export { fByteStrides, fByteStridesInto } from "../layout/f-strides.js";
export { byteExtent, byteExtentInto } from "../layout/byte-extent.js";
export { fitsInBuffer } from "../layout/fits-in-buffer.js";
export { indexInDimension } from "../layout/dimension-index.js";
export { adjustIndices } from "../layout/adjust-indices.js";
