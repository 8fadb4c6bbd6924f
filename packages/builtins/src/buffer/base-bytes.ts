/**
 * `get_buf` of Python 2.7's `Objects/bufferobject.c`, for a base that speaks
 * the new protocol: the old read, write or char buffer of the base, as the
 * bytes of a PEP 3118 export.
 *
 * The old protocol's "single segment" is a contiguous export: a base that
 * can only export strided memory fails with 2.7's "single-segment buffer
 * object expected". A base that cannot export for the kind asked (a write
 * buffer from a read-only object, a char buffer from an `array`) fails with
 * 2.7's "<kind> buffer type not available".
 *
 * @packageDocumentation
 */
import { BufferFlags, getBuffer, isCContiguous, releaseBuffer, type BufferInfo } from "@mv/core";
import { bufferBytes } from "../protocol/buffer-bytes.js";
import { hasCharBuffer } from "./char-buffer.js";

/** Which old-protocol buffer is asked for (`enum buffer_t`). */
export type BufferKind = "read" | "write" | "char" | "any";

/** The bytes of a base, valid until `release()`. */
export interface BaseBytes {
  /** The whole buffer the base offers (a view of its memory). */
  readonly bytes: Uint8Array;
  /** Ends the export behind `bytes`. */
  release(): void;
}

function isRefusal(error: unknown): boolean {
  return error instanceof Error && (error.name === "BufferError" || error instanceof TypeError);
}

/**
 * The old `kind` buffer of `base` (`proc` in `get_buf`): `"read"` and
 * `"write"` directly; `"any"` as read for a read-only buffer object and as
 * write for a writable one (the caller passes the resolved kind's
 * `writable`).
 *
 * @param base - a new-protocol exporter
 * @param kind - the buffer asked for
 * @param writable - for `"any"`: whether the buffer object is writable
 *
 * @example
 * ```ts
 * const window = baseBytes(bytes([1, 2]), "read", false);
 * window.bytes.length; // returns 2
 * window.release();
 * baseBytes(bytes([1]), "write", true); // throws TypeError "write buffer type not available"
 * ```
 */
export function baseBytes(base: object, kind: BufferKind, writable: boolean): BaseBytes {
  const wantsWrite = kind === "write" || (kind === "any" && writable);
  const name = kind === "any" ? "no" : kind;
  let info: BufferInfo;
  try {
    info = getBuffer(base, wantsWrite ? BufferFlags.WRITABLE : BufferFlags.SIMPLE);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // Tell a strided base (more than one segment) from one that refuses.
    let layout: BufferInfo | undefined;
    try {
      layout = getBuffer(base, BufferFlags.FULL_RO);
    } catch {
      layout = undefined;
    }
    if (layout !== undefined) {
      const contiguous = isCContiguous(layout);
      releaseBuffer(layout);
      if (!contiguous) throw new TypeError("single-segment buffer object expected");
    }
    throw new TypeError(`${name} buffer type not available`);
  }
  if (kind === "char" && !hasCharBuffer(base)) {
    releaseBuffer(info);
    throw new TypeError("char buffer type not available");
  }
  const bytes = bufferBytes(info);
  return { bytes, release: () => releaseBuffer(info) };
}
