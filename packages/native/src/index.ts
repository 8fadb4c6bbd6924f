/**
 * `@mv/native`: raw memory addresses of any buffer exporter, through a
 * Node-API addon, for FFI (koffi, ffi-rs, node-ffi-napi, your own addon).
 * What `ctypes.addressof` and `ctypes.from_address` are to Python.
 *
 * Node only. Importing never throws: `available` says whether the addon
 * loaded, and when it did not, every function throws `loadError`, which says
 * how to build it.
 *
 * @packageDocumentation
 */

import { createNativeApi, type AddressExtent, type FromAddressOptions } from "./api.js";
import { binding, loadError } from "./load.js";

export { available, loadError, ADDON_PATH_ENV } from "./load.js";
export { AddonUnavailableError, type AddonAttempt } from "./addon-unavailable-error.js";
export {
  createNativeApi,
  type AddressExtent,
  type FromAddressOptions,
  type NativeApi,
  type NativeApiOptions,
} from "./api.js";
export { NO_EXTERNAL_BUFFERS_CODE, type NativeBinding } from "./binding.js";

const api = createNativeApi(binding, loadError ?? undefined);

/**
 * The address of element [0, …, 0] of any exporter, as a `bigint`: the
 * `Py_buffer.buf` of its `FULL_RO` export. Works for ArrayBuffer,
 * SharedArrayBuffer, every TypedArray, DataView, Buffer, WebAssembly.Memory,
 * MemoryView and memoryview views, and any object with a `GET_BUFFER`
 * method. For a view with negative strides this is not the lowest address
 * (see {@link extentOf}).
 *
 * A typed array small enough for V8 to keep on the JS heap (up to 64 bytes),
 * where the garbage collector moves it, is first given a fixed backing
 * store, so the address stays valid for as long as the array lives.
 *
 * An empty buffer may have no memory at all: its address is then `0n`
 * (plus the view's offset), which no native code may dereference.
 *
 * The address is valid while the memory is alive and attached: keep a
 * reference to the exporter for as long as native code uses it, and do not
 * let it be transferred, resized below the view, or grown (a
 * `WebAssembly.Memory` may move on `grow()`).
 *
 * @param exporter - any buffer exporter
 * @returns the address of element [0, …, 0]
 * @throws AddonUnavailableError (`name` "ImportError") when the addon is not built
 * @throws TypeError when `exporter` exports no buffer
 * @throws ValueError when the memory is detached or the export released
 *
 * @example
 * ```ts
 * import koffi from "koffi";
 * import { addressOf } from "@mv/native";
 *
 * const memset = koffi.load("libc.so.6").func("void *memset(uintptr_t s, int c, size_t n)");
 * const bytes = new Uint8Array(16);
 * memset(addressOf(bytes), 0x2a, bytes.byteLength);
 * bytes[15]; // returns 42
 * ```
 * @example
 * ```ts
 * const base = new Float64Array(8);
 * addressOf(base.subarray(3)) - addressOf(base); // returns 24n
 * ```
 */
export function addressOf(exporter: unknown): bigint {
  return api.addressOf(exporter);
}

/**
 * The address of one element, every index checked: `PyBuffer_GetPointer`
 * on real memory. Negative indices count from the end, as in memoryview;
 * with suboffsets (PIL-style indirect arrays) the pointers stored in the
 * buffer are followed.
 *
 * @param exporter - any buffer exporter
 * @param indices - one integer (`number` or `bigint`) per dimension; `[]` for a 0-dimensional export
 * @returns the address of that element
 * @throws IndexError "index out of bounds on dimension N" (1-based)
 * @throws TypeError "cannot index N-dimension view with M-element tuple" when the count is wrong
 * @throws ValueError when the memory is detached
 * @throws AddonUnavailableError when the addon is not built
 *
 * @example
 * ```ts
 * const grid = new Int32Array(12); // a 1-D exporter; MemoryView can make it 3×4
 * elementAddress(grid, [5]) - addressOf(grid); // returns 20n
 * ```
 * @example
 * ```ts
 * const a = new Int32Array(4);
 * elementAddress(a, [-1]) - addressOf(a); // returns 12n
 * ```
 * @example
 * ```ts
 * elementAddress(new Int32Array(4), [4]); // throws IndexError: index out of bounds on dimension 1
 * ```
 */
export function elementAddress(exporter: unknown, indices: readonly (number | bigint)[]): bigint {
  return api.elementAddress(exporter, indices);
}

/**
 * An ArrayBuffer over `byteLength` bytes of foreign memory at `address`,
 * without copying: `ctypes.from_address`, and just as unsafe. Nothing
 * checks that the memory exists or outlives the buffer; reading freed memory
 * crashes the process or returns garbage.
 *
 * @param address - the first byte, non-zero
 * @param byteLength - how many bytes
 * @param options - `readonly` (export read-only through the protocol) and
 *   `finalize(address, byteLength)` (called once the buffer is collected)
 * @returns an external ArrayBuffer
 * @throws ValueError "fromAddress(): NULL pointer access" for 0n, and for an address or length out of range
 * @throws NotImplementedError where the runtime forbids external ArrayBuffers (V8's memory sandbox, as in Electron)
 * @throws AddonUnavailableError when the addon is not built
 *
 * @example
 * ```ts
 * const source = new Uint8Array([1, 2, 3, 4]);
 * const alias = new Uint8Array(fromAddress(addressOf(source), 4));
 * alias[0] = 9;
 * source[0]; // returns 9
 * ```
 * @example
 * ```ts
 * // Memory from C, freed when JavaScript drops it:
 * const lib = koffi.load("libc.so.6");
 * const malloc = lib.func("uintptr_t malloc(size_t n)");
 * const free = lib.func("void free(uintptr_t p)");
 * const buffer = fromAddress(malloc(64), 64, { finalize: (address) => free(address) });
 * buffer.byteLength; // returns 64
 * ```
 */
export function fromAddress(address: bigint, byteLength: number, options?: FromAddressOptions): ArrayBuffer {
  return api.fromAddress(address, byteLength, options);
}

/**
 * The address range a view can reach, [start, end): the lowest byte address
 * any element occupies and one past the highest. With negative strides
 * `start` is below `addressOf(exporter)`; with suboffsets the range also
 * covers the pointer slots followed. An empty view (a dimension of 0) gives
 * `start === end`.
 *
 * @param exporter - any buffer exporter
 * @returns `{ start, end, byteLength }`
 * @throws ValueError when the memory is detached
 * @throws AddonUnavailableError when the addon is not built
 *
 * @example
 * ```ts
 * const data = new Int16Array(10);
 * const { start, end, byteLength } = extentOf(data);
 * [start === addressOf(data), end - start, byteLength]; // returns [true, 20n, 20]
 * ```
 * @example
 * ```ts
 * // A reversed view (stride -2) of data[2..5]: element 0 is the highest.
 * // (GET_BUFFER comes from @mv/core.)
 * const reversed = { [GET_BUFFER]: () => ({ obj: null, buf: data.buffer, offset: 10, len: 8, readonly: false,
 *   itemsize: 2, format: "h", ndim: 1, shape: [4], strides: [-2], suboffsets: null }) };
 * extentOf(reversed).start - addressOf(data); // returns 4n
 * ```
 */
export function extentOf(exporter: unknown): AddressExtent {
  return api.extentOf(exporter);
}

/**
 * The alignment every element of a view has: the largest power of two that
 * divides the address of each of its elements (NumPy's `ALIGNED` flag asks
 * whether this is at least the itemsize). Given a `bigint`, the alignment of
 * that address; `0n` gives `Infinity`. Works on a bigint without the addon.
 *
 * @param exporterOrAddress - any buffer exporter, or an address
 * @returns a power of two (a number), or Infinity for 0n
 * @throws ValueError for an address outside [0, 2**64), or detached memory
 * @throws AddonUnavailableError for an exporter when the addon is not built
 *
 * @example
 * ```ts
 * alignmentOf(0x1000n); // returns 4096
 * ```
 * @example
 * ```ts
 * const doubles = new Float64Array(4);
 * alignmentOf(doubles) >= 8; // returns true
 * alignmentOf(new Uint8Array(doubles.buffer, 1, 3)); // returns 1
 * ```
 */
export function alignmentOf(exporterOrAddress: unknown): number {
  return api.alignmentOf(exporterOrAddress);
}
