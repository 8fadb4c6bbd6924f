/**
 * The general derivation: any layout inside a view's export, checked as an
 * exporter's BufferInfo is checked (the protocol's assertions) plus the
 * rule that keeps derived views honest: no byte outside what the export
 * reaches, and no write access to read-only memory.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import { formatItemsize } from "../codec/index.js";
import {
  assertDimensionsAgree,
  assertItemsizeMatchesFormat,
  assertValidItemsize,
  assertValidNdim,
  byteExtent,
  cByteStrides,
} from "../protocol/index.js";
import type { ManagedBuffer } from "./managed-buffer.js";
import { hasIndirection, makeLayout, type ViewLayout } from "./view-layout.js";
import { copyNumbers } from "../layout/copy-numbers.js";

/** The fields {@link MemoryView.derive} accepts; missing ones keep the view's. */
export interface DeriveOptions {
  /** The byte position of item [0, …, 0] in the memory. */
  readonly byteOffset?: number;
  /** The length of each dimension. */
  readonly shape?: readonly number[];
  /** The byte step of each dimension (default: C-contiguous for `shape`). */
  readonly byteStrides?: readonly number[];
  /** PIL-style suboffsets, only over an export that has them. */
  readonly suboffsets?: readonly number[] | null;
  /** The item format (its size must be `itemsize`). */
  readonly format?: string;
  /** Bytes per item (default: the format's size). */
  readonly itemsize?: number;
  /** Refuse writes (a read-only view cannot become writable). */
  readonly readonly?: boolean;
}

/**
 * The checked layout of a view derived from `layout` (of `mbuf`) with
 * `options`.
 *
 * @throws BufferError when the layout escapes the export, asks to write
 *   read-only memory, or is malformed
 *
 * @example
 * ```ts
 * const v = MemoryView.from(new Uint8Array(8));
 * deriveParts(mbufOf(v), v.layout, { byteOffset: 7, shape: [4], byteStrides: [-2] }).byteStrides; // returns [-2]
 * ```
 * @example
 * ```ts
 * const v = MemoryView.from(new Uint8Array(8));
 * deriveParts(mbufOf(v), v.layout, { byteOffset: 4, shape: [5] }); // throws BufferError
 * ```
 */
export function deriveParts(mbuf: ManagedBuffer, layout: ViewLayout, options: DeriveOptions): ViewLayout {
  if (typeof options !== "object" || options === null) throw new TypeError("derive() takes an options object");
  const format = options.format ?? layout.format;
  if (typeof format !== "string") throw new TypeError("derive(): format must be a string");
  const itemsize = options.itemsize ?? (options.format === undefined ? layout.itemsize : formatItemsize(format));
  assertValidItemsize(itemsize);
  assertItemsizeMatchesFormat(itemsize, format);
  const shape = options.shape === undefined ? copyNumbers(layout.shape) : Array.from(options.shape);
  assertValidNdim(shape.length);
  const byteStrides =
    options.byteStrides !== undefined
      ? Array.from(options.byteStrides)
      : options.shape === undefined && itemsize === layout.itemsize
        ? copyNumbers(layout.byteStrides)
        : cByteStrides(shape, itemsize);
  const suboffsets =
    options.suboffsets === undefined
      ? options.shape === undefined && options.byteStrides === undefined && layout.suboffsets !== null
        ? copyNumbers(layout.suboffsets)
        : null
      : options.suboffsets === null
        ? null
        : Array.from(options.suboffsets);
  assertDimensionsAgree(shape.length, shape, byteStrides, suboffsets);
  // nbytes must be exact: a zero-stride view may repeat one byte 2**60
  // times, but its size is a number, and past 2**53 - 1 it would be rounded.
  let nbytes = itemsize;
  for (const length of shape) nbytes *= length;
  if (!(nbytes <= Number.MAX_SAFE_INTEGER)) {
    throw new BufferError("memoryview: the view's size in bytes passes 2**53 - 1");
  }
  const byteOffset = options.byteOffset ?? layout.byteOffset;
  if (typeof byteOffset !== "number" || !Number.isSafeInteger(byteOffset)) {
    throw new BufferError(`memoryview: byteOffset must be an integer, not ${String(byteOffset)}`);
  }
  const readonly = options.readonly ?? layout.readonly;
  if (typeof readonly !== "boolean") throw new TypeError("derive(): readonly must be a boolean");
  if (layout.readonly && !readonly) throw new BufferError("memoryview: underlying buffer is not writable");
  if (hasIndirection(suboffsets)) {
    if (!mbuf.indirect) throw new BufferError("memoryview: suboffsets need an export that has them");
  } else {
    const [startByte, endByte] = byteExtent(shape, byteStrides, byteOffset, itemsize);
    mbuf.assertWithinExport(startByte, endByte);
  }
  return makeLayout(byteOffset, shape, byteStrides, suboffsets, format, itemsize, readonly);
}
