/**
 * The snapshot `getBuffer` takes of what an exporter returned, before
 * validating it. Each field is read exactly once (a getter cannot answer
 * differently to the check and to the use), arrays are copied and frozen (the
 * exporter cannot change them afterwards), and a throwing getter becomes a
 * `BufferError` naming the field.
 *
 * `buf` alone may stay live: when the exporter defines it as an accessor
 * (as the built-in export of a `WebAssembly.Memory` does, and a view
 * re-exporting such memory must), the snapshot gets an accessor that calls
 * the exporter's. Consumers read it through `resolveBuffer`, which checks
 * every answer.
 *
 * @packageDocumentation
 */

import { BufferError } from "../errors.js";
import type { BufferInfo } from "./buffer-info.js";
import { attachState, type InfoState } from "./info-state.js";
import { typeName } from "./type-name.js";

const FIELDS = ["offset", "len", "readonly", "itemsize", "format", "ndim"] as const;
const ARRAY_FIELDS = ["shape", "strides", "suboffsets"] as const;

function readError(name: string, error: unknown): BufferError {
  const message = error instanceof Error ? error.message : String(error);
  return new BufferError(`invalid BufferInfo: reading ${name} threw: ${message}`, { cause: error });
}

function read(source: object, key: string | number, name: string = String(key)): unknown {
  try {
    return (source as Record<string | number, unknown>)[key];
  } catch (error) {
    throw readError(name, error);
  }
}

function copyArray(source: unknown, name: string): unknown {
  if (source === undefined || source === null) return null;
  let isArray: boolean;
  try {
    isArray = Array.isArray(source);
  } catch (error) {
    throw readError(name, error); // a revoked Proxy
  }
  if (!isArray) return source; // validation names the wrong type
  const length = read(source as object, "length", `${name}.length`);
  if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0 || length > 64) {
    // More entries than PyBUF_MAX_NDIM cannot be valid; do not copy them.
    throw new BufferError(`invalid BufferInfo: ${name} has ${String(length)} entries, more than ndim can be`);
  }
  const copy = new Array<unknown>(length);
  for (let i = 0; i < length; i++) copy[i] = read(source as object, i, `${name}[${i}]`);
  return Object.freeze(copy);
}

function findBufAccessor(source: object): ((this: unknown) => unknown) | undefined {
  try {
    for (let o: object | null = source; o !== null; o = Object.getPrototypeOf(o) as object | null) {
      const descriptor = Object.getOwnPropertyDescriptor(o, "buf");
      if (descriptor !== undefined) return descriptor.get;
    }
  } catch (error) {
    throw readError("buf", error);
  }
  return undefined;
}

/**
 * A frozen copy of what an exporter returned, with `obj` set to the
 * exporter and the given bookkeeping attached. Throws `BufferError` when
 * `returned` is not an object or one of its getters throws; the field
 * values themselves are checked afterwards by `assertValidBufferInfo`.
 *
 * @param returned - the exporter's return value
 * @param exporter - the object whose GET_BUFFER produced it
 * @param state - the bookkeeping of this export
 * @returns the snapshot
 *
 * @example
 * ```ts
 * const exporter = {};
 * const returned = { buf: new ArrayBuffer(2), offset: 0, len: 2, readonly: false, itemsize: 1, format: null, ndim: 1, shape: [2], strides: null, suboffsets: null };
 * const info = snapshotInfo(returned, exporter, { exporter, original: returned, released: false, requiredByteLength: -1 });
 * [info.obj === exporter, Object.isFrozen(info.shape), info.shape !== returned.shape]; // returns [true, true, true]
 * ```
 */
export function snapshotInfo(returned: unknown, exporter: object, state: InfoState): BufferInfo {
  if (typeof returned !== "object" || returned === null) {
    throw new BufferError(`invalid BufferInfo: the exporter returned ${typeName(returned)}, not a BufferInfo`);
  }
  const snapshot: Record<string, unknown> = { obj: exporter };
  const bufGetter = findBufAccessor(returned);
  if (bufGetter === undefined) {
    snapshot.buf = read(returned, "buf");
  } else {
    Object.defineProperty(snapshot, "buf", {
      enumerable: true,
      get() {
        try {
          return bufGetter.call(returned);
        } catch (error) {
          // A re-exported view reports its base's release or detachment
          // as such; anything else is a broken accessor.
          const name = (error as { name?: unknown } | null)?.name;
          if (name === "ValueError" || name === "BufferError") throw error;
          throw readError("buf", error);
        }
      },
    });
  }
  for (const name of FIELDS) {
    const value = read(returned, name);
    snapshot[name] = name === "format" && value === undefined ? null : value;
  }
  for (const name of ARRAY_FIELDS) snapshot[name] = copyArray(read(returned, name), name);
  attachState(snapshot, state);
  return Object.freeze(snapshot) as unknown as BufferInfo;
}
