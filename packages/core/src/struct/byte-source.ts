/**
 * The one place where the struct codec turns a buffer argument into bytes it
 * can read and write: a DataView, and the window of it that the argument
 * covers.
 *
 * It accepts what holds bytes in JavaScript: ArrayBuffer and
 * SharedArrayBuffer (resizable and growable ones too), every TypedArray, and
 * DataView (so Node's Buffer). Anything else is refused with CPython's words:
 * `"a bytes-like object is required, not 'int'"` when reading (the `y*`
 * converter) and `"argument must be read-write bytes-like object, not int"`
 * when writing (`w*`). A detached buffer, or a view pushed out of bounds by a
 * shrinking resizable buffer, is a window of 0 bytes: nothing stale is read.
 *
 * Any other exporter (an object with a `GET_BUFFER` method, a MemoryView
 * say) is asked for its memory through the buffer protocol, as CPython's
 * converters call `PyObject_GetBuffer`: `SIMPLE` (C-contiguous bytes) to
 * read, `WRITABLE` to write. {@link holdExport} acquires it and hands back
 * the `BufferInfo` with the window; the caller reads or writes, then calls
 * `releaseBuffer(info)` in a `finally`, so the exporter's `RELEASE_BUFFER`
 * runs once per call, after the bytes were used, whatever the call throws
 * (an iterator holds it until it is exhausted or closed, as CPython's
 * `iter_unpack` does). {@link toByteWindow} and {@link ByteWindowMemo} take
 * only the built-in kinds, which have no export to release; exporter windows
 * are never memoised: each call asks again.
 *
 * {@link ByteWindowMemo} keeps the latest window, so that a loop over one
 * buffer makes no DataView per call.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../protocol/buffer-info.js";
import { isArrayBuffer, isDetachedBuffer, isSharedArrayBuffer, isWasmMemory } from "../protocol/brand-checks.js";
import { BufferFlags } from "../protocol/flags.js";
import { getBuffer } from "../protocol/get-buffer.js";
import { releaseBuffer } from "../protocol/release-buffer.js";
import { resolveBuffer } from "../protocol/resolve-buffer.js";
import { GET_BUFFER } from "../protocol/symbols.js";
import { DETACHED_MESSAGE } from "../protocol/detachment.js";
import { ValueError } from "../errors.js";
import { pythonTypeName } from "../codec/python-type-name.js";

/**
 * Bytes to read or write: `byteLength` bytes of `view` from `byteOffset`.
 *
 * @example
 * ```ts
 * toByteWindow(new Uint16Array(4).subarray(1), false).byteOffset; // returns 2
 * ```
 */
export interface ByteWindow {
  readonly view: DataView;
  readonly byteOffset: number;
  readonly byteLength: number;
}

const EMPTY: ByteWindow = Object.freeze({ view: new DataView(new ArrayBuffer(0)), byteOffset: 0, byteLength: 0 });

/**
 * Whether `x` is an ArrayBuffer or a SharedArrayBuffer, of this realm or
 * another (an iframe's, a vm context's): the protocol's brand checks ask the
 * internal slot, which an object that only claims the `Symbol.toStringTag`
 * lacks (that one is refused like any other object).
 */
function isArrayBufferLike(x: unknown): x is ArrayBuffer | SharedArrayBuffer {
  return isArrayBuffer(x) || isSharedArrayBuffer(x);
}

/**
 * Whether `source` exports through a `GET_BUFFER` method (which wins over a
 * built-in kind): its window must come from {@link holdExport}.
 *
 * @example
 * ```ts
 * isExporter(new Uint8Array(2)); // returns false
 * ```
 */
export function isExporter(source: unknown): source is object {
  return (
    (((typeof source === "object" && source !== null) || typeof source === "function") &&
      typeof (source as { [GET_BUFFER]?: unknown })[GET_BUFFER] === "function") ||
    // Every built-in exporter getBuffer takes is a buffer here too (SPEC §1.7);
    // a WebAssembly.Memory has no window of its own, its buffer changes on grow().
    isWasmMemory(source)
  );
}

/**
 * The window of an export still held: `info` is to be released, once, with
 * `releaseBuffer` when the bytes have been used.
 */
export interface HeldWindow extends ByteWindow {
  readonly info: BufferInfo;
}

/**
 * Acquires an exporter's memory (`getBuffer` with `SIMPLE` to read,
 * `WRITABLE` to write) and returns its window with the export still held.
 * The caller releases `info` when done, in a `finally`. A refused writable
 * request reads as CPython's `w*` converter words it; a refused read
 * propagates the exporter's `BufferError`, as `y*` does. If the window
 * cannot be made, the export is released before the error propagates.
 *
 * @example
 * ```ts
 * const held = holdExport(exporter, false); try { held.byteLength; } finally { releaseBuffer(held.info); }
 * ```
 */
export function holdExport(source: object, writable: boolean): HeldWindow {
  let info: BufferInfo;
  try {
    // As CPython's y* and w* converters, read the bytes asked for and ignore
    // a format, shape or strides that describe the same contiguous bytes.
    info = getBuffer(source, writable ? BufferFlags.WRITABLE : BufferFlags.SIMPLE, { ignoreUnrequested: true });
  } catch (error) {
    if (writable && (error as { name?: unknown } | null)?.name === "BufferError") {
      throw new TypeError(`argument must be read-write bytes-like object, not ${writeArgumentTypeName(source)}`, {
        cause: error,
      });
    }
    throw error;
  }
  try {
    const buffer = resolveBuffer(info);
    return { view: new DataView(buffer), byteOffset: info.offset, byteLength: info.len, info };
  } catch (error) {
    releaseBuffer(info);
    throw error;
  }
}

/**
 * The type name in the `w*` converter's refusal, which says "None" where
 * every other message says "NoneType" (`converterr()` in `Python/getargs.c`
 * names None itself).
 */
function writeArgumentTypeName(source: unknown): string {
  return source === null || source === undefined ? "None" : pythonTypeName(source);
}

/** The window of `source`, a built-in kind, or null when it holds no bytes. */
function windowOf(source: unknown): { window: ByteWindow; buffer: ArrayBufferLike } | null {
  if (ArrayBuffer.isView(source)) {
    const buffer = source.buffer;
    if (source instanceof DataView) {
      let byteLength: number;
      try {
        byteLength = source.byteLength; // throws when detached or out of bounds
      } catch {
        return { window: EMPTY, buffer };
      }
      return { window: Object.freeze({ view: source, byteOffset: 0, byteLength }), buffer };
    }
    const byteLength = source.byteLength; // 0 when detached or out of bounds
    if (byteLength === 0) return { window: EMPTY, buffer };
    return { window: Object.freeze({ view: new DataView(buffer), byteOffset: source.byteOffset, byteLength }), buffer };
  }
  if (isArrayBufferLike(source)) {
    const byteLength = source.byteLength;
    if (byteLength === 0) return { window: EMPTY, buffer: source };
    return { window: Object.freeze({ view: new DataView(source), byteOffset: 0, byteLength }), buffer: source };
  }
  return null;
}

/** Whether the buffer behind a window can change its length other than by being detached. */
function isResizable(buffer: ArrayBufferLike): boolean {
  const b = buffer as { resizable?: boolean; growable?: boolean };
  return b.resizable === true || b.growable === true;
}

/**
 * The bytes of a buffer argument of a built-in kind, or the `TypeError`
 * CPython raises for an argument that is not one. `writable` selects the
 * write (`w*`) wording; every JavaScript buffer is writable. An exporter
 * ({@link isExporter}) is not taken here, since its export must be held while
 * the window is used: go through {@link holdExport}.
 *
 * @example
 * ```ts
 * toByteWindow(new ArrayBuffer(8), true).byteLength; // returns 8
 * ```
 * @example
 * ```ts
 * toByteWindow(new Uint8Array(3), false).view instanceof DataView; // returns true
 * ```
 */
export function toByteWindow(source: unknown, writable: boolean): ByteWindow {
  if (isExporter(source)) throw new Error("internal error: an exporter's window must be held (holdExport)");
  const found = windowOf(source);
  if (found === null) {
    throw new TypeError(
      writable
        ? `argument must be read-write bytes-like object, not ${writeArgumentTypeName(source)}`
        : `a bytes-like object is required, not '${pythonTypeName(source)}'`,
    );
  }
  return found.window;
}

/**
 * The window of the latest buffer argument, kept so that a loop over one
 * buffer makes no DataView per call. {@link ByteWindowMemo.update} fills it
 * through {@link toByteWindow}; a caller may reuse it for the same argument
 * while `reusable` holds, that is while the buffer cannot change length except
 * by being detached. A detached buffer then makes the DataView throw, and the
 * caller starts again with a fresh window (0 bytes long).
 *
 * @example
 * ```ts
 * const memo = new ByteWindowMemo(); memo.update(new Uint8Array(4), false); memo.byteLength; // returns 4
 * ```
 */
export class ByteWindowMemo {
  /** The argument the window was made for. */
  declare source: unknown;
  declare view: DataView;
  declare byteOffset: number;
  declare byteLength: number;
  /** Whether the window can be used again for the same argument. */
  declare reusable: boolean;

  constructor() {
    // Assigned here rather than declared with initialisers: V8 (Node 20)
    // reads fields that class field declarations define more slowly.
    this.source = undefined;
    this.view = EMPTY.view;
    this.byteOffset = 0;
    this.byteLength = 0;
    this.reusable = false;
  }

  /**
   * Makes the memo hold the window of `source`, a built-in kind, and returns
   * false; or, for an exporter ({@link isExporter}), leaves the memo as it
   * was and returns true: the caller then holds the export through
   * {@link holdExport} for the duration of its operation.
   */
  update(source: unknown, writable: boolean): boolean {
    if (isExporter(source)) return true;
    const found = windowOf(source);
    if (found === null) {
      this.source = undefined;
      this.reusable = false;
      toByteWindow(source, writable); // throws the TypeError
      return false;
    }
    this.source = source;
    this.view = found.window.view;
    this.byteOffset = found.window.byteOffset;
    this.byteLength = found.window.byteLength;
    // An empty window over a buffer that cannot resize stays empty (detaching leaves it empty), and not
    // reusing a window only makes the same one afresh: ">= 0" and "<= 0" cannot be told from "> 0".
    this.reusable = found.window.byteLength > 0 && !isResizable(found.buffer);
    return false;
  }

  /** Forgets the window, after the buffer turned out to be detached. */
  forget(): void {
    this.source = undefined;
    this.reusable = false;
  }
}

/**
 * Whether `error` is what a DataView throws when its buffer was detached or
 * shrunk under it.
 *
 * @example
 * ```ts
 * isBufferAccessError(new RangeError("Offset is outside the bounds of the DataView")); // returns true
 * ```
 */
export function isBufferAccessError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RangeError;
}

/**
 * Stores a struct packed aside at byte `at` of `window` (the argument's
 * window as it is after the values' user code ran): memory detached or
 * shrunk under the packing is a `ValueError`, never a write into memory
 * that no longer backs the argument.
 *
 * @example
 * ```ts
 * const target = new Uint8Array(4); storePacked(toByteWindow(target, true), 1, Uint8Array.of(7, 8)); Array.from(target); // returns [0, 7, 8, 0]
 * ```
 */
export function storePacked(window: ByteWindow, at: number, bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  if (window.byteLength === 0 || window.byteOffset + window.byteLength < at + bytes.length) {
    throw new ValueError(
      isDetachedBuffer(window.view.buffer) || window.byteLength === 0
        ? DETACHED_MESSAGE
        : `operation forbidden: the buffer was resized below the ${at + bytes.length} bytes pack_into writes`,
    );
  }
  new Uint8Array(window.view.buffer, window.view.byteOffset + at, bytes.length).set(bytes);
}
