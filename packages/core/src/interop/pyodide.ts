/**
 * `@mv/core/pyodide`: the memory of a Python object running in Pyodide
 * (CPython compiled to WebAssembly) as a buffer exporter, without a copy.
 *
 * Pyodide hands out a Python object's buffer as a `PyBufferView`
 * (`proxy.getBuffer()`): a TypedArray over the wasm heap, with `offset` and
 * `strides` in its elements and `readonly` as 0 or 1. The heap is one
 * `WebAssembly.Memory` that grows when Python allocates, and growing
 * detaches the ArrayBuffer every TypedArray over it holds. So the exporter
 * keeps the item's address in the heap, not the TypedArray, and hands out
 * a `buf` accessor that reads the memory's current buffer, as core's own
 * export of a `WebAssembly.Memory` does: a view made before Python grew the
 * heap still reads and writes the right bytes afterwards.
 *
 * Pyodide is not imported: {@link fromPyodide} takes the instance that
 * `loadPyodide()` returned.
 *
 * @packageDocumentation
 */

import { type BufferExporter, type BufferInfo, BufferError, GET_BUFFER, RELEASE_BUFFER } from "../index.js";
import { type StridedMemory, stridedInfo } from "./strided-info.js";

/** What fromPyodide reads of a Pyodide instance: its Emscripten module's heap (`HEAPU8`) and `WebAssembly.Memory`. */
interface PyodideModule {
  readonly HEAPU8?: unknown;
  readonly memory?: unknown;
}
/**
 * What {@link fromPyodide} reads of a `PyBufferView` (the result of a
 * PyProxy's `getBuffer()`): `offset` and `strides` count elements of `data`.
 *
 * @example
 * ```ts
 * const pybuf: PyBufferViewLike = pyodide.runPython("bytearray(b'abc')").getBuffer();
 * [pybuf.readonly, pybuf.shape]; // returns [0, [3]]
 * pybuf.release();
 * ```
 */
export interface PyBufferViewLike {
  /** The index in `data` of element [0, …, 0]. */
  readonly offset: number;
  /** 0 or 1 (Pyodide), or a boolean. */
  readonly readonly: number | boolean;
  /** The item format, struct syntax. */
  readonly format: string;
  /** Bytes per item. */
  readonly itemsize: number;
  /** The length of each dimension. */
  readonly shape: readonly number[];
  /** The step of each dimension, in elements of `data`. */
  readonly strides: readonly number[];
  /** A TypedArray or DataView over the heap, covering the bytes the buffer reaches. */
  readonly data: ArrayBufferView;
  /** Gives the buffer back to Python (`PyBuffer_Release`). */
  release(): void;
}

/**
 * What {@link fromPyodide} uses of a PyProxy: its Python type name and `getBuffer`.
 *
 * @example
 * ```ts
 * const proxy: PyProxyLike = pyodide.runPython("bytearray(4)");
 * proxy.type; // returns "bytearray"
 * ```
 */
export interface PyProxyLike {
  /** The Python type's name. */
  readonly type?: string;
  /** Pyodide's `getBuffer(type?)`: exports the object's buffer. */
  getBuffer(type?: string): PyBufferViewLike;
}

/**
 * An exporter over a Python object's memory in the Pyodide heap.
 *
 * @example
 * ```ts
 * const exporter: PyodideExporter = fromPyodide(pyodide, pyodide.runPython("b'xyz'"));
 * exporter.exports; // returns 0
 * ```
 */
export interface PyodideExporter extends BufferExporter {
  /** The PyProxy or PyBufferView given to {@link fromPyodide}. */
  readonly source: PyProxyLike | PyBufferViewLike;
  /** How many exports are live (the PyBuffer is held while any is). */
  readonly exports: number;
}

/** One acquired PyBuffer, in bytes of the heap. */
interface HeldBuffer {
  readonly pybuf: PyBufferViewLike;
  readonly memory: Omit<StridedMemory, "obj" | "buf" | "kind">;
}

function isProxy(obj: unknown): obj is PyProxyLike {
  return typeof (obj as { getBuffer?: unknown } | null)?.getBuffer === "function";
}

function isBufferView(obj: unknown): obj is PyBufferViewLike {
  const candidate = obj as Partial<PyBufferViewLike> | null;
  return ArrayBuffer.isView(candidate?.data) && typeof candidate?.release === "function";
}

function integerList(value: unknown, name: string): number[] {
  if (!Array.isArray(value) || !value.every((n) => Number.isSafeInteger(n))) {
    throw new BufferError(`invalid PyBuffer: ${name} must be an array of integers`);
  }
  return value.slice() as number[];
}

// wasm32's native sizes differ from @mv's (64-bit Linux): long, size_t and
// pointers are 4 bytes. A one-item native format of those is read as the
// standard-size little-endian item it is.
const WASM32_NATIVE: Readonly<Record<string, string>> = Object.freeze({ l: "<l", L: "<L", n: "<i", N: "<I", P: "<I" });

function standardFormat(format: string, itemsize: number): string {
  const code = /^@?([lLnNP])$/.exec(format)?.[1];
  return code !== undefined && itemsize === 4 ? WASM32_NATIVE[code]! : format;
}

/** The PyBuffer's layout in bytes of the heap, checked against the heap it must lie in. */
function heapLayout(pybuf: PyBufferViewLike, heap: ArrayBuffer | SharedArrayBuffer): HeldBuffer["memory"] {
  const { data, format, itemsize, offset } = pybuf;
  const shape = integerList(pybuf.shape, "shape");
  // An empty buffer reaches no byte: Pyodide gives it a fresh empty array, not a view of the heap.
  const empty = shape.includes(0);
  if (data.buffer !== heap && !empty) throw new BufferError("invalid PyBuffer: its data is not a view of the Pyodide heap");
  // `data` is a TypedArray (offset and strides in its elements) or a DataView (in bytes).
  const unit = (data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  const readonly = pybuf.readonly;
  if (readonly !== 0 && readonly !== 1 && typeof readonly !== "boolean") {
    throw new BufferError(`invalid PyBuffer: readonly must be 0, 1 or a boolean, not ${String(readonly)}`);
  }
  if (typeof format !== "string" || !Number.isSafeInteger(itemsize) || !Number.isSafeInteger(offset)) {
    throw new BufferError("invalid PyBuffer: format, itemsize or offset is missing");
  }
  const byteStrides = integerList(pybuf.strides, "strides").map((stride) => stride * unit);
  const byteOffset = empty ? 0 : data.byteOffset + offset * unit;
  return { byteOffset, shape, byteStrides, itemsize, format: standardFormat(format, itemsize), readonly: Boolean(readonly) };
}

/**
 * An exporter over the memory of a Python object in Pyodide, without a copy.
 * `obj` is a PyProxy of an object with the buffer protocol (`bytes`,
 * `bytearray`, `array.array`, `memoryview`, a NumPy array, …) or a
 * `PyBufferView` that its `getBuffer()` returned.
 *
 * - `readonly` is kept (Pyodide's 0 and 1 are accepted): a write request
 *   on `bytes` is refused with "Object is not writable.".
 * - Exports follow the heap when it grows: their `buf` is read from the
 *   heap's `WebAssembly.Memory` on every access.
 * - The PyBuffer is held while any export is live, so Python refuses to
 *   resize a `bytearray` under a view, and released when the last export
 *   is released. For a PyProxy, the next export acquires a new one; a
 *   PyBufferView given directly is used up with its release.
 *
 * @param pyodide - the instance `loadPyodide()` returned
 * @param obj - the PyProxy, or a PyBufferView
 * @returns the exporter
 * @throws TypeError when `pyodide` is not a Pyodide instance, or `obj` has no buffer
 *
 * @example
 * ```ts
 * const proxy = pyodide.runPython("data = bytearray(b'hello'); data");
 * const view = MemoryView.from(fromPyodide(pyodide, proxy));
 * view.set(0, 74);
 * pyodide.runPython("data.decode()"); // returns "Jello"
 * view.release();
 * ```
 * @example
 * ```ts
 * const view = MemoryView.from(fromPyodide(pyodide, pyodide.runPython("b'abc'")));
 * [view.readonly, view.toList()]; // returns [true, [97, 98, 99]]
 * view.set(0, 1); // throws TypeError
 * ```
 * @example
 * ```ts
 * fromPyodide(pyodide, pyodide.runPython("[1, 2]")); // throws TypeError "fromPyodide: a bytes-like object is required, not 'list'"
 * ```
 */
export function fromPyodide(pyodide: object, obj: PyProxyLike | PyBufferViewLike): PyodideExporter {
  // `_module` is Emscripten's module object, which Pyodide keeps on the instance (not in its typings).
  const module = (pyodide as { _module?: PyodideModule } | null)?._module;
  const heapView = module?.HEAPU8;
  if (module === undefined || !(heapView instanceof Uint8Array)) {
    throw new TypeError("fromPyodide: the first argument must be the Pyodide instance loadPyodide() returned");
  }
  const wasmMemory = module.memory instanceof WebAssembly.Memory ? module.memory : null;
  // The heap's current buffer: read from the Memory itself where Pyodide
  // exposes it (always current), from HEAPU8 (renewed after growth) otherwise.
  const currentHeap = (): ArrayBuffer | SharedArrayBuffer =>
    wasmMemory !== null ? wasmMemory.buffer : (module.HEAPU8 as Uint8Array).buffer;
  const proxy = isProxy(obj) ? obj : null;
  if (proxy === null && !isBufferView(obj)) {
    const type = (obj as { type?: unknown } | null)?.type;
    const name = typeof type === "string" ? type : obj === null ? "None" : typeof obj;
    throw new TypeError(`fromPyodide: a bytes-like object is required, not '${name}'`);
  }
  const kind = proxy?.type ?? "object";
  let held: HeldBuffer | null = null;
  let usedUp = false;
  let exports = 0;

  const acquire = (): HeldBuffer => {
    if (held !== null) return held;
    if (usedUp) throw new BufferError("fromPyodide: the PyBufferView was released with its last export");
    let pybuf: PyBufferViewLike;
    if (proxy !== null) {
      try {
        // In bytes ("u8"): any item size and stride, and big-endian items, which Pyodide refuses as TypedArrays.
        pybuf = proxy.getBuffer("u8");
      } catch (error) {
        const reason = error instanceof Error ? (error.message.trim().split("\n").pop() ?? "") : String(error);
        throw new BufferError(`fromPyodide: Pyodide cannot export this ${kind}: ${reason}`, { cause: error });
      }
    } else {
      pybuf = obj as PyBufferViewLike;
    }
    try {
      held = { pybuf, memory: heapLayout(pybuf, currentHeap()) };
    } catch (error) {
      if (proxy !== null) pybuf.release();
      throw error;
    }
    return held;
  };

  const exporter: PyodideExporter = {
    source: obj,
    get exports() {
      return exports;
    },
    [GET_BUFFER](flags: number): BufferInfo {
      const { memory } = acquire();
      try {
        const info = stridedInfo(
          { ...memory, obj: exporter, buf: currentHeap, kind, readonlyMessage: "Object is not writable." },
          flags,
        );
        exports++;
        return info;
      } catch (error) {
        if (exports === 0) releaseHeld();
        throw error;
      }
    },
    [RELEASE_BUFFER](): void {
      if (exports === 0) return;
      exports--;
      if (exports === 0) releaseHeld();
    },
  };

  function releaseHeld(): void {
    if (held === null) return;
    const { pybuf } = held;
    held = null;
    if (proxy === null) usedUp = true;
    pybuf.release();
  }

  return exporter;
}
