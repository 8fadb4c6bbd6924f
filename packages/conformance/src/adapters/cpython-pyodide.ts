/**
 * The adapter for CPython 3.14 itself, through the `pyodide` npm package
 * (CPython 3.14.2 compiled to wasm, loaded offline from the package folder):
 * `mv-conformance --impl @mv/conformance/adapters/cpython-pyodide` runs the
 * struct groups against CPython's own `struct` module. It needs `pyodide`
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
 * What CPython in wasm cannot answer as the contract asks is declared in
 * `declaredDivergences`, each with its reason, never counted as a pass:
 * wasm32's native `l L n N P` are 4 bytes where the contract fixes LP64's 8.
 *
 * @packageDocumentation
 */

import { createRequire } from "node:module";
import { dirname } from "node:path";
import { loadPyodide } from "pyodide";
import type { StructModuleLike } from "../implementation.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";
import { BRIDGE_SOURCE } from "./cpython/bridge-source.js";
import { fromHex as bytesOfHex, toHex as hexOf } from "../golden/decode-value.js";

const require = createRequire(import.meta.url);
const indexURL = dirname(require.resolve("pyodide/package.json"));
const pyodide = await loadPyodide({ indexURL });
const mvCall = pyodide.runPython(BRIDGE_SOURCE) as (request: string) => string;
const PYTHON_VERSION = pyodide.runPython("import sys; sys.version.split()[0]") as string;

/** The name and version of the implementation, for reports. */
export const name = `CPython ${PYTHON_VERSION} (pyodide ${pyodide.version})`;

/** CPython's version, for the scoreboard. */
export const version = PYTHON_VERSION;

/** An error CPython raised, under its Python name (one the contract has no class for). */
class PythonError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

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

function bytesOf(value: unknown): Bytes | undefined {
  try {
    return bytesOfLive(value);
  } catch (error) {
    if (error instanceof TypeError && /detached/.test(error.message)) return EMPTY;
    throw error;
  }
}

function bytesOfLive(value: unknown): Bytes | undefined {
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
    // What CPython's y* and w* converters ask: the bytes, C-contiguous.
    const info = exporter[GET_BUFFER]!(0) as { buf: ArrayBufferLike; offset: number; len: number; readonly: boolean };
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
  if (value instanceof Map) return ["dict"];
  if (value instanceof Set) return ["set"];
  const bytes = bytesOf(value);
  if (bytes !== undefined) {
    held.push(bytes);
    const kind = writableAt && bytes.writable ? "bytearray" : "bytes";
    // A Uint8Array is exactly bytes; other exporters keep their type name.
    const name = Object.getPrototypeOf(value) === Uint8Array.prototype ? kind : constructorName(value);
    return [kind, hexOf(bytes.bytes), name];
  }
  const complex = value as { real?: unknown; imag?: unknown };
  if (typeof complex.real === "number" && typeof complex.imag === "number") {
    return ["complex", pyFloat(complex.real), pyFloat(complex.imag)];
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

function tagValue(tag: Tag): unknown {
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
      return { real: tagValue(["float", tag[1]]), imag: tagValue(["float", tag[2]]) };
    case "list":
      return (tag[1] as Tag[]).map(tagValue);
  }
  throw new Error(`cpython-pyodide: unknown answer tag ${String(tag[0])}`);
}

/**
 * One call into CPython's struct: `args` as the Python call's arguments;
 * `intoAt`, the argument `pack_into` writes into (its bytes are copied back).
 */
function call(op: string, args: readonly unknown[], handle?: number, intoAt = -1): unknown {
  const held: Bytes[] = [];
  try {
    let target: Bytes | undefined;
    const tags = args.map((arg, i) => {
      const before = held.length;
      const tag = tagOf(arg, held, i === intoAt);
      if (i === intoAt && held.length > before) target = held[before];
      return tag;
    });
    const answer = JSON.parse(mvCall(JSON.stringify({ op, args: tags, ...(handle === undefined ? {} : { handle }) }))) as {
      ok?: Tag;
      error?: [string, string];
      written?: string;
    };
    if (answer.written !== undefined) {
      // pack_into's target, as CPython left it (also after a failed pack).
      if (target?.writable) target.bytes.set(bytesOfHex(answer.written));
    }
    if (answer.error) {
      const [errorName, message] = answer.error;
      if (errorName === "StructError") throw new StructError(message);
      if (errorName === "TypeError") throw new TypeError(message);
      throw new PythonError(errorName, message);
    }
    return tagValue(answer.ok!);
  } finally {
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
    return call("iter_unpack", [buffer], this.#handle) as unknown[][];
  }
}

/** CPython's `struct` module under the contract's names. */
export const struct: StructModuleLike = {
  calcsize: (...args: unknown[]) => call("calcsize", args) as number,
  pack: (...args: unknown[]) => call("pack", args) as Uint8Array,
  unpack: (...args: unknown[]) => call("unpack", args) as unknown[],
  packInto: (...args: unknown[]) => call("pack_into", args, undefined, 1) as undefined,
  unpackFrom: (...args: unknown[]) => call("unpack_from", args) as unknown[],
  iterUnpack: (...args: unknown[]) => call("iter_unpack", args) as unknown[][],
  Struct,
} as StructModuleLike;
