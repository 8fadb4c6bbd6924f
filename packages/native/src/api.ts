/**
 * The JavaScript API of `@mv/native`, built over a binding passed in (the
 * compiled addon, or a fake in tests), the way later `@parcel/watcher`
 * revisions wrap their binding.
 *
 * The addon only reads base addresses, detects detached buffers and wraps
 * foreign memory. Everything else is here, on `@mv/core`: the request
 * (`getBuffer`), the checks on the memory (`resolveBuffer`), index to byte
 * offset following suboffsets (`getPointer`), and the reachable bytes
 * (`reachableExtent`). A byte offset from core plus the base address from the
 * addon is an address.
 *
 * @packageDocumentation
 */

import {
  BufferFlags,
  type BufferInfo,
  DETACHED_MESSAGE,
  GET_BUFFER,
  NotImplementedError,
  ValueError,
  fillInfo,
  getPointer,
  impliedByteStrides,
  impliedShape,
  reachableExtent,
  resolveBuffer,
  withExport,
} from "@mv/core";
import { addressAlignment, byteAlignment } from "./alignment.js";
import { NO_EXTERNAL_BUFFERS_CODE, type NativeBinding } from "./binding.js";
import { directAddress } from "./direct-address.js";
import { normalizeIndices } from "./normalize-indices.js";

/** The address range of the bytes a view can reach: [start, end). */
export interface AddressExtent {
  /** The lowest byte address any element (or, with suboffsets, pointer slot) occupies. */
  readonly start: bigint;
  /** One past the highest such byte address; `end - 1n` is the highest. */
  readonly end: bigint;
  /** `end - start`, as a number. */
  readonly byteLength: number;
}

/** Options of {@link NativeApi.fromAddress}. */
export interface FromAddressOptions {
  /**
   * Export the buffer read-only through the protocol: `getBuffer` with
   * `WRITABLE` fails with `BufferError`, and `memoryview`/`MemoryView` over
   * it are read-only. (JavaScript has no read-only ArrayBuffer here: a plain
   * `new Uint8Array(buffer)` can still write.)
   */
  readonly?: boolean;
  /**
   * Called with `(address, byteLength)` on the JavaScript thread once the
   * ArrayBuffer has been garbage-collected: the place to free the foreign
   * memory. Not called at process exit. An exception it throws is reported as
   * an uncaught exception.
   */
  finalize?: (address: bigint, byteLength: number) => void;
}

/** The functions {@link createNativeApi} builds. */
export interface NativeApi {
  /**
   * The address of element [0, …, 0] of any exporter: the `Py_buffer.buf`
   * of its `FULL_RO` export (`ctypes.addressof` for buffers). For a view
   * with negative strides this is not the lowest address (see `extentOf`).
   * The package's `addressOf` is this function over the loaded addon.
   *
   * @param exporter - any buffer exporter
   * @returns the address of element [0, …, 0]
   * @throws TypeError when `exporter` exports no buffer
   * @throws ValueError when the memory is detached or the export released
   * @throws the `loadError` of an API built without a binding
   */
  addressOf(exporter: unknown): bigint;
  /**
   * The address of one element, every index checked: `PyBuffer_GetPointer`
   * on real memory. Negative indices count from the end, as in memoryview;
   * suboffsets are followed through the pointers stored in the buffer.
   *
   * @param exporter - any buffer exporter
   * @param indices - one integer (`number` or `bigint`) per dimension; `[]` for a 0-dimensional export
   * @returns the address of that element
   * @throws IndexError "index out of bounds on dimension N" (1-based)
   * @throws TypeError "cannot index N-dimension view with M-element tuple" when the count is wrong
   * @throws ValueError when the memory is detached
   * @throws the `loadError` of an API built without a binding
   */
  elementAddress(exporter: unknown, indices: readonly (number | bigint)[]): bigint;
  /**
   * An ArrayBuffer over `byteLength` bytes of foreign memory at `address`,
   * without copying: `ctypes.from_address`, and just as unsafe (nothing
   * checks that the memory exists or outlives the buffer).
   *
   * @param address - the first byte, non-zero and below 2**64
   * @param byteLength - how many bytes, a non-negative safe integer
   * @param options - `readonly` and `finalize`; see {@link FromAddressOptions}
   * @returns an external ArrayBuffer
   * @throws TypeError when an argument or option has the wrong type
   * @throws ValueError "fromAddress(): NULL pointer access" for 0n, and for an address or length out of range
   * @throws NotImplementedError where the runtime forbids external ArrayBuffers (V8's memory sandbox)
   * @throws the `loadError` of an API built without a binding
   */
  fromAddress(address: bigint, byteLength: number, options?: FromAddressOptions): ArrayBuffer;
  /**
   * The address range a view can reach, [start, end): the lowest byte
   * address any element occupies and one past the highest. With negative
   * strides `start` is below `addressOf(exporter)`; with suboffsets the
   * range also covers the pointer slots followed.
   *
   * @param exporter - any buffer exporter
   * @returns the {@link AddressExtent}
   * @throws ValueError when the memory is detached
   * @throws the `loadError` of an API built without a binding
   */
  extentOf(exporter: unknown): AddressExtent;
  /**
   * The largest power of two dividing the address of every element of a
   * view (NumPy's `ALIGNED` flag asks whether this is at least the
   * itemsize), or, given a `bigint`, the alignment of that address; `0n`
   * gives `Infinity`. A bigint needs no binding.
   *
   * @param exporterOrAddress - any buffer exporter, or an address
   * @returns a power of two, or Infinity for 0n
   * @throws ValueError for an address outside [0, 2**64), or detached memory
   * @throws the `loadError` of an API built without a binding, for an exporter
   */
  alignmentOf(exporterOrAddress: unknown): number;
}

/** Options of {@link createNativeApi}. */
export interface NativeApiOptions {
  /**
   * Whether `addressOf` takes the fast path for plain TypedArrays, DataViews
   * and ArrayBuffers (default true). False forces the full export every
   * time: the slow twin the tests compare the fast path with.
   */
  directPath?: boolean;
}

const ADDRESS_LIMIT = 1n << 64n;

/** Whether a buffer that is not an ArrayBuffer of this realm is a SharedArrayBuffer. */
function isSharedArrayBuffer(buf: ArrayBuffer | SharedArrayBuffer): buf is SharedArrayBuffer {
  return Object.prototype.toString.call(buf) === "[object SharedArrayBuffer]";
}

/**
 * Builds the API over `binding`. With `binding` null, every function throws
 * `loadError` (except `alignmentOf` of a bigint, which needs no memory).
 *
 * @param binding - the addon, a fake with the same three functions, or null
 * @param loadError - what to throw when `binding` is null
 * @param options - `directPath: false` turns off addressOf's fast path
 * @returns addressOf, elementAddress, fromAddress, extentOf and alignmentOf
 *
 * @example
 * ```ts
 * // Over a fake binding that puts every buffer at 0x1000:
 * const api = createNativeApi({
 *   baseAddress: (memory) => 0x1000n + BigInt(ArrayBuffer.isView(memory) ? memory.byteOffset : 0),
 *   isDetached: () => false,
 *   wrapAddress: (address, byteLength) => new ArrayBuffer(byteLength),
 * });
 * api.addressOf(new Float64Array(new ArrayBuffer(32), 8)); // returns 4104n
 * ```
 * @example
 * ```ts
 * createNativeApi(null, new Error("not built")).addressOf(new Uint8Array(1)); // throws Error: not built
 * ```
 */
export function createNativeApi(binding: NativeBinding | null, loadError?: Error, options: NativeApiOptions = {}): NativeApi {
  if (binding === null) return unavailableApi(loadError ?? new Error("@mv/native: no addon"));
  const native = binding;
  const directPath = options.directPath ?? true;
  // Node-API reaches a SharedArrayBuffer only through a view over it; one
  // Uint8Array per buffer, made once.
  const sharedViews = new WeakMap<SharedArrayBuffer, Uint8Array>();

  /** The address of byte 0 of `buf`; throws ValueError when it is detached. */
  function bufferAddress(buf: ArrayBuffer | SharedArrayBuffer): bigint {
    if (buf instanceof ArrayBuffer || !isSharedArrayBuffer(buf)) {
      // resolveBuffer has already refused a detached buffer; the addon's own
      // check covers one detached in between, and a realm core cannot see.
      if (buf.byteLength === 0 && native.isDetached(buf as ArrayBuffer)) {
        throw new ValueError(DETACHED_MESSAGE);
      }
      return native.baseAddress(buf as ArrayBuffer);
    }
    let view = sharedViews.get(buf);
    if (view === undefined) {
      view = new Uint8Array(buf);
      sharedViews.set(buf, view);
    }
    return native.baseAddress(view);
  }

  /** The address of byte 0 of an export's memory, checked by resolveBuffer. */
  function memoryAddress(info: BufferInfo): bigint {
    return bufferAddress(resolveBuffer(info));
  }

  function addressOf(exporter: unknown): bigint {
    if (directPath) {
      const address = directAddress(native, exporter);
      if (address !== undefined) return address;
    }
    return withExport(exporter, BufferFlags.FULL_RO, (info) => memoryAddress(info) + BigInt(info.offset));
  }

  function elementAddress(exporter: unknown, indices: readonly (number | bigint)[]): bigint {
    return withExport(exporter, BufferFlags.FULL_RO, (info) => {
      const itemIndices = normalizeIndices(impliedShape(info), indices);
      const base = memoryAddress(info);
      return base + BigInt(getPointer(info, itemIndices));
    });
  }

  function extentOf(exporter: unknown): AddressExtent {
    return withExport(exporter, BufferFlags.FULL_RO, (info) => {
      const buf = resolveBuffer(info);
      const [startByte, endByte] = reachableExtent(info, buf);
      const base = bufferAddress(buf);
      return { start: base + BigInt(startByte), end: base + BigInt(endByte), byteLength: endByte - startByte };
    });
  }

  function alignmentOf(exporterOrAddress: unknown): number {
    if (typeof exporterOrAddress === "bigint") return addressAlignmentChecked(exporterOrAddress);
    return withExport(exporterOrAddress, BufferFlags.FULL_RO, (info) => {
      const base = memoryAddress(info);
      const shape = impliedShape(info);
      const first = base + BigInt(info.offset);
      if (shape.includes(0)) return addressAlignment(first);
      if (info.suboffsets === null || info.suboffsets.every((suboffset) => suboffset < 0)) {
        // Every item is first + Σ index·stride: the powers of two dividing
        // all of them are those dividing `first` and each stride that moves.
        const byteStrides = impliedByteStrides(info);
        let alignment = addressAlignment(first);
        for (let dim = 0; dim < shape.length; dim++) {
          if (shape[dim]! > 1) alignment = Math.min(alignment, byteAlignment(byteStrides[dim]!));
        }
        return alignment;
      }
      // With suboffsets each item is wherever its pointers lead: visit them
      // all, but once each: along a dimension of stride 0 every index reads
      // the same pointer slot, so one index stands for all (a zero-stride
      // export of 2**50 items has one item to visit).
      const byteStrides = impliedByteStrides(info);
      const distinct = shape.map((n, dim) => (byteStrides[dim] === 0 ? 1 : n));
      let alignment = Number.POSITIVE_INFINITY;
      forEachIndex(distinct, (indices) => {
        alignment = Math.min(alignment, addressAlignment(base + BigInt(getPointer(info, indices))));
      });
      return alignment;
    });
  }

  function fromAddress(address: bigint, byteLength: number, options?: FromAddressOptions): ArrayBuffer {
    assertForeignRegion(address, byteLength);
    const { readonly, finalize } = checkFromAddressOptions(options);
    let buffer: ArrayBuffer;
    try {
      buffer = native.wrapAddress(address, byteLength, finalize);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === NO_EXTERNAL_BUFFERS_CODE) {
        throw new NotImplementedError(`fromAddress(): ${(error as Error).message}`, { cause: error });
      }
      // The engine's own limits (a length past what its ArrayBuffers hold,
      // "Cannot create a Buffer larger than 0x100000000 bytes"; an address
      // that is no pointer on this platform) are bad argument values.
      throw new ValueError(`fromAddress(): ${(error as Error).message}`, { cause: error });
    }
    if (readonly) makeReadonlyExporter(buffer);
    return buffer;
  }

  return { addressOf, elementAddress, fromAddress, extentOf, alignmentOf };
}

/** An API whose every call throws `error` (the addon did not load). */
function unavailableApi(error: Error): NativeApi {
  const fail = (): never => {
    throw error;
  };
  return {
    addressOf: fail,
    elementAddress: fail,
    fromAddress: fail,
    extentOf: fail,
    alignmentOf: (exporterOrAddress) =>
      typeof exporterOrAddress === "bigint" ? addressAlignmentChecked(exporterOrAddress) : fail(),
  };
}

/** addressAlignment, for an address given by the caller. */
function addressAlignmentChecked(address: bigint): number {
  if (address < 0n || address >= ADDRESS_LIMIT) {
    throw new ValueError(`address ${address} is outside [0, 2**64)`);
  }
  return addressAlignment(address);
}

/** Calls `visit` with every index tuple of `shape`, in C order. */
function forEachIndex(shape: readonly number[], visit: (indices: readonly number[]) => void): void {
  const indices = new Array<number>(shape.length).fill(0);
  for (;;) {
    visit(indices);
    let dim = shape.length - 1;
    while (dim >= 0 && indices[dim] === shape[dim]! - 1) indices[dim--] = 0;
    if (dim < 0) return;
    indices[dim]!++;
  }
}

/** Throws unless [address, address + byteLength) is a plausible region. */
function assertForeignRegion(address: bigint, byteLength: number): void {
  if (typeof address !== "bigint") {
    throw new TypeError(`fromAddress(): the address must be a bigint, not ${typeof address}`);
  }
  // ctypes raises ValueError("NULL pointer access") for the same mistake.
  if (address === 0n) throw new ValueError("fromAddress(): NULL pointer access");
  if (address < 0n || address >= ADDRESS_LIMIT) {
    throw new ValueError(`fromAddress(): address ${address} is outside [0, 2**64)`);
  }
  if (typeof byteLength !== "number") {
    throw new TypeError(`fromAddress(): byteLength must be a number, not ${typeof byteLength}`);
  }
  if (!Number.isSafeInteger(byteLength) || byteLength < 0) {
    throw new ValueError(`fromAddress(): byteLength must be a non-negative integer, not ${byteLength}`);
  }
  if (address + BigInt(byteLength) > ADDRESS_LIMIT) {
    throw new ValueError("fromAddress(): the region runs past the end of the address space");
  }
}

/** The checked options of fromAddress. */
function checkFromAddressOptions(options: FromAddressOptions | undefined): {
  readonly: boolean;
  finalize: ((address: bigint, byteLength: number) => void) | undefined;
} {
  if (options === undefined || options === null) return { readonly: false, finalize: undefined };
  if (typeof options !== "object") {
    throw new TypeError(`fromAddress(): options must be an object, not ${typeof options}`);
  }
  const { readonly = false, finalize } = options;
  if (typeof readonly !== "boolean") {
    throw new TypeError(`fromAddress(): options.readonly must be a boolean, not ${typeof readonly}`);
  }
  if (finalize !== undefined && typeof finalize !== "function") {
    throw new TypeError(`fromAddress(): options.finalize must be a function, not ${typeof finalize}`);
  }
  return { readonly, finalize };
}

/**
 * Gives `buffer` its own read-only export: getBuffer asks an object's
 * `GET_BUFFER` before treating it as a built-in, so the protocol sees a
 * read-only exporter (`PyBuffer_FillInfo` with readonly=1, which refuses
 * `WRITABLE` with BufferError "Object is not writable.").
 */
function makeReadonlyExporter(buffer: ArrayBuffer): void {
  Object.defineProperty(buffer, GET_BUFFER, {
    value: function readonlyExport(this: ArrayBuffer, flags: number): BufferInfo {
      return fillInfo(this, this, 0, this.byteLength, true, flags);
    },
  });
}
