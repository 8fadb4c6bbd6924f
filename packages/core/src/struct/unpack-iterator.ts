/**
 * `iter_unpack`: the iterator over the structs of a buffer, for `Struct`,
 * `RecordStruct` and the module-level `iterUnpack`.
 *
 * @packageDocumentation
 */

import { StructError, ValueError } from "../errors.js";
import type { CompiledReader } from "../codec/compile.js";
import type { StructValue } from "../codec/struct-value.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import { releaseBuffer } from "../protocol/release-buffer.js";
import { resolveBuffer } from "../protocol/resolve-buffer.js";
import { holdExport, isBufferAccessError, isExporter, toByteWindow, type ByteWindow } from "./byte-source.js";

/**
 * What an {@link UnpackIterator} reads with: a struct's size and its read of
 * one struct at a byte offset (a compiled format, or a `RecordStruct`).
 */
export interface StructReader<T> {
  /** The size in bytes of one struct. */
  readonly size: number;
  /** The struct at `byteOffset` of `view`. */
  unpackAt(view: DataView, byteOffset: number): T;
}

/**
 * The iterator of {@link iterUnpack}: CPython's `unpack_iterator`, which reads
 * one struct per step from the buffer it was given. A buffer detached or
 * shrunk under it makes the next step throw `ValueError`.
 *
 * Over an exporter it holds the export, as CPython's iterator holds its
 * `Py_buffer`, and releases it once: on the step that finds it exhausted,
 * when a step throws, or when it is closed with `return()` (a `for…of` left
 * by `break`, `return` or an exception). `return()` closes any iterator, as
 * it closes a generator: later steps are done.
 *
 * @example
 * ```ts
 * [...new Struct("B").iterUnpack(new Uint8Array([1, 2]))]; // returns [[1], [2]]
 * ```
 */
export class UnpackIterator<T = StructValue[]> implements IterableIterator<T> {
  declare private readonly compiled: StructReader<T>;
  declare private view: DataView;
  declare private readonly end: number;
  declare private byteOffset: number;
  /** The export held, if the buffer is an exporter, until it is released. */
  declare private info: BufferInfo | null;

  constructor(compiled: StructReader<T>, window: ByteWindow, info: BufferInfo | null = null) {
    this.compiled = compiled;
    this.view = window.view;
    this.byteOffset = window.byteOffset;
    this.end = window.byteOffset + window.byteLength;
    this.info = info;
  }

  /** Ends the iteration and releases the export held, if any. */
  private finish(): void {
    this.byteOffset = this.end;
    const info = this.info;
    if (info !== null) {
      this.info = null;
      releaseBuffer(info);
    }
  }

  /**
   * Unpacks the next struct (`unpackiter_iternext`).
   *
   * @returns the next struct's values, or done once the buffer is exhausted
   * @throws ValueError when the buffer was detached or shrunk during
   * iteration; the iterator is then exhausted
   */
  next(): IteratorResult<T> {
    if (this.byteOffset >= this.end) {
      if (this.info !== null) this.finish();
      return { done: true, value: undefined };
    }
    let value: T;
    try {
      value = this.compiled.unpackAt(this.view, this.byteOffset);
    } catch (error) {
      if (isBufferAccessError(error) && this.info !== null) {
        // Between steps user code ran: the export's memory may have moved
        // (a grown WebAssembly.Memory). Resolved again; gone is ValueError.
        try {
          this.view = new DataView(resolveBuffer(this.info));
          value = this.compiled.unpackAt(this.view, this.byteOffset);
          this.byteOffset += this.compiled.size;
          return { done: false, value };
        } catch (again) {
          this.finish();
          throw isBufferAccessError(again) ? new ValueError("the buffer was detached or shrunk during iteration") : again;
        }
      }
      this.finish();
      if (!isBufferAccessError(error)) throw error;
      throw new ValueError("the buffer was detached or shrunk during iteration");
    }
    this.byteOffset += this.compiled.size;
    return { done: false, value };
  }

  /**
   * Closes the iterator, as a `for…of` left early does: the export held, if
   * any, is released, and every later step is done.
   *
   * @returns done, with `value`
   */
  return(value?: unknown): IteratorResult<T> {
    this.finish();
    return { done: true, value };
  }

  /** How many structs are left (`__length_hint__`). */
  lengthHint(): number {
    return (this.end - this.byteOffset) / this.compiled.size;
  }

  /**
   * Returns the iterator itself, as Python's `iter()` of an iterator does.
   *
   * @returns this iterator
   */
  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * `Struct_iter_unpack_impl`: an iterator over the structs of a buffer whose
 * length is a multiple of the struct's size.
 *
 * @example
 * ```ts
 * [...iterUnpackBuffer(compileReader("B"), new Uint8Array([1, 2]))]; // returns [[1], [2]]
 * ```
 */
export function iterUnpackBuffer(compiled: CompiledReader, buffer: unknown): UnpackIterator {
  if (compiled.size === 0) {
    throw new StructError("cannot iteratively unpack with a struct of length 0");
  }
  if (isExporter(buffer)) {
    const held = holdExport(buffer, false);
    if (held.byteLength % compiled.size !== 0) {
      releaseBuffer(held.info);
      throw iterUnpackSizeError(compiled);
    }
    return new UnpackIterator(compiled, held, held.info);
  }
  const window = toByteWindow(buffer, false);
  if (window.byteLength % compiled.size !== 0) throw iterUnpackSizeError(compiled);
  return new UnpackIterator(compiled, window);
}

function iterUnpackSizeError(compiled: CompiledReader): StructError {
  return new StructError(`iterative unpacking requires a buffer of a multiple of ${compiled.exactSize} bytes`, {
    kind: "buffer",
  });
}
