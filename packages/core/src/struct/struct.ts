/**
 * The compiled `Struct` and the operations it shares with the module-level
 * functions: `s_pack`, `s_pack_into`, `Struct_unpack_impl`,
 * `Struct_unpack_from_impl` and `Struct_iter_unpack_impl` of
 * `Modules/_struct.c`, with their checks in the same order and their
 * messages word for word.
 *
 * Each operation keeps the window of its latest buffer in a
 * {@link ByteWindowMemo} (one per `Struct`, and one per `FormatReader`, the
 * reading half the module-level reading functions use), so a loop over one
 * buffer costs no DataView per call. If the
 * buffer was detached since, the DataView throws and the operation starts
 * again with a fresh, empty window, failing as it would have from the start.
 *
 * An exporter's window is never memoised: each operation acquires the export
 * ({@link holdExport}), uses the bytes, and releases it in a `finally`, as
 * CPython's `y*` and `w*` converters hold a `Py_buffer` for the duration of
 * the call; {@link UnpackIterator} holds it until it is exhausted or closed.
 *
 * @packageDocumentation
 */

import { StructError, ValueError } from "../errors.js";
import { packIntoArityError, structOffset } from "./struct-errors.js";
import { releaseBuffer } from "../protocol/release-buffer.js";
import { resolveBuffer } from "../protocol/resolve-buffer.js";
import { DETACHED_MESSAGE } from "../protocol/detachment.js";
import { ByteWindowMemo, holdExport, isBufferAccessError, storePacked, toByteWindow, type ByteWindow } from "./byte-source.js";
import { unpackExported, unpackFromExported } from "./exported-reads.js";
import { iterUnpackBuffer, type UnpackIterator } from "./unpack-iterator.js";
import { withGeneratedFunctions } from "../codec/code-generation.js";
import { compileFormat, type CompiledFormat } from "../codec/compile.js";
import { formatBytes } from "../codec/format-arg.js";
import type { StructValue } from "../codec/struct-value.js";
import type { Unpacker } from "../codec/unpack.js";
import { allocateBytes } from "../allocate.js";

export { UnpackIterator, type StructReader } from "./unpack-iterator.js";

/** A byte offset argument: an integer `number` or `bigint`. */
export type OffsetArg = number | bigint;

/**
 * Scratch bytes for packing small structs: V8 keeps a `Uint8Array` of up to
 * 64 bytes on its heap until something asks for its `buffer`, and a DataView
 * asks at once, so small structs are packed here and copied out with
 * `slice()`, whose copy V8 keeps on its heap.
 */
const SCRATCH_SIZE = 64;
const scratchBytes = new Uint8Array(SCRATCH_SIZE);
const scratchView = new DataView(scratchBytes.buffer);
let scratchInUse = false;

/** `s_pack`: `values[start …]`, `count` of them, packed into a new `Uint8Array`. */
function packValues(compiled: CompiledFormat, values: ArrayLike<unknown>, start: number, count: number): Uint8Array {
  if (count !== compiled.len) {
    throw new StructError(`pack expected ${compiled.exactLen} items for packing (got ${count})`, { kind: "arity" });
  }
  const size = compiled.size;
  // A value's getter may call pack again while this one runs: the shared
  // scratch is then in use, and the nested call packs into its own bytes.
  if (size > SCRATCH_SIZE || scratchInUse) {
    const bytes = allocateBytes(size);
    compiled.writeAt(new DataView(bytes.buffer), 0, values, start);
    return bytes;
  }
  scratchInUse = true;
  try {
    compiled.writeAt(scratchView, 0, values, start);
  } finally {
    scratchInUse = false;
  }
  return scratchBytes.slice(0, size);
}

/**
 * `pack_into` where the values may run user code: they are packed into
 * bytes of their own (zeroed first, field after field, as `pack_into` does
 * in place), the argument's memory is found again (`window`), and those
 * bytes are stored, also when a value was refused: CPython leaves the
 * fields written before the refusal, and so does this. Memory that went away
 * meanwhile is a `ValueError` (or the refusal, which came first).
 */
function packAsideThenStore(
  compiled: CompiledFormat,
  values: ArrayLike<unknown>,
  start: number,
  at: number,
  window: () => ByteWindow,
): void {
  const bytes = allocateBytes(compiled.size);
  let refusal: unknown = null;
  try {
    compiled.writeAt(new DataView(bytes.buffer), 0, values, start);
  } catch (error) {
    refusal = error;
  }
  try {
    storePacked(window(), at, bytes);
  } catch (error) {
    throw refusal ?? error;
  }
  if (refusal !== null) throw refusal;
}

/** Whether a value may run user code when packed (an object's getters, a Proxy's traps). */
function mayRunUserCode(args: ArrayLike<unknown>, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const value = args[i];
    if ((typeof value === "object" && value !== null) || typeof value === "function") return true;
  }
  return false;
}

/**
 * `s_pack_into`: `args` holds the buffer, the offset and the values, `count`
 * of them in all from `start` on.
 */
function packIntoArgs(
  compiled: CompiledFormat,
  memo: ByteWindowMemo,
  args: ArrayLike<unknown>,
  start: number,
  count: number,
): void {
  if (count !== compiled.len + 2) throw packIntoArityError(compiled, count);
  const buffer = args[start];
  const reused = buffer === memo.source && memo.reusable;
  if (!reused && memo.update(buffer, true)) {
    packIntoExported(compiled, buffer as object, args, start);
    return;
  }
  const at = memo.byteOffset + structOffset(compiled, args[start + 1], memo.byteLength, true);
  if (mayRunUserCode(args, start + 2, start + count)) {
    // User code runs while the values are packed: pack them aside, then
    // check the memory again (the window of the argument as it is now).
    packAsideThenStore(compiled, args, start + 2, at, () => toByteWindow(buffer, true));
    return;
  }
  try {
    compiled.writeAt(memo.view, at, args, start + 2);
  } catch (error) {
    if (!reused || !isBufferAccessError(error)) throw error;
    memo.forget(); // detached since the window was made: start again
    packIntoArgs(compiled, memo, args, start, count);
  }
}

/** `Struct.packInto` in general: any arguments, any buffer (exporters too). */
function packIntoAll(this: Struct, ...args: unknown[]): void {
  packIntoArgs(this.compiled, this.memo, args, 0, args.length);
}

/** `packIntoArgs` on an exporter: its export is held until the values are written. */
function packIntoExported(compiled: CompiledFormat, buffer: object, args: ArrayLike<unknown>, start: number): void {
  const held = holdExport(buffer, true);
  try {
    const at = held.byteOffset + structOffset(compiled, args[start + 1], held.byteLength, true);
    // The values are packed aside (their getters may run user code), then
    // the export's memory is resolved again: released, detached or shrunk
    // is a ValueError, a grown WebAssembly.Memory is written where it is now.
    if (!mayRunUserCode(args, start + 2, start + 2 + compiled.len)) {
      compiled.writeAt(held.view, at, args, start + 2);
      return;
    }
    packAsideThenStore(compiled, args, start + 2, at, () => {
      const memory = resolveBuffer(held.info);
      return { view: new DataView(memory), byteOffset: 0, byteLength: memory.byteLength };
    });
  } finally {
    releaseBuffer(held.info);
  }
}

/**
 * A compiled struct format: Python's `struct.Struct`.
 *
 * @example
 * ```ts
 * new Struct("<iid").size; // returns 16
 * ```
 * @example
 * ```ts
 * new Struct("<hh").unpack(new Struct("<hh").pack(1, -2)); // returns [1, -2]
 * ```
 * @example
 * ```ts
 * String(new Struct("=q")); // returns "Struct('=q')"
 * ```
 *
 * Named records and text fields are `RecordStruct`'s (SPEC §2.1), a
 * class of its own so that a program using only `Struct` or `unpack` does
 * not carry the PEP 3118 reader.
 */
export class Struct {
  // Every field is assigned in the constructor and never declared with an
  // initialiser or as `#private`: V8 (Node 20) reads both kinds several
  // times more slowly in optimised code, and these are read on every call.

  /** The format string. */
  declare readonly format: string;
  /**
   * The size in bytes of the packed struct (`calcsize`). CPython allows sizes
   * up to 2**63 - 1; one above `Number.MAX_SAFE_INTEGER`, where no number is
   * exact, is given as an exact `bigint`. No such struct can be packed or
   * unpacked, so every size a program can use is a `number`, as typed.
   */
  declare readonly size: number;
  /** @internal The compiled format. */
  declare readonly compiled: CompiledFormat;
  /** @internal The window of the latest buffer argument. */
  declare readonly memo: ByteWindowMemo;
  /** @internal `compiled.unpackAt`: generated for the format, or the interpreter. */
  declare readonly unpackAt: Unpacker;

  /**
   * Compiles `format`, a string or a `Uint8Array` of ASCII (`Struct()` always
   * compiles; the module-level functions keep a cache of these).
   */
  constructor(format: string | Uint8Array) {
    const compiled = withGeneratedFunctions(compileFormat(formatBytes(format)));
    this.format = compiled.format;
    this.size = compiled.size <= Number.MAX_SAFE_INTEGER ? compiled.size : (compiled.exactSize as unknown as number);
    this.compiled = compiled;
    this.memo = new ByteWindowMemo();
    this.unpackAt = compiled.unpackAt;
  }

  /** Packs the values into a new `Uint8Array`. */
  pack(...values: unknown[]): Uint8Array {
    return packValues(this.compiled, values, 0, values.length);
  }

  /** Packs the values into `buffer` at `offset` (negative counts from the end). */
  packInto(buffer: unknown, offset: OffsetArg, ...values: unknown[]): void;
  packInto(
    buffer?: unknown,
    offset?: unknown,
    p0?: unknown,
    p1?: unknown,
    p2?: unknown,
    p3?: unknown,
    p4?: unknown,
    p5?: unknown,
    p6?: unknown,
    p7?: unknown,
  ): void {
    // The common case, a buffer whose window is memoised and a small offset
    // in range, hands the values to the format's generated packer as
    // arguments: no array is made per call. Only `arguments.length` is read
    // and `arguments` is only forwarded, which V8 does without making it.
    const compiled = this.compiled;
    const writeArgs = compiled.writeArgs;
    // biome-ignore lint/complexity/noArguments: the fast path takes named parameters; a rest parameter would allocate an array on every call
    if (writeArgs !== null && arguments.length === compiled.len + 2) {
      const memo = this.memo;
      if (
        buffer === memo.source &&
        memo.reusable &&
        typeof offset === "number" &&
        (offset | 0) === offset &&
        offset >= 0 &&
        memo.byteLength - offset >= compiled.size
      ) {
        try {
          writeArgs(memo.view, memo.byteOffset + offset, p0, p1, p2, p3, p4, p5, p6, p7);
          return;
        } catch (error) {
          if (!isBufferAccessError(error)) throw error;
          memo.forget();
          // A value's getter detached the buffer while it was written: the
          // values are not converted again (each user value is read once).
          if (mayRunUserCode([p0, p1, p2, p3, p4, p5, p6, p7], 0, compiled.len)) {
            throw new ValueError(DETACHED_MESSAGE, { cause: error });
          }
          // Detached since the window was made: the general path starts again.
        }
      }
    }
    // biome-ignore lint/complexity/noArguments: the general path sees every argument, as the fast path's named parameters do not
    packIntoAll.apply(this as unknown as Struct, arguments as unknown as unknown[]);
  }

  /** @internal `pack` of `values[start …]`, `count` of them. */
  packArgs(values: ArrayLike<unknown>, start: number, count: number): Uint8Array {
    return packValues(this.compiled, values, start, count);
  }

  /** @internal `packInto` of `args[start …]` (buffer, offset, values), `count` of them. */
  packIntoArgs(args: ArrayLike<unknown>, start: number, count: number): void {
    packIntoArgs(this.compiled, this.memo, args, start, count);
  }

  /** The values of a buffer of exactly {@link Struct.size} bytes. */
  unpack(buffer: unknown): StructValue[] {
    const memo = this.memo;
    const reused = buffer === memo.source && memo.reusable;
    if (!reused && memo.update(buffer, false)) return unpackExported(this.compiled, buffer as object);
    if (memo.byteLength !== this.compiled.size) {
      throw new StructError(`unpack requires a buffer of ${this.compiled.exactSize} bytes`, { kind: "buffer" });
    }
    try {
      return this.unpackAt(memo.view, memo.byteOffset);
    } catch (error) {
      if (!reused || !isBufferAccessError(error)) throw error;
      memo.forget(); // detached since the window was made: start again
      return this.unpack(buffer);
    }
  }

  /** The values at `offset` (negative counts from the end) of a buffer. */
  unpackFrom(buffer: unknown, offset: OffsetArg = 0): StructValue[] {
    const memo = this.memo;
    const reused = buffer === memo.source && memo.reusable;
    if (!reused && memo.update(buffer, false)) return unpackFromExported(this.compiled, buffer as object, offset);
    const at = structOffset(this.compiled, offset, memo.byteLength, false);
    try {
      return this.unpackAt(memo.view, memo.byteOffset + at);
    } catch (error) {
      if (!reused || !isBufferAccessError(error)) throw error;
      memo.forget();
      return this.unpackFrom(buffer, offset);
    }
  }

  /** The structs of a buffer whose length is a multiple of the size, one by one. */
  iterUnpack(buffer: unknown): UnpackIterator {
    return iterUnpackBuffer(this.compiled, buffer);
  }

  /** Python's `repr`: `Struct('<i')`. */
  toString(): string {
    return `Struct(${pythonStringRepr(this.format)})`;
  }

  /**
   * The one-line form Node's `util.inspect` and `console.log` show: the same
   * as `toString()` (a registry symbol, so no Node import is needed).
   *
   * @returns `toString()`
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** `repr()` of a Python `str` of ASCII characters. */
function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch === "\\" || ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}
