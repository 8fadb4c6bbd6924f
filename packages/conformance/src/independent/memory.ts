/**
 * Byte access to the things the struct functions accept: Uint8Array and
 * other TypedArrays, DataView, ArrayBuffer, and exporters.
 *
 * @packageDocumentation
 */

import { BufferError } from "./errors.js";

const GET = Symbol.for("mv.getbuffer");
const RELEASE = Symbol.for("mv.releasebuffer");

interface Info {
  buf: ArrayBuffer;
  offset: number;
  len: number;
  readonly: boolean;
}

function fromExporter(source: object, writable: boolean): Uint8Array {
  const exporter = source as Record<symbol, (arg: unknown) => unknown>;
  const info = exporter[GET]!(writable ? 0x1 : 0) as Info;
  try {
    return new Uint8Array(info.buf, info.offset, info.len);
  } finally {
    exporter[RELEASE]?.(info);
  }
}

/** The bytes of a source (a view, not a copy). */
export function bytesOf(source: unknown): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof SharedArrayBuffer !== "undefined" && source instanceof SharedArrayBuffer) return new Uint8Array(source);
  if (source && (typeof source === "object" || typeof source === "function") && GET in source) return fromExporter(source, false);
  throw new TypeError("a bytes-like object is required");
}

/** The bytes of a writable target. */
export function writableBytesOf(target: unknown): Uint8Array {
  if (target && (typeof target === "object" || typeof target === "function") && GET in target && !ArrayBuffer.isView(target)) {
    try {
      return fromExporter(target, true);
    } catch (error) {
      if ((error as Error)?.name === "BufferError") throw new BufferError("argument must be read-write bytes-like object");
      throw error;
    }
  }
  return bytesOf(target);
}
