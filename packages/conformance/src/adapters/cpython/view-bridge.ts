/**
 * The JavaScript half of the CPython adapter's memoryview bridge:
 * `memoryview(obj)` is CPython's own memoryview (a handle on the Python
 * side), over the bytes and layout the JavaScript exporter gives for
 * CPython's own request. Before each call the bytes of the exports the call
 * touches are copied into Pyodide's memory; after it, the bytes CPython
 * wrote are copied back. What the bridge cannot lay out is refused at
 * `memoryview()`: suboffsets (their pointers are offsets into JavaScript
 * memory, not addresses in Pyodide's), and a layout that reaches outside
 * its buffer (CPython trusts the exporter and would read whatever lies
 * there; SPEC.md §8, 12).
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { fromHex as bytesOfHex, toHex as hexOf } from "../../golden/decode-value.js";

type Tag = readonly unknown[];

/** What the view bridge needs of the adapter: the Python entry point and the value conversions. */
export interface ViewBridgeHost {
  /** `mv_view(request_json) -> answer_json`. */
  readonly call: (request: string) => string;
  /** A JavaScript value as the struct bridge tags it (`bytes` for byte strings). */
  readonly tagOf: (value: unknown) => Tag;
  /** A Python answer's value, as the struct bridge reads it. */
  readonly readValue: (tag: Tag) => unknown;
  /** The error a Python exception is thrown as. */
  readonly errorOf: (name: string, message: string) => Error;
  /** The type name the contract gives a JavaScript object. */
  readonly typeName: (value: unknown) => string;
  /** The Python handle of an object of the objects bridge, if `value` is one. */
  readonly pyHandleOf: (value: unknown) => number | undefined;
  /** The JavaScript object of a Python object of the objects bridge. */
  readonly pyObjectOf: (handle: number, kind: string) => object;
  /** Pyodide's wasm memory. */
  readonly heap: () => ArrayBufferLike;
}

/** One live export of a JavaScript exporter, copied into Pyodide's memory. */
interface Export {
  readonly exporter: unknown;
  readonly info: BufferInfo | null;
  /** The bytes the layout spans, in the exporter's memory (a WebAssembly.Memory's buffer is new after each grow()). */
  readonly bytes: () => Uint8Array;
  readonly lo: number;
  readonly buf: ArrayBufferLike;
}

const ELLIPSIS: unique symbol = Symbol("Ellipsis");

/** Python's `slice`, as a key. */
export class slice {
  readonly start: unknown;
  readonly stop: unknown;
  readonly step: unknown;
  /**
   * `slice(stop)` or `slice(start, stop, step)`; null or undefined is None.
   *
   * @param args - stop, or start, stop and step
   */
  constructor(...args: unknown[]) {
    const [start, stop, step] = args.length <= 1 ? [null, args[0], null] : args;
    this.start = start ?? null;
    this.stop = stop ?? null;
    this.step = step ?? null;
  }
}

/** The type of Python's `Ellipsis`. */
class ellipsis {
  static #only: ellipsis | undefined;
  readonly [ELLIPSIS] = true;
  /** There is one Ellipsis: `new` gives it again. */
  constructor() {
    // biome-ignore lint/correctness/noConstructorReturn: a singleton, as in Python
    if (ellipsis.#only !== undefined) return ellipsis.#only;
    ellipsis.#only = this;
  }
  /** @returns "Ellipsis" */
  toString(): string {
    return "Ellipsis";
  }
}

Object.defineProperty(ellipsis, "name", { value: "ellipsis" }); // Python's type name, whatever a bundler renames it to

/** Python's `Ellipsis`, as a key. */
export const Ellipsis = new ellipsis();

const BUILTIN_FORMATS: [new (...a: never[]) => ArrayBufferView, string][] = [
  [Int8Array, "b"],
  [Uint8Array, "B"],
  [Uint8ClampedArray, "B"],
  [Int16Array, "h"],
  [Uint16Array, "H"],
  [Int32Array, "i"],
  [Uint32Array, "I"],
  [Float32Array, "f"],
  [Float64Array, "d"],
  [BigInt64Array, "q"],
  [BigUint64Array, "Q"],
];
const Float16 = (globalThis as { Float16Array?: new (...a: never[]) => ArrayBufferView }).Float16Array;
if (Float16 !== undefined) BUILTIN_FORMATS.push([Float16, "e"]);

// Formats whose items CPython in wasm reads otherwise than the contract:
// native l L n N P are 4 bytes there (the contract's, and every exporter's
// here, are 8), and a '?' byte other than 0 or 1 is read by its low bit
// (C's _Bool; the contract reads any non-zero byte as true).
const UNBRIDGED_FORMAT = /^@?[lLnNP?]$/;
function unbridgedReason(format: string): string {
  return format.endsWith("?")
    ? "CPython on wasm32 reads a '?' byte other than 0 or 1 by its low bit; the bridge leaves '?' items out"
    : `CPython on wasm32 has 4-byte native '${format}' items; the contract's are 8 bytes`;
}
const FLAG_FORMAT = 0x4;
const FLAG_ND = 0x8;
const FLAG_STRIDES = 0x18;

function isExporter(value: unknown): boolean {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof WebAssembly.Memory) return true;
  if (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer) return true;
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[GET_BUFFER] === "function"
  );
}

/** A built-in exporter's answer, as PyBuffer_FillInfo gives one for a one-dimensional array. */
function builtinInfo(value: unknown, flags: number): BufferInfo {
  let buf: ArrayBufferLike;
  let offset = 0;
  let len: number;
  let format = "B";
  let itemsize = 1;
  if (ArrayBuffer.isView(value)) {
    buf = value.buffer;
    offset = value.byteOffset;
    len = value.byteLength;
    const row = BUILTIN_FORMATS.find(([ctor]) => value instanceof ctor);
    if (row && !(value instanceof DataView)) {
      format = row[1];
      itemsize = (value as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    }
  } else {
    buf = value instanceof WebAssembly.Memory ? value.buffer : (value as ArrayBufferLike);
    len = buf.byteLength;
  }
  return {
    obj: value,
    buf,
    offset,
    len,
    itemsize,
    readonly: false,
    ndim: 1,
    format: flags & FLAG_FORMAT ? format : null,
    shape: flags & FLAG_ND ? [len / itemsize] : null,
    strides: (flags & FLAG_STRIDES) === FLAG_STRIDES ? [itemsize] : null,
    suboffsets: null,
  } as unknown as BufferInfo;
}

/** The bytes a layout reaches, [lo, hi) in its buffer. */
function extentOf(info: BufferInfo): [number, number] {
  const shape = info.shape;
  const strides = info.strides;
  if (shape === null || shape === undefined || strides === null || strides === undefined)
    return [info.offset, info.offset + info.len];
  if (shape.some((d) => d === 0)) return [info.offset, info.offset];
  let lo = info.offset;
  let hi = info.offset + info.itemsize;
  shape.forEach((d, i) => {
    const span = (d - 1) * (strides[i] as number);
    if (span < 0) lo += span;
    else hi += span;
  });
  return [lo, hi];
}

class PythonSideError extends Error {}

// A one-shot iterator (a generator, say): Python gets a generator of its items.
function isIterator(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { next?: unknown }).next === "function" &&
    typeof (value as Record<symbol, unknown>)[Symbol.iterator] === "function"
  );
}

/** The memoryview bridge: `memoryview`, `slice` and `Ellipsis` over CPython's own memoryview. */
export function createViewBridge(host: ViewBridgeHost): {
  memoryview: (obj: unknown) => unknown;
  tagArg: (value: unknown) => Tag;
  answerOf: (tag: Tag) => unknown;
  register: (globals: { set(name: string, value: unknown): void }) => void;
} {
  const keys = new WeakMap<object, number>();
  const objects = new Map<number, unknown>();
  const exports = new Map<number, Export>();
  let nextKey = 1;
  let nextExport = 1;

  const keyOf = (value: object): number => {
    let key = keys.get(value);
    if (key === undefined) {
      key = nextKey++;
      keys.set(value, key);
      objects.set(key, value);
    }
    return key;
  };

  /** Python's `__buffer__` of a JavaScript exporter: its answer to `flags`, laid out for Python. */
  const getBuffer = (key: number, flags: number): string => {
    const exporter = objects.get(key);
    let info: BufferInfo;
    try {
      if (
        (typeof exporter === "object" || typeof exporter === "function") &&
        exporter !== null &&
        typeof (exporter as Record<symbol, unknown>)[GET_BUFFER] === "function"
      ) {
        info = (exporter as Record<symbol, (f: number) => BufferInfo>)[GET_BUFFER]!(flags);
      } else {
        info = builtinInfo(exporter, flags);
      }
    } catch (error) {
      return JSON.stringify({ error: [(error as Error)?.name ?? "Error", (error as Error)?.message ?? String(error)] });
    }
    const release = () => (exporter as Record<symbol, ((i: BufferInfo) => void) | undefined>)[RELEASE_BUFFER]?.(info);
    const refuse = (name: string, message: string) => {
      release();
      return JSON.stringify({ error: [name, message] });
    };
    if (typeof info !== "object" || info === null) return refuse("BufferError", "the exporter's answer is not a BufferInfo");
    try {
      return layOut(exporter, info, refuse);
    } catch (error) {
      // A getter of the answer that throws: its error passes through, as an exporter's would.
      return refuse((error as Error)?.name ?? "Error", (error as Error)?.message ?? String(error));
    }
  };

  const layOut = (exporter: unknown, info: BufferInfo, refuse: (name: string, message: string) => string): string => {
    if (info.suboffsets?.some((s) => s >= 0)) {
      return refuse(
        "NotImplementedError",
        "the CPython bridge cannot lay out suboffsets: their pointers are offsets into JavaScript memory",
      );
    }
    if (info.format && UNBRIDGED_FORMAT.test(info.format)) return refuse("NotImplementedError", unbridgedReason(info.format));
    // The bridge copies ndim entries of each; an answer that has not as many cannot be laid out.
    const ndim = info.ndim;
    if (
      !Number.isInteger(ndim) ||
      ndim < 0 ||
      ndim > 64 ||
      (info.shape && info.shape.length !== ndim) ||
      (info.strides && info.strides.length !== ndim)
    ) {
      return refuse("BufferError", "the exporter's ndim, shape and strides disagree; the bridge cannot lay them out");
    }
    const buf = info.buf;
    const [lo, hi] = extentOf(info);
    let bytes: Uint8Array;
    try {
      if (lo < 0 || hi > buf.byteLength) throw new RangeError("outside");
      bytes = new Uint8Array(buf, lo, hi - lo);
    } catch {
      return refuse("BufferError", "the exporter's layout reaches outside its buffer (CPython would read it; SPEC.md §8, 12)");
    }
    const id = nextExport++;
    const memory = exporter instanceof WebAssembly.Memory ? exporter : null;
    const span = hi - lo;
    exports.set(id, { exporter, info, bytes: memory ? () => new Uint8Array(memory.buffer, lo, span) : () => bytes, lo, buf });
    return JSON.stringify({
      ok: {
        id,
        hex: hexOf(bytes),
        at: info.offset - lo,
        len: info.len,
        itemsize: info.itemsize,
        readonly: info.readonly,
        ndim: info.ndim,
        format: info.format ?? null,
        shape: info.shape ? [...info.shape] : null,
        strides: info.strides ? [...info.strides] : null,
      },
    });
  };

  /** Python's `__release_buffer__`: the bytes CPython wrote go back, then the export. */
  const releaseBuffer = (id: number, written: string | null | undefined): void => {
    const entry = exports.get(id);
    if (entry === undefined) return;
    exports.delete(id);
    if (typeof written === "string") entry.bytes().set(bytesOfHex(written));
    if (entry.info !== null)
      (entry.exporter as Record<symbol, ((i: BufferInfo) => void) | undefined>)[RELEASE_BUFFER]?.(entry.info);
  };

  /** A value as the view bridge sends it: views and exporters by reference, keys as keys. */
  const tagArg = (value: unknown, as: "key" | "value" | "object"): Tag => {
    if (value instanceof BridgedView) return ["view", value.handle];
    const py = host.pyHandleOf(value);
    if (py !== undefined) return ["pyobj", py];
    if (as === "value" && isIterator(value)) return ["gen", [...(value as Iterable<unknown>)].map((v) => tagArg(v, "value"))];
    // An object with its own equals is Python's reflected == wherever it goes.
    if (
      as === "value" &&
      typeof value === "object" &&
      value !== null &&
      !isExporter(value) &&
      !Array.isArray(value) &&
      typeof (value as { equals?: unknown }).equals === "function"
    ) {
      return tagArg(value, "object");
    }
    if (value instanceof slice) return ["slice", [value.start, value.stop, value.step].map((v) => tagArg(v, "value"))];
    if (value === Ellipsis) return ["ellipsis"];
    if (as === "key" && Array.isArray(value)) return ["tuple", value.map((v) => tagArg(v, "key"))];
    if (as === "value" && Array.isArray(value)) return ["list", value.map((v) => tagArg(v, "value"))];
    const isObject = (typeof value === "object" && value !== null) || (typeof value === "function" && isExporter(value));
    if (as === "object" && isObject && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)) {
      const equals = typeof (value as { equals?: unknown }).equals === "function";
      return ["jsobj", keyOf(value as object), host.typeName(value), isExporter(value), equals];
    }
    if (
      as !== "object" &&
      typeof value === "object" &&
      value !== null &&
      !ArrayBuffer.isView(value) &&
      isExporter(value) &&
      !(value instanceof ArrayBuffer)
    ) {
      return ["jsobj", keyOf(value), host.typeName(value), true];
    }
    return host.tagOf(value);
  };

  /** One call on the Python side; `views`, the views whose exports the call reads or writes. */
  const send = (request: Record<string, unknown>, views: readonly BridgedView[]): Tag => {
    const ids = [...new Set(views.map((v) => v.exportId).filter((id): id is number => id !== null && exports.has(id)))];
    const sync: Record<string, string> = {};
    for (const id of ids) sync[id] = hexOf(exports.get(id)!.bytes());
    const answer = JSON.parse(host.call(JSON.stringify({ ...request, sync, exports: ids }))) as {
      ok?: Tag;
      error?: [string, string];
      written?: Record<string, string>;
    };
    for (const [id, hex] of Object.entries(answer.written ?? {})) exports.get(Number(id))?.bytes().set(bytesOfHex(hex));
    if (answer.error) throw host.errorOf(answer.error[0], answer.error[1]);
    return answer.ok!;
  };

  /** A Python answer: views and JavaScript objects by reference, the rest as the struct bridge reads it. */
  const answerOf = (tag: Tag, parent: BridgedView | null): unknown => {
    switch (tag[0]) {
      case "view":
        return track(new BridgedView(tag[1] as number, parent?.exportId ?? null, parent?.origin));
      case "jsobj":
        return objects.get(tag[1] as number);
      case "pyobj":
        return host.pyObjectOf(tag[1] as number, tag[2] as string);
      case "list":
        return (tag[1] as Tag[]).map((t) => answerOf(t, parent));
    }
    return host.readValue(tag);
  };

  class BridgedView {
    readonly handle: number;
    readonly exportId: number | null;
    /** The object memoryview() was given (CPython's `obj` is the exporter it holds). */
    readonly origin: unknown;

    constructor(handle: number, exportId: number | null, origin: unknown) {
      this.handle = handle;
      this.exportId = exportId;
      this.origin = origin;
    }

    #call(op: string, args: readonly Tag[] = [], also: readonly BridgedView[] = []): unknown {
      return answerOf(send({ op, handle: this.handle, args }, [this, ...also]), this);
    }
    get obj(): unknown {
      send({ op: "attr", handle: this.handle, name: "obj" }, [this]); // throws once released
      return this.origin;
    }
    get nbytes(): number {
      return this.#get("nbytes") as number;
    }
    get readonly(): boolean {
      return this.#get("readonly") as boolean;
    }
    get itemsize(): number {
      return this.#get("itemsize") as number;
    }
    get format(): string {
      return this.#get("format") as string;
    }
    get ndim(): number {
      return this.#get("ndim") as number;
    }
    get shape(): readonly number[] {
      return this.#get("shape") as number[];
    }
    get strides(): readonly number[] {
      return this.#get("strides") as number[];
    }
    get suboffsets(): readonly number[] {
      return this.#get("suboffsets") as number[];
    }
    get c_contiguous(): boolean {
      return this.#get("c_contiguous") as boolean;
    }
    get f_contiguous(): boolean {
      return this.#get("f_contiguous") as boolean;
    }
    get contiguous(): boolean {
      return this.#get("contiguous") as boolean;
    }
    get released(): boolean {
      return this.#get("released") as boolean;
    }
    get length(): number {
      return answerOf(send({ op: "len", handle: this.handle }, [this]), this) as number;
    }

    #get(name: string): unknown {
      return answerOf(send({ op: "attr", handle: this.handle, name }, [this]), this);
    }

    get(key: unknown): unknown {
      return this.#call("get", [tagArg(key, "key")]);
    }
    set(key: unknown, value: unknown): void {
      const source = value instanceof BridgedView ? [value] : [];
      this.#call("set", [tagArg(key, "key"), tagArg(value, "value")], source);
    }
    tobytes(order?: string | null): Uint8Array {
      return this.#call("tobytes", order === undefined ? [] : [tagArg(order, "value")]) as Uint8Array;
    }
    hex(sep?: unknown, bytesPerSep?: unknown): string {
      const args = sep === undefined ? [] : bytesPerSep === undefined ? [sep] : [sep, bytesPerSep];
      return this.#call(
        "hex",
        args.map((a) => tagArg(a, "value")),
      ) as string;
    }
    tolist(): unknown {
      return this.#call("tolist");
    }
    toreadonly(): BridgedView {
      return this.#call("toreadonly") as BridgedView;
    }
    cast(format: unknown, shape?: unknown): BridgedView {
      if (typeof format === "string" && UNBRIDGED_FORMAT.test(format))
        throw host.errorOf("NotImplementedError", unbridgedReason(format));
      const args = shape === undefined ? [format] : [format, shape];
      return this.#call(
        "cast",
        args.map((a) => tagArg(a, "value")),
      ) as BridgedView;
    }
    release(): void {
      this.#call("release");
    }
    count(value: unknown): number {
      return this.#call("count", [tagArg(value, "value")]) as number;
    }
    index(value: unknown, ...bounds: unknown[]): number {
      return this.#call(
        "index",
        [value, ...bounds.filter((b) => b !== undefined)].map((a) => tagArg(a, "value")),
      ) as number;
    }
    equals(other: unknown): boolean {
      return this.#call("eq", [tagArg(other, "object")], other instanceof BridgedView ? [other] : []) as boolean;
    }
    hash(): number | bigint {
      return this.#call("hash") as number;
    }
    toString(): string {
      return this.#call("repr") as string;
    }
    [Symbol.iterator](): Iterator<unknown> {
      // Lazy, as CPython's iterator: one step of it per next().
      const iter = this.#call("iter") as number;
      const iterator: IterableIterator<unknown> = {
        [Symbol.iterator]: () => iterator,
        next: (): IteratorResult<unknown> => {
          const items = answerOf(send({ op: "next", handle: this.handle, iter }, [this]), this) as unknown[];
          return items.length === 0 ? { done: true, value: undefined } : { done: false, value: items[0] };
        },
      };
      return iterator;
    }
    [Symbol.dispose](): void {
      this.release();
    }

    /** CPython's `PyObject_GetBuffer(view, flags)`: a re-export of the exporter's memory. */
    [GET_BUFFER](flags: number): BufferInfo {
      const answer = send({ op: "getbuffer", handle: this.handle, flags }, [this]);
      const d = answer[1] as {
        handle: number;
        export: number | null;
        at: number;
        len: number;
        itemsize: number;
        readonly: boolean;
        ndim: number;
        format: string | null;
        shape: number[] | null;
        strides: number[] | null;
        suboffsets: number[] | null;
      };
      const root = d.export === null ? undefined : exports.get(d.export);
      const info = {
        obj: this,
        // A view of a CPython object re-exports Pyodide's own memory.
        buf: root?.buf ?? host.heap(),
        offset: (root?.lo ?? 0) + d.at,
        len: d.len,
        itemsize: d.itemsize,
        readonly: d.readonly,
        ndim: d.ndim,
        format: d.format,
        shape: d.shape,
        strides: d.strides,
        suboffsets: d.suboffsets,
      } as unknown as BufferInfo;
      reexports.set(info, d.handle);
      return info;
    }
    /** `PyBuffer_Release` of a re-export. */
    [RELEASE_BUFFER](info: BufferInfo): void {
      const handle = reexports.get(info);
      if (handle === undefined) return;
      reexports.delete(info);
      send({ op: "releasebuffer", handle: this.handle, reexport: handle }, [this]);
    }
  }
  // Python names a view's type 'memoryview' (in the struct bridge's messages too).
  Object.defineProperty(BridgedView, "name", { value: "memoryview" });
  const reexports = new WeakMap<BufferInfo, number>();
  const byHandle = new Map<number, BridgedView>();
  const track = (view: BridgedView): BridgedView => {
    byHandle.set(view.handle, view);
    return view;
  };
  /** Python's reflected `==` on a JavaScript object with its own equals, asked with the view on the left. */
  const equalsOf = (key: number, tagJson: string): boolean => {
    const tag = JSON.parse(tagJson) as [string, number, string];
    const other = tag[0] === "view" ? byHandle.get(tag[1]) : host.pyObjectOf(tag[1], tag[2]);
    return Boolean((objects.get(key) as { equals(other: unknown): unknown }).equals(other));
  };

  function memoryview(obj: unknown): BridgedView {
    const parent = obj instanceof BridgedView ? obj : null;
    const answer = send({ op: "memoryview", args: [tagArg(obj, "object")] }, parent ? [parent] : []);
    if (answer[0] !== "view") throw new PythonSideError("cpython-pyodide: memoryview() gave no view");
    const created = (answer as unknown as [string, number, number | null])[2] ?? null;
    return track(new BridgedView(answer[1] as number, parent ? parent.exportId : created, parent ? parent.origin : obj));
  }
  memoryview.prototype = BridgedView.prototype;
  Object.defineProperty(memoryview, "name", { value: "memoryview" }); // whatever a bundler renames it to

  return {
    memoryview,
    tagArg: (value: unknown) => tagArg(value, "value"),
    answerOf: (tag: Tag) => answerOf(tag, null),
    register(globals) {
      globals.set("_js_get_buffer", getBuffer);
      globals.set("_js_release_buffer", releaseBuffer);
      globals.set("_js_equals", equalsOf);
    },
  };
}
