/**
 * Brand checks: which built-in an object is, asked of the engine itself.
 *
 * Each check calls an intrinsic accessor (`ArrayBuffer.prototype.byteLength`
 * and the like) captured at load time, so it works across realms, cannot be
 * fooled by `Symbol.toStringTag` or a prototype swap, and reads the true
 * size even when a subclass overrides the getter.
 *
 * @packageDocumentation
 */

type Getter = (this: unknown) => unknown;

function intrinsicGetter(proto: object | undefined, name: PropertyKey): Getter | undefined {
  if (proto === undefined) return undefined;
  return Object.getOwnPropertyDescriptor(proto, name)?.get as Getter | undefined;
}

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;

const arrayBufferByteLength = intrinsicGetter(ArrayBuffer.prototype, "byteLength")!;
const arrayBufferDetached = intrinsicGetter(ArrayBuffer.prototype, "detached");
const arrayBufferImmutable = intrinsicGetter(ArrayBuffer.prototype, "immutable");
const sharedArrayBufferByteLength = intrinsicGetter(
  typeof SharedArrayBuffer === "function" ? SharedArrayBuffer.prototype : undefined,
  "byteLength",
);
const typedArrayTag = intrinsicGetter(TypedArrayPrototype, Symbol.toStringTag)!;
const typedArrayByteOffset = intrinsicGetter(TypedArrayPrototype, "byteOffset")!;
const typedArrayByteLength = intrinsicGetter(TypedArrayPrototype, "byteLength")!;
const typedArrayBuffer = intrinsicGetter(TypedArrayPrototype, "buffer")!;
const typedArrayEntries = (TypedArrayPrototype as { entries: Getter }).entries;
const dataViewByteOffset = intrinsicGetter(DataView.prototype, "byteOffset")!;
const dataViewByteLength = intrinsicGetter(DataView.prototype, "byteLength")!;
const dataViewBuffer = intrinsicGetter(DataView.prototype, "buffer")!;
const wasmMemoryBuffer = intrinsicGetter(
  typeof WebAssembly === "object" && WebAssembly !== null ? WebAssembly.Memory?.prototype : undefined,
  "buffer",
);

function callsCleanly(getter: Getter | undefined, x: unknown): boolean {
  if (getter === undefined) return false;
  try {
    getter.call(x);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `x` is an `ArrayBuffer` (of any realm; resizable ones included).
 *
 * @example
 * ```ts
 * isArrayBuffer(new ArrayBuffer(1)); // returns true
 * ```
 * @example
 * ```ts
 * isArrayBuffer(Object.create(ArrayBuffer.prototype)); // returns false
 * ```
 */
export function isArrayBuffer(x: unknown): x is ArrayBuffer {
  return typeof x === "object" && x !== null && callsCleanly(arrayBufferByteLength, x);
}

/**
 * Whether `x` is a `SharedArrayBuffer` (of any realm; growable ones included).
 *
 * @example
 * ```ts
 * isSharedArrayBuffer(new SharedArrayBuffer(1)); // returns true
 * ```
 * @example
 * ```ts
 * isSharedArrayBuffer(new ArrayBuffer(1)); // returns false
 * ```
 */
export function isSharedArrayBuffer(x: unknown): x is SharedArrayBuffer {
  return typeof x === "object" && x !== null && callsCleanly(sharedArrayBufferByteLength, x);
}

/**
 * The true `byteLength` of an `ArrayBuffer` or `SharedArrayBuffer`, or -1
 * when `x` is neither.
 *
 * @example
 * ```ts
 * bufferByteLength(new SharedArrayBuffer(3)); // returns 3
 * ```
 * @example
 * ```ts
 * bufferByteLength(new Uint8Array(3)); // returns -1
 * ```
 */
export function bufferByteLength(x: unknown): number {
  if (typeof x !== "object" || x === null) return -1;
  try {
    return arrayBufferByteLength.call(x) as number;
  } catch {
    // not an ArrayBuffer: try the shared kind below
  }
  if (sharedArrayBufferByteLength === undefined) return -1;
  try {
    return sharedArrayBufferByteLength.call(x) as number;
  } catch {
    return -1;
  }
}

/**
 * Whether an `ArrayBuffer` has been detached (transferred, or replaced by
 * `memory.grow()`). Uses `ArrayBuffer.prototype.detached` where the engine
 * has it; elsewhere a detached buffer is one of length 0 on which no
 * `Uint8Array` can be built. A `SharedArrayBuffer` is never detached.
 *
 * @example
 * ```ts
 * const ab = new ArrayBuffer(8);
 * structuredClone(ab, { transfer: [ab] });
 * isDetachedBuffer(ab); // returns true
 * ```
 * @example
 * ```ts
 * isDetachedBuffer(new ArrayBuffer(0)); // returns false
 * ```
 */
export function isDetachedBuffer(buf: ArrayBuffer | SharedArrayBuffer): boolean {
  if (arrayBufferDetached !== undefined) {
    try {
      return arrayBufferDetached.call(buf) as boolean;
    } catch {
      return false; // a SharedArrayBuffer
    }
  }
  let byteLength: unknown;
  try {
    byteLength = arrayBufferByteLength.call(buf);
  } catch {
    return false; // a SharedArrayBuffer
  }
  if (byteLength !== 0) return false;
  try {
    new Uint8Array(buf as ArrayBuffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether an `ArrayBuffer` is immutable (the immutable-ArrayBuffer proposal,
 * where the engine has it). Exports of an immutable buffer are read-only.
 *
 * @example
 * ```ts
 * isImmutableBuffer(new ArrayBuffer(1)); // returns false
 * ```
 */
export function isImmutableBuffer(buf: ArrayBuffer | SharedArrayBuffer): boolean {
  if (arrayBufferImmutable === undefined) return false;
  try {
    return arrayBufferImmutable.call(buf) === true;
  } catch {
    return false;
  }
}

/**
 * The `Symbol.toStringTag` of a TypedArray (`"Float64Array"`, …), or
 * undefined when `x` is not a TypedArray.
 *
 * @example
 * ```ts
 * typedArrayKind(new Int16Array(1)); // returns "Int16Array"
 * ```
 * @example
 * ```ts
 * typedArrayKind(new DataView(new ArrayBuffer(1))); // returns undefined
 * ```
 */
export function typedArrayKind(x: unknown): string | undefined {
  if (typeof x !== "object" || x === null) return undefined;
  return typedArrayTag.call(x) as string | undefined;
}

/**
 * A TypedArray's byte length read with the intrinsic getter (0 once its
 * buffer is detached), whatever the array's own properties say.
 *
 * @param array - a TypedArray (see {@link typedArrayKind})
 * @example
 * ```ts
 * typedArrayByteLengthOf(new Float64Array(3)); // returns 24
 * ```
 */
export function typedArrayByteLengthOf(array: object): number {
  return typedArrayByteLength.call(array) as number;
}

/**
 * The window a TypedArray or DataView has on its buffer, read with the
 * intrinsic getters, or null when the view is detached or out of bounds of a
 * shrunk resizable buffer (where the getters would report an empty window
 * at offset 0, or throw).
 *
 * @example
 * ```ts
 * const w = viewWindow(new Uint16Array(new ArrayBuffer(8), 2, 3));
 * [w.byteOffset, w.byteLength]; // returns [2, 6]
 * ```
 */
export function viewWindow(
  view: ArrayBufferView,
): { buffer: ArrayBuffer | SharedArrayBuffer; byteOffset: number; byteLength: number } | null {
  const isTyped = typedArrayKind(view) !== undefined;
  try {
    const buffer = (isTyped ? typedArrayBuffer : dataViewBuffer).call(view) as ArrayBuffer;
    const byteOffset = (isTyped ? typedArrayByteOffset : dataViewByteOffset).call(view) as number;
    const byteLength = (isTyped ? typedArrayByteLength : dataViewByteLength).call(view) as number;
    if (isTyped && byteLength === 0) {
      // ValidateTypedArray throws for a detached or out-of-bounds array; the
      // getters above would have reported 0 and 0 instead.
      typedArrayEntries.call(view);
    }
    return { buffer, byteOffset, byteLength };
  } catch {
    return null;
  }
}

/**
 * Whether `x` is a `DataView`.
 *
 * @example
 * ```ts
 * isDataView(new DataView(new ArrayBuffer(1))); // returns true
 * ```
 * @example
 * ```ts
 * isDataView(new Uint8Array(1)); // returns false
 * ```
 */
export function isDataView(x: unknown): x is DataView {
  return ArrayBuffer.isView(x) && typedArrayKind(x) === undefined;
}

/**
 * Whether `x` is a `WebAssembly.Memory` (false where WebAssembly is missing).
 *
 * @example
 * ```ts
 * isWasmMemory(new WebAssembly.Memory({ initial: 1 })); // returns true
 * ```
 * @example
 * ```ts
 * isWasmMemory(new ArrayBuffer(1)); // returns false
 * ```
 */
export function isWasmMemory(x: unknown): x is WebAssembly.Memory {
  return typeof x === "object" && x !== null && callsCleanly(wasmMemoryBuffer, x);
}

/**
 * The current `buffer` of a `WebAssembly.Memory`, read with the intrinsic
 * getter (after `grow()` it is a new object).
 *
 * @example
 * ```ts
 * wasmMemoryBufferOf(new WebAssembly.Memory({ initial: 1 })).byteLength; // returns 65536
 * ```
 */
export function wasmMemoryBufferOf(memory: WebAssembly.Memory): ArrayBuffer | SharedArrayBuffer {
  return wasmMemoryBuffer!.call(memory) as ArrayBuffer;
}
