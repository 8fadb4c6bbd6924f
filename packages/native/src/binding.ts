/**
 * The TypeScript face of the compiled addon (`src/addon.cc`).
 *
 * The addon does only what JavaScript cannot; every index, offset and bounds
 * check happens in `api.ts`, which takes a `NativeBinding` as an argument so
 * that it can be tested with a fake one.
 *
 * @packageDocumentation
 */

/**
 * The functions the `mv_native` addon registers.
 *
 * @example
 * ```ts
 * // A fake binding over one fixed address, as the API tests use:
 * const fake: NativeBinding = {
 *   baseAddress: () => 0x1000n,
 *   isDetached: () => false,
 *   wrapAddress: (address, byteLength) => new ArrayBuffer(byteLength),
 * };
 * fake.baseAddress(new ArrayBuffer(8)); // returns 4096n
 * ```
 */
export interface NativeBinding {
  /**
   * The address of the first byte of an ArrayBuffer, or of a typed array's or
   * DataView's first byte (its buffer's address plus its `byteOffset`). A
   * SharedArrayBuffer is reached through a `Uint8Array` over it: Node-API has
   * no accessor for it before Node 24. An empty or detached buffer may give
   * `0n`.
   */
  baseAddress(memory: ArrayBuffer | ArrayBufferView): bigint;
  /** Whether an ArrayBuffer has been detached (transferred). */
  isDetached(buffer: ArrayBuffer): boolean;
  /**
   * An external ArrayBuffer over `byteLength` bytes at `address`. `finalize`
   * runs on the JavaScript thread after the buffer is collected (never during
   * process exit). Throws an error with `code` `"ERR_MV_NATIVE_NO_EXTERNAL_BUFFERS"`
   * where the runtime forbids external buffers.
   */
  wrapAddress(address: bigint, byteLength: number, finalize?: (address: bigint, byteLength: number) => void): ArrayBuffer;
}

/**
 * The `code` of the addon's error where the runtime forbids external
 * ArrayBuffers (V8's memory sandbox, as in Electron).
 *
 * @example
 * ```ts
 * NO_EXTERNAL_BUFFERS_CODE; // returns "ERR_MV_NATIVE_NO_EXTERNAL_BUFFERS"
 * ```
 */
export const NO_EXTERNAL_BUFFERS_CODE = "ERR_MV_NATIVE_NO_EXTERNAL_BUFFERS";
