/**
 * The JavaScript half of the CPython adapter's objects bridge: `bytes`,
 * `bytearray` and `array` are CPython's own objects, held on the Python
 * side; each JavaScript object stands for one of them, and its members
 * call the Python object's (`get`, `set`, `delete`, `slice`, `equals`,
 * `length`, `toString`, `hash` are the contract's names for `o[k]`,
 * `o[k] = v`, `del o[k]`, `o[a:b:c]`, `==`, `len`, `repr`, `hash`; every
 * other member is the Python one of that name). Exported through
 * `GET_BUFFER`, an object gives CPython's own buffer (`PyObject_GetBuffer`),
 * whose memory is Pyodide's wasm memory, with CPython's export counting.
 *
 * @packageDocumentation
 */

import type { BufferInfo } from "../../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";

type Tag = readonly unknown[];

/** What the objects bridge needs of the adapter. */
export interface ObjectsBridgeHost {
  /** `mv_object(request_json) -> answer_json`. */
  readonly call: (request: string) => string;
  /** A JavaScript argument as the view bridge tags it. */
  readonly tagArg: (value: unknown) => Tag;
  /** A Python answer as the view bridge reads it (views, objects, values). */
  readonly answerOf: (tag: Tag) => unknown;
  /** The error a Python exception is thrown as. */
  readonly errorOf: (name: string, message: string) => Error;
  /** Pyodide's wasm memory, where CPython's objects keep their bytes. */
  readonly heap: () => ArrayBufferLike;
}

type Kind = "bytes" | "bytearray" | "array";

// The contract's names of Python's operators and protocols.
const OPERATORS = new Set(["get", "set", "delete", "slice", "equals", "toString", "hash"]);

/** The objects bridge: the three constructors, and the JavaScript object of each Python handle. */
export function createObjectsBridge(host: ObjectsBridgeHost): {
  bytes: unknown;
  bytearray: unknown;
  array: unknown;
  objectOf: (handle: number, kind: string) => object;
  handleOf: (value: unknown) => number | undefined;
} {
  const byHandle = new Map<number, object>();
  const handles = new WeakMap<object, number>();
  const reexports = new WeakMap<object, number>();

  const send = (request: Record<string, unknown>): unknown => {
    const answer = JSON.parse(host.call(JSON.stringify(request))) as { ok?: Tag; error?: [string, string] };
    if (answer.error) throw host.errorOf(answer.error[0], answer.error[1]);
    return answer.ok;
  };
  const value = (request: Record<string, unknown>): unknown => host.answerOf(send(request) as Tag);

  const classes: Record<Kind, new (...args: unknown[]) => object> = {} as never;

  const objectOf = (handle: number, kind: string): object => {
    const known = byHandle.get(handle);
    if (known !== undefined) return known;
    const ctor = classes[kind as Kind];
    const target = Object.create(ctor.prototype) as object;
    const call = (name: string, args: readonly unknown[]) => value({ op: "call", handle, name, args: args.map(host.tagArg) });
    const proxy: object = new Proxy(target, {
      get(_t, key) {
        if (key === GET_BUFFER) {
          return (flags: number): BufferInfo => {
            const d = (send({ op: "getbuffer", handle, flags }) as [string, Record<string, unknown>])[1];
            const info = {
              obj: proxy,
              buf: host.heap(),
              offset: d.ptr,
              len: d.len,
              itemsize: d.itemsize,
              readonly: d.readonly,
              ndim: d.ndim,
              format: d.format,
              shape: d.shape,
              strides: d.strides,
              suboffsets: d.suboffsets,
            } as unknown as BufferInfo;
            reexports.set(info, d.handle as number);
            return info;
          };
        }
        if (key === RELEASE_BUFFER) {
          return (info: BufferInfo): void => {
            const reexport = reexports.get(info as object);
            if (reexport === undefined) return;
            reexports.delete(info as object);
            send({ op: "releasebuffer", handle, reexport });
          };
        }
        if (key === Symbol.iterator) return () => (call("iter", []) as unknown[])[Symbol.iterator]();
        if (typeof key === "symbol" || key === "then") return undefined;
        if (key === "constructor") return ctor;
        if (key === "length") return call("length", []);
        if (OPERATORS.has(key)) return (...args: unknown[]) => call(key, args);
        const member = send({ op: "attr", handle, name: key }) as Tag;
        if (member[0] === "method") return (...args: unknown[]) => call(key, args);
        return host.answerOf(member);
      },
      has(_t, key) {
        if (key === GET_BUFFER || key === RELEASE_BUFFER || key === Symbol.iterator) return true;
        if (typeof key === "symbol") return false;
        if (key === "length" || OPERATORS.has(key)) return true;
        return (send({ op: "has", handle, name: key }) as Tag)[1] === true;
      },
    });
    byHandle.set(handle, proxy);
    handles.set(proxy, handle);
    return proxy;
  };

  const construct = (kind: Kind, args: readonly unknown[], via?: string): object => {
    const answer = send({ op: "new", kind, args: args.map(host.tagArg), ...(via ? { via } : {}) }) as [string, number, string];
    return objectOf(answer[1], answer[2]);
  };

  /** Python's `bytes`: CPython's own, through the bridge. */
  class bytes {
    /** @param args - what `bytes(...)` takes */
    constructor(...args: unknown[]) {
      // biome-ignore lint/correctness/noConstructorReturn: the object stands for a CPython object held in Pyodide
      return construct("bytes", args);
    }
    /** `bytes.fromhex(s)` */
    static fromhex(text: unknown): object {
      return construct("bytes", [text], "fromhex");
    }
  }
  /** Python's `bytearray`: CPython's own, through the bridge. */
  class bytearray {
    /** @param args - what `bytearray(...)` takes */
    constructor(...args: unknown[]) {
      // biome-ignore lint/correctness/noConstructorReturn: the object stands for a CPython object held in Pyodide
      return construct("bytearray", args);
    }
    /** `bytearray.fromhex(s)` */
    static fromhex(text: unknown): object {
      return construct("bytearray", [text], "fromhex");
    }
  }
  /** Python's `array.array`: CPython's own, through the bridge. */
  class array {
    /** @param args - what `array.array(typecode, initializer)` takes */
    constructor(...args: unknown[]) {
      // biome-ignore lint/correctness/noConstructorReturn: the object stands for a CPython object held in Pyodide
      return construct("array", args);
    }
    /** `array.typecodes` */
    static get typecodes(): unknown {
      return host.answerOf(send({ op: "static", kind: "array", name: "typecodes" }) as Tag);
    }
  }
  // Python's names, whatever a bundler renames the classes to.
  for (const [name, cls] of [
    ["bytes", bytes],
    ["bytearray", bytearray],
    ["array", array],
  ] as const) {
    Object.defineProperty(cls, "name", { value: name });
  }
  classes.bytes = bytes;
  classes.bytearray = bytearray;
  classes.array = array;

  return {
    bytes,
    bytearray,
    array,
    objectOf,
    handleOf: (v) => (typeof v === "object" && v !== null ? handles.get(v) : undefined),
  };
}
