/**
 * The adapter for CPython 3.14 itself, through the `pyodide` npm package
 * (CPython 3.14.2 compiled to wasm, loaded offline from the package folder):
 * `mv-conformance --impl @mv/conformance/adapters/cpython-pyodide` runs the
 * struct groups against CPython's own `struct` module, and the memoryview
 * and protocol groups against CPython's own `memoryview` (through the view
 * bridge in `cpython/view-bridge.ts`: each JavaScript exporter's answer to
 * CPython's request is laid into Pyodide's memory). It needs `pyodide`
 * 314.0.7 installed beside @mv/conformance (an optional peer dependency),
 * and, since starting the interpreter is asynchronous, it is an ES module
 * with top-level `await`: load it with `import`, not `require()`.
 *
 * Each call goes to Python as JSON, with every JavaScript value tagged with
 * the Python type the contract maps it to (an integral number or a bigint is
 * an `int`, another number a `float`, a `Uint8Array` or any ArrayBuffer or
 * exporter a `bytes`, or a `bytearray` where `pack_into` writes, then copied
 * back; `{ real, imag }` a `complex`, `null` `None`, an Array a `list`, a
 * Map a `dict`). Results come back the same way, each integer as a number or
 * a bigint by the width of its field, and a `struct.error` as a
 * `StructError`.
 *
 * What CPython in wasm answers otherwise than the contract is declared,
 * never failed and never counted as a pass: in `supports` (the manifest the
 * suite reads: wasm32's ILP32 data model, no detachable memory), each
 * declaration with its reason in `declaredDivergences`.
 *
 * @packageDocumentation
 */

import { createRequire } from "node:module";
import { dirname } from "node:path";
import { loadPyodide } from "pyodide";
import type { StructModuleLike } from "../implementation.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";
import { BRIDGE_SOURCE } from "./cpython/bridge-source.js";
import { VIEW_BRIDGE_SOURCE } from "./cpython/view-bridge-source.js";
import { createViewBridge } from "./cpython/view-bridge.js";
import { OBJECTS_BRIDGE_SOURCE } from "./cpython/objects-bridge-source.js";
import { createObjectsBridge } from "./cpython/objects-bridge.js";
import { fromHex as bytesOfHex, toHex as hexOf } from "../golden/decode-value.js";

const require = createRequire(import.meta.url);
const indexURL = dirname(require.resolve("pyodide/package.json"));
const pyodide = await loadPyodide({ indexURL });
const mvCall = pyodide.runPython(BRIDGE_SOURCE) as (request: string) => string;
const views = createViewBridge({
  call: (request) => mvView(request),
  tagOf: (value) => {
    const held: Bytes[] = [];
    try {
      return tagOf(value, held);
    } finally {
      for (const h of held) h.done();
    }
  },
  readValue: (tag) => answerValue(tag),
  errorOf: (errorName, message) => errorOf(errorName, message),
  typeName: (value) => constructorName(value),
  pyHandleOf: (value) => objects.handleOf(value),
  pyObjectOf: (handle, kind) => objects.objectOf(handle, kind),
  heap: () => heap(),
});
const objects = createObjectsBridge({
  call: (request) => mvObject(request),
  tagArg: (value) => views.tagArg(value),
  answerOf: (tag) => views.answerOf(tag),
  errorOf: (errorName, message) => errorOf(errorName, message),
  heap: () => heap(),
});
// Pyodide's wasm memory, where CPython keeps its objects' bytes (a new ArrayBuffer after each growth).
function heap(): ArrayBufferLike {
  return (pyodide as unknown as { _module: { HEAPU8: Uint8Array } })._module.HEAPU8.buffer;
}
views.register(pyodide.globals as unknown as { set(name: string, value: unknown): void });
const mvView = pyodide.runPython(VIEW_BRIDGE_SOURCE) as (request: string) => string;
const mvObject = pyodide.runPython(OBJECTS_BRIDGE_SOURCE) as (request: string) => string;
const PYTHON_VERSION = pyodide.runPython("import sys; sys.version.split()[0]") as string;

/** The name and version of the implementation, for reports. */
export const name = `CPython ${PYTHON_VERSION} (pyodide ${pyodide.version})`;

/** CPython's version, for the scoreboard. */
export const version = PYTHON_VERSION;

/**
 * What the suite is to expect of CPython in wasm (the manifest): its native
 * sizes are wasm32's, and it has no detachable memory.
 */
export const supports = {
  dataModel: "ILP32",
  detach: false,
  formats: "cbBhHiIqQefd",
  structFormats: false,
  suboffsets: false,
  multiDimensionalSlicing: false,
  hashValues: false,
  sliceObjects: false,
  deliberateDifferences: false,
  resizable: false,
} as const;

/** Each declaration of {@link supports}, and why CPython in Pyodide differs there from the contract. */
export const declaredDivergences: Readonly<Record<keyof typeof supports, string>> = {
  dataModel:
    "CPython in Pyodide is built for wasm32, an ILP32 platform: native l L n N P are 4 bytes, aligned to 4, and Py_ssize_t is 32 bits, " +
    "so offsets beyond 2**31 cannot be converted; the contract fixes LP64's 8 bytes. The suite checks ILP32's sizes, values and " +
    "range errors with its byte model and leaves out the cases recorded on LP64 whose native sizes differ.",
  formats:
    "native l L n N P are 4 bytes on wasm32, so a view of an exporter that says 'l' with the contract's 8-byte items reads other bytes; " +
    "and wasm32's CPython reads a '?' item byte other than 0 or 1 by its low bit (C's _Bool), where the contract reads any non-zero byte as true. " +
    "The bridge refuses views and casts of those formats (NotImplementedError).",
  structFormats:
    "CPython's memoryview reads and writes only single native items; the contract's items of every struct format are NumPy's semantics (SPEC.md §8, 9).",
  suboffsets:
    "the bridge cannot lay out PIL-style memory: its pointers are offsets into JavaScript memory, not addresses in Pyodide's.",
  multiDimensionalSlicing:
    "CPython's memoryview refuses multi-dimensional slicing and sub-views; the contract has NumPy's (SPEC.md §8, 9).",
  hashValues:
    "Py_hash_t is 32 bits on wasm32 and Pyodide's str and bytes hashes are randomized, so hash() values are not the contract's PYTHONHASHSEED=0 ones.",
  sliceObjects: "the adapter's slice is only a key for CPython's memoryview, not Python's whole slice object.",
  deliberateDifferences:
    "CPython is the reference the contract's deliberate differences (SPEC.md §8) depart from: the cases that meet one check CPython's behaviour, or are skipped where CPython's answer comes from memory that no longer backs the view (§8.13).",
  resizable:
    "CPython's exports pin their memory: a bytearray under an export cannot be resized, so there is no view of memory that shrank.",
  detach:
    "CPython has no detachable memory: an export pins the bytes, and the nearest event, a change of length under a live " +
    "iter_unpack, is refused with BufferError, where the contract's iterator throws ValueError after a detach.",
};

/** An error CPython raised, under its Python name (one the contract has no class for). */
class PythonError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Python's `ValueError`. */
export class ValueError extends Error {}
ValueError.prototype.name = "ValueError";
/** Python's `IndexError`. */
export class IndexError extends Error {}
IndexError.prototype.name = "IndexError";
/** Python's `BufferError`. */
export class BufferError extends Error {}
BufferError.prototype.name = "BufferError";
/** Python's `NotImplementedError`. */
export class NotImplementedError extends Error {}
NotImplementedError.prototype.name = "NotImplementedError";
/** Python's `OverflowError`. */
export class OverflowError extends Error {}
OverflowError.prototype.name = "OverflowError";
/** Python's `MemoryError`. */
export class MemoryError extends Error {}
MemoryError.prototype.name = "MemoryError";
/** Python's `UnicodeEncodeError`, a `ValueError`. */
export class UnicodeEncodeError extends ValueError {}
UnicodeEncodeError.prototype.name = "UnicodeEncodeError";

const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  ValueError,
  IndexError,
  BufferError,
  NotImplementedError,
  OverflowError,
  MemoryError,
  UnicodeEncodeError,
};

/** `struct.error`, as the contract names it. */
export class StructError extends Error {}
StructError.prototype.name = "StructError";

type Tag = readonly unknown[];

/** The bytes of a byte container or an exporter, and where to write them back. */
interface Bytes {
  readonly bytes: Uint8Array;
  readonly writable: boolean;
  readonly done: () => void;
}

// A detached ArrayBuffer (or a view over one) holds no bytes: the contract
// reads it as empty, as struct does, where V8 would throw.
const EMPTY: Bytes = { bytes: new Uint8Array(0), writable: true, done: () => {} };

// The w* converter's request (PyBUF_WRITABLE); y* asks PyBUF_SIMPLE (0).
const WRITABLE_REQUEST = 0x0001;

// An exporter that refuses the w* request: CPython's converter swallows the
// refusal and raises its own TypeError naming the type, which the bridge
// gets Python to raise by passing a read-only stand-in of that type.
const REFUSED: Bytes = { bytes: new Uint8Array(0), writable: false, done: () => {} };

function bytesOf(value: unknown, writable = false): Bytes | undefined {
  try {
    return bytesOfLive(value, writable);
  } catch (error) {
    if (error instanceof TypeError && /detached/.test(error.message)) return EMPTY;
    if (writable) return REFUSED;
    throw error;
  }
}

function bytesOfLive(value: unknown, writable: boolean): Bytes | undefined {
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer)) {
    return { bytes: new Uint8Array(value), writable: true, done: () => {} };
  }
  if (ArrayBuffer.isView(value)) {
    return { bytes: new Uint8Array(value.buffer, value.byteOffset, value.byteLength), writable: true, done: () => {} };
  }
  const exporter = value as { [GET_BUFFER]?: (flags: number) => unknown; [RELEASE_BUFFER]?: (info: unknown) => void };
  if (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof exporter[GET_BUFFER] === "function"
  ) {
    // What CPython's y* and w* converters ask: the bytes, C-contiguous (and writable for w*).
    const info = exporter[GET_BUFFER]!(writable ? WRITABLE_REQUEST : 0) as {
      buf: ArrayBufferLike;
      offset: number;
      len: number;
      readonly: boolean;
    };
    return {
      bytes: new Uint8Array(info.buf, info.offset, info.len),
      writable: !info.readonly,
      done: () => exporter[RELEASE_BUFFER]?.(info),
    };
  }
  return undefined;
}

function pyFloat(value: number): string {
  if (Object.is(value, -0)) return "-0.0";
  return String(value); // NaN, Infinity and -Infinity are accepted by float()
}

function tagOf(value: unknown, held: Bytes[], writableAt = false): Tag {
  switch (typeof value) {
    case "number":
      // The field it goes into decides between int and float (Python side).
      return Number.isInteger(value) && !Object.is(value, -0)
        ? ["num", BigInt(value).toString(), true]
        : ["num", pyFloat(value), false];
    case "function":
      return ["function"];
    case "bigint":
      return ["int", value.toString()];
    case "boolean":
      return ["bool", value];
    case "string":
      return ["str", value];
    case "undefined":
      return ["none"];
  }
  if (value === null) return ["none"];
  if (Array.isArray(value)) return ["list", value.map((v) => tagOf(v, held))];
  // A dict or set stands for a Map or Set of the same size (its truth is its size).
  if (value instanceof Map) return ["dict", value.size];
  if (value instanceof Set) return ["set", value.size];
  // A CPython object of the objects bridge goes as itself (pack_into writes into it).
  const py = objects.handleOf(value);
  if (py !== undefined) return ["pyobj", py];
  const bytes = bytesOf(value, writableAt);
  if (bytes !== undefined) {
    held.push(bytes);
    const kind = writableAt && bytes.writable ? "bytearray" : "bytes";
    // A Uint8Array is exactly bytes; other exporters keep their type name.
    const name = Object.getPrototypeOf(value) === Uint8Array.prototype ? kind : constructorName(value);
    return [kind, hexOf(bytes.bytes), name];
  }
  // Each part read once, real first, as the contract's pack reads them.
  const complex = value as { real?: unknown; imag?: unknown };
  const real = complex.real;
  if (typeof real === "number") {
    const imag = complex.imag;
    if (typeof imag === "number") return ["complex", pyFloat(real), pyFloat(imag)];
  }
  return ["object", constructorName(value)];
}

// The type name the contract gives a JavaScript object with no Python
// counterpart: its constructor's name, or 'object' for a plain one.
function constructorName(value: unknown): string {
  if (typeof value === "symbol") return "symbol";
  const ctor = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor;
  const name = typeof ctor?.name === "string" && ctor.name !== "" ? ctor.name : "Object";
  return name === "Object" ? "object" : name;
}

function answerValue(tag: Tag): unknown {
  switch (tag[0]) {
    case "int":
      return Number(tag[1]);
    case "big":
      return BigInt(tag[1] as string);
    case "float":
      return Number(tag[1] === "inf" ? Infinity : tag[1] === "-inf" ? -Infinity : tag[1] === "nan" ? NaN : tag[1]);
    case "none":
      return undefined;
    case "bool":
    case "str":
      return tag[1];
    case "bytes":
      return bytesOfHex(tag[1] as string);
    case "complex":
      return { real: answerValue(["float", tag[1]]), imag: answerValue(["float", tag[2]]) };
    case "list":
      return (tag[1] as Tag[]).map(answerValue);
  }
  throw new Error(`cpython-pyodide: unknown answer tag ${String(tag[0])}`);
}

/**
 * Sends one request to the Python half and returns its answer's value (or
 * throws its error); `target`, the bytes `pack_into` writes, gets CPython's
 * bytes back.
 */
function send(op: string, tags: readonly Tag[], handle?: number, target?: Bytes): unknown {
  const answer = JSON.parse(mvCall(JSON.stringify({ op, args: tags, ...(handle === undefined ? {} : { handle }) }))) as {
    ok?: Tag;
    error?: [string, string];
    written?: string;
  };
  if (answer.written !== undefined) {
    // pack_into's target, as CPython left it (also after a failed pack).
    if (target?.writable) target.bytes.set(bytesOfHex(answer.written));
  }
  if (answer.error) throw errorOf(answer.error[0], answer.error[1]);
  return answerValue(answer.ok!);
}

/** The error a Python exception is thrown as: the contract's class where it has one, else one of that name. */
function errorOf(errorName: string, message: string): Error {
  if (errorName === "StructError") return new StructError(message);
  if (errorName === "TypeError") return new TypeError(message);
  const known = ERROR_CLASSES[errorName];
  return known ? new known(message) : new PythonError(errorName, message);
}

/** The arguments of a call as tags; `held` collects the exports they took, `intoAt` marks pack_into's target. */
function tagArgs(args: readonly unknown[], held: Bytes[], intoAt = -1): { tags: Tag[]; target: Bytes | undefined } {
  let target: Bytes | undefined;
  const tags = args.map((arg, i) => {
    const before = held.length;
    const tag = tagOf(arg, held, i === intoAt);
    if (i === intoAt && held.length > before) target = held[before];
    return tag;
  });
  return { tags, target };
}

/**
 * One call into CPython's struct: `args` as the Python call's arguments;
 * `intoAt`, the argument `pack_into` writes into (its bytes are copied back).
 */
function call(op: string, args: readonly unknown[], handle?: number, intoAt = -1): unknown {
  const held: Bytes[] = [];
  try {
    const { tags, target } = tagArgs(args, held, intoAt);
    return send(op, tags, handle, target);
  } finally {
    for (const h of held) h.done();
  }
}

/**
 * `iter_unpack` as CPython runs it, lazily: the Python iterator reads one
 * struct per `next()`, over the caller's memory as it is at that step; the
 * export is held until the iterator is exhausted, fails, or is closed (a
 * `for…of` left early calls `return()`), and it is done after that.
 */
class UnpackIterator implements IterableIterator<unknown[]> {
  #held: Bytes[] | null;
  readonly #handle: number;

  constructor(args: readonly unknown[], structHandle?: number) {
    const held: Bytes[] = [];
    try {
      this.#handle = send("iter_unpack", tagArgs(args, held).tags, structHandle) as number;
    } catch (error) {
      for (const h of held) h.done();
      throw error;
    }
    this.#held = held;
  }

  next(): IteratorResult<unknown[]> {
    const held = this.#held;
    if (held === null) return { done: true, value: undefined };
    // The buffer argument is the one export held, read as it is now (a
    // view over memory detached since reads as empty).
    const now = held[held.length - 1]?.bytes ?? EMPTY.bytes;
    let values: unknown;
    try {
      values = send("next", [["bytes", hexOf(now)]], this.#handle);
    } catch (error) {
      this.#finish();
      throw error;
    }
    if (values === undefined) {
      this.#finish();
      return { done: true, value: undefined };
    }
    return { done: false, value: values as unknown[] };
  }

  return(): IteratorResult<unknown[]> {
    this.#finish();
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): this {
    return this;
  }

  #finish(): void {
    const held = this.#held;
    if (held === null) return;
    this.#held = null;
    send("close", [], this.#handle);
    for (const h of held) h.done();
  }
}

/** `struct.Struct`, a CPython object on the Python side. */
class Struct {
  readonly #handle: number;
  /** The format string. */
  readonly format: string;
  /** The packed size in bytes. */
  readonly size: number;

  /** @param format - the struct format */
  constructor(format: string) {
    const [handle, fmt, size] = call("Struct", [format]) as [number, Uint8Array | string, number];
    this.#handle = handle;
    this.format = typeof fmt === "string" ? fmt : new TextDecoder().decode(fmt);
    this.size = size;
  }

  /** `pack(*values)` */
  pack(...values: unknown[]): Uint8Array {
    return call("pack", values, this.#handle) as Uint8Array;
  }
  /** `unpack(buffer)` */
  unpack(buffer: unknown): unknown[] {
    return call("unpack", [buffer], this.#handle) as unknown[];
  }
  /** `pack_into(buffer, offset, *values)` */
  packInto(...args: unknown[]): void {
    call("pack_into", args, this.#handle, 0);
  }
  /** `unpack_from(buffer, offset=0)` */
  unpackFrom(...args: unknown[]): unknown[] {
    return call("unpack_from", args, this.#handle) as unknown[];
  }
  /** `iter_unpack(buffer)` */
  iterUnpack(buffer: unknown): Iterable<unknown[]> {
    return new UnpackIterator([buffer], this.#handle);
  }
}

/**
 * CPython's `memoryview`, over any JavaScript exporter: a CPython memoryview
 * object whose buffer is the exporter's layout, laid into Pyodide's memory.
 */
export const memoryview = views.memoryview;

export { Ellipsis, slice } from "./cpython/view-bridge.js";

/** CPython's `bytes`, `bytearray` and `array.array`: CPython's own objects, through the objects bridge. */
export const { bytes, bytearray, array } = objects;

/** CPython's `struct` module under the contract's names. */
export const struct: StructModuleLike = {
  calcsize: (...args: unknown[]) => call("calcsize", args) as number,
  pack: (...args: unknown[]) => call("pack", args) as Uint8Array,
  unpack: (...args: unknown[]) => call("unpack", args) as unknown[],
  packInto: (...args: unknown[]) => call("pack_into", args, undefined, 1) as undefined,
  unpackFrom: (...args: unknown[]) => call("unpack_from", args) as unknown[],
  iterUnpack: (...args: unknown[]) => new UnpackIterator(args),
  Struct,
} as StructModuleLike;
