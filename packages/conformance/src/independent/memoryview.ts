/**
 * The independent implementation's memoryview: zero- and one-dimensional
 * views of the native single-character formats, no suboffsets, no cast. It
 * refuses everything else with NotImplementedError, as its manifest
 * declares. Written for the purpose; shares no code with @mv/core.
 *
 * @packageDocumentation
 */

import { NATIVE, type Row } from "./codec.js";
import type { Defects } from "./defects.js";
import { BufferError, IndexError, NotImplementedError, OverflowError, ValueError } from "./errors.js";
import { ByteString, bytes as Bytes } from "./exporters.js";
import { hashBytes } from "./hash-bytes.js";

const GET = Symbol.for("mv.getbuffer");
const RELEASE = Symbol.for("mv.releasebuffer");
const FULL_RO = 0x11c;

/** The formats this implementation reads and writes. */
export const FORMATS = "cbB?hHiIlLqQnNfdP";

interface Info {
  obj: object | null;
  buf: ArrayBuffer | SharedArrayBuffer;
  offset: number;
  len: number;
  readonly: boolean;
  itemsize: number;
  format: string | null;
  ndim: number;
  shape: readonly number[] | null;
  strides: readonly number[] | null;
  suboffsets: readonly number[] | null;
}

/** The shared snapshot of one exporter (CPython's managed buffer). */
class Snapshot {
  views = 0;
  released = false;
  constructor(
    readonly exporter: object | null,
    readonly info: Info,
    readonly defects: Defects,
  ) {}
  attach(): void {
    this.views++;
  }
  detach(): void {
    this.views--;
    if (this.views === 0 && !this.released) {
      this.released = true;
      if (this.defects.has("export-leak")) return;
      const release = this.exporter && (this.exporter as Record<symbol, unknown>)[RELEASE];
      if (typeof release === "function") release.call(this.exporter, this.info);
    }
  }
}

/** A slice object. */
export interface SliceLike {
  readonly start: number | bigint | null;
  readonly stop: number | bigint | null;
  readonly step: number | bigint | null;
}

/** The Python type a value stands for (see src/cases/protocol/type-names.ts). */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  const primitive: Record<string, string> = { bigint: "int", boolean: "bool", string: "str" };
  if (typeof value !== "object") return primitive[typeof value] ?? typeof value;
  if (Array.isArray(value)) return "list";
  if (value instanceof Uint8Array) return "bytes";
  if (value instanceof Map) return "dict";
  if (value instanceof Set) return "set";
  const ctor = Object.getPrototypeOf(value)?.constructor as { pythonName?: unknown; name?: unknown } | undefined;
  if (typeof ctor?.pythonName === "string") return ctor.pythonName;
  return typeof ctor?.name === "string" && ctor.name !== "" && ctor.name !== "Object" ? ctor.name : "object";
}

/** Whether an ArrayBuffer was detached (slice() throws on a detached one). */
function isDetached(buffer: ArrayBuffer | SharedArrayBuffer): boolean {
  if (buffer.byteLength !== 0) return false;
  try {
    buffer.slice(0, 0);
    return false;
  } catch {
    return true;
  }
}

function isWasmMemory(x: unknown): x is WebAssembly.Memory {
  return typeof WebAssembly !== "undefined" && x instanceof WebAssembly.Memory;
}

function infoOfBuiltin(obj: unknown): Info | null {
  const base = { suboffsets: null, ndim: 1 };
  if (isWasmMemory(obj)) {
    const n = obj.buffer.byteLength;
    return {
      ...base,
      obj,
      buf: obj.buffer,
      offset: 0,
      len: n,
      readonly: false,
      itemsize: 1,
      format: "B",
      shape: [n],
      strides: [1],
    };
  }
  if (
    (obj instanceof ArrayBuffer || ArrayBuffer.isView(obj)) &&
    isDetached(obj instanceof ArrayBuffer ? obj : (obj.buffer as ArrayBuffer))
  ) {
    throw new ValueError("memoryview: the underlying buffer was detached");
  }
  if (obj instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && obj instanceof SharedArrayBuffer)) {
    return {
      ...base,
      obj,
      buf: obj,
      offset: 0,
      len: obj.byteLength,
      readonly: false,
      itemsize: 1,
      format: "B",
      shape: [obj.byteLength],
      strides: [1],
    };
  }
  if (obj instanceof DataView) {
    return {
      ...base,
      obj,
      buf: obj.buffer,
      offset: obj.byteOffset,
      len: obj.byteLength,
      readonly: false,
      itemsize: 1,
      format: "B",
      shape: [obj.byteLength],
      strides: [1],
    };
  }
  if (ArrayBuffer.isView(obj)) {
    const formats: Record<string, string> = {
      Int8Array: "b",
      Uint8Array: "B",
      Uint8ClampedArray: "B",
      Int16Array: "h",
      Uint16Array: "H",
      Int32Array: "i",
      Uint32Array: "I",
      Float32Array: "f",
      Float64Array: "d",
      BigInt64Array: "q",
      BigUint64Array: "Q",
    };
    const ta = obj as unknown as { BYTES_PER_ELEMENT: number; length: number; constructor: { name: string } };
    // The element type, not the class's name: a subclass exports as its base.
    const format = formats[(obj as unknown as Record<symbol, string>)[Symbol.toStringTag]!] ?? "B";
    return {
      ...base,
      obj,
      buf: obj.buffer,
      offset: obj.byteOffset,
      len: obj.byteLength,
      readonly: false,
      itemsize: ta.BYTES_PER_ELEMENT,
      format,
      shape: [ta.length],
      strides: [ta.BYTES_PER_ELEMENT],
    };
  }
  return null;
}

let nextId = 0x1000;

/** Builds the memoryview class with the given defects switched on. */
export function createMemoryview(defects: Defects, sliceClass: abstract new (...a: never[]) => SliceLike, ellipsis: object) {
  class IndependentMemoryview {
    #snap: Snapshot;
    #offset: number;
    #shape: number[];
    #stride: number;
    #readonly: boolean;
    #format: string;
    #row: Row | undefined;
    #itemsize: number;
    #released = false;
    #exports = 0;
    #id = nextId++;
    #cache: Uint8Array;

    constructor(obj: unknown, derived?: { snap: Snapshot; offset: number; shape: number[]; stride: number; readonly: boolean }) {
      if (derived) {
        this.#snap = derived.snap;
        this.#offset = derived.offset;
        this.#shape = derived.shape;
        this.#stride = derived.stride;
        this.#readonly = derived.readonly;
      } else if (obj instanceof IndependentMemoryview) {
        obj.#check();
        this.#snap = obj.#snap;
        this.#offset = obj.#offset;
        this.#shape = [...obj.#shape];
        this.#stride = obj.#stride;
        this.#readonly = obj.#readonly;
      } else {
        let info = infoOfBuiltin(obj);
        let exporter: object | null = null;
        if (!info) {
          const get =
            obj !== null && (typeof obj === "object" || typeof obj === "function")
              ? (obj as Record<symbol, unknown>)[GET]
              : undefined;
          if (typeof get !== "function") {
            throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(obj)}'`);
          }
          exporter = obj as object;
          info = get.call(obj, FULL_RO) as Info;
          try {
            validate(info);
          } catch (error) {
            const release = (obj as Record<symbol, unknown>)[RELEASE];
            if (typeof release === "function") release.call(obj, info);
            throw error;
          }
        }
        this.#snap = new Snapshot(exporter, info, defects);
        this.#offset = info.offset;
        this.#shape = info.ndim === 0 ? [] : [info.shape ? (info.shape[0] as number) : info.len / info.itemsize];
        this.#stride = info.strides ? (info.strides[0] ?? info.itemsize) : info.itemsize;
        this.#readonly = info.readonly;
      }
      const info = this.#snap.info;
      this.#format = info.format ?? "B";
      this.#itemsize = info.itemsize;
      const plain = this.#format.startsWith("@") ? this.#format.slice(1) : this.#format;
      this.#row = plain.length === 1 && FORMATS.includes(plain) ? NATIVE[plain] : undefined;
      try {
        this.#cache = new Uint8Array(info.buf as ArrayBuffer);
      } catch {
        this.#cache = new Uint8Array(0); // a detached buffer
      }
      this.#snap.attach();
    }

    // ---------------------------------------------------------------- guards
    #check(): void {
      if (this.#released || this.#snap.released) {
        throw new ValueError("operation forbidden on released memoryview object");
      }
    }

    #bytes(): Uint8Array {
      if (defects.has("stale-after-detach")) return this.#cache;
      // A WebAssembly.Memory replaces its buffer when it grows: read the current one.
      const obj = this.#snap.info.obj;
      const buf = isWasmMemory(obj) ? obj.buffer : this.#snap.info.buf;
      const n = this.#shape.length === 0 ? 1 : (this.#shape[0] as number);
      if (n > 0) {
        const first = this.#offset;
        const last = this.#offset + (n - 1) * this.#stride;
        const end = Math.max(first, last) + this.#itemsize;
        if (buf.byteLength < end) throw new ValueError("memoryview: the underlying buffer was detached or shrunk");
      }
      return new Uint8Array(buf as ArrayBuffer);
    }

    #fmt(): string {
      return this.#format.startsWith("@") ? this.#format.slice(1) : this.#format;
    }

    #rowOrRefuse(): Row {
      if (!this.#row) throw new NotImplementedError(`memoryview: format ${this.#format} not supported`);
      return this.#row;
    }

    #read(position: number): unknown {
      const row = this.#rowOrRefuse();
      const bytes = this.#bytes();
      return row.read(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), position, true, defects);
    }

    #write(position: number, value: unknown): void {
      const row = this.#rowOrRefuse();
      const char = this.#fmt();
      const bytes = this.#bytes();
      const scratch = new DataView(new ArrayBuffer(8));
      const invalidType = () => new TypeError(`memoryview: invalid type for format '${char}'`);
      const invalidValue = () => new ValueError(`memoryview: invalid value for format '${char}'`);
      if ("bBhHiIlLqQnNP".includes(char)) {
        if (typeof value === "number" ? !Number.isInteger(value) : typeof value !== "bigint" && typeof value !== "boolean")
          throw invalidType();
      } else if ("fd".includes(char)) {
        if (typeof value !== "number" && typeof value !== "bigint" && typeof value !== "boolean") throw invalidType();
      } else if (char === "c") {
        if (value instanceof ByteString) value = value.toUint8Array();
        if (!(value instanceof Uint8Array)) throw invalidType();
        if (value.length !== 1) throw invalidValue();
      } else if (char === "?") {
        value = pythonTruth(value);
      }
      try {
        row.write(scratch, 0, true, value, char);
      } catch {
        throw invalidValue();
      }
      bytes.set(new Uint8Array(scratch.buffer, 0, this.#itemsize), position);
    }

    #position(index: number | bigint): number {
      const n = this.#shape[0] as number;
      let i = Number(index);
      if (i < 0) i += n;
      if (i < 0 || i >= n) {
        if (defects.has("wrong-error-name")) throw new RangeError("index out of bounds on dimension 1");
        throw new IndexError("index out of bounds on dimension 1");
      }
      return this.#offset + i * this.#stride;
    }

    #slice(s: SliceLike): IndependentMemoryview {
      const n = this.#shape[0] as number;
      const step = s.step === null || s.step === undefined ? 1 : Number(s.step);
      if (step === 0) throw new ValueError("slice step cannot be zero");
      const adjust = (v: number | bigint | null | undefined, none: number): number => {
        if (v === null || v === undefined) return none;
        let x = Number(v);
        if (x < 0) {
          x += n;
          if (x < 0) x = step < 0 ? -1 : 0;
        } else if (x >= n) x = step < 0 ? n - 1 : n;
        return x;
      };
      const start = adjust(s.start, step < 0 ? n - 1 : 0);
      const stop = adjust(s.stop, step < 0 ? -1 : n);
      let length =
        step < 0
          ? stop < start
            ? Math.floor((start - stop - 1) / -step) + 1
            : 0
          : start < stop
            ? Math.floor((stop - start - 1) / step) + 1
            : 0;
      if (defects.has("slice-off-by-one") && step > 0 && length > 0) length -= 1;
      const stride = (defects.has("stride-sign") ? this.#stride * Math.abs(step) : this.#stride * step) || 0;
      return new IndependentMemoryview(null, {
        snap: this.#snap,
        offset: this.#offset + start * this.#stride,
        shape: [length],
        stride,
        readonly: this.#readonly,
      });
    }

    // ------------------------------------------------------------ attributes
    get obj(): unknown {
      this.#check();
      return this.#snap.exporter ?? this.#snap.info.obj;
    }
    get nbytes(): number {
      this.#check();
      return this.#count() * this.#itemsize;
    }
    get readonly(): boolean {
      this.#check();
      return this.#readonly;
    }
    get itemsize(): number {
      this.#check();
      return this.#itemsize;
    }
    get format(): string {
      this.#check();
      return this.#format;
    }
    get ndim(): number {
      this.#check();
      return this.#shape.length;
    }
    get shape(): number[] {
      this.#check();
      return [...this.#shape];
    }
    get strides(): number[] {
      this.#check();
      return this.#shape.length ? [this.#stride] : [];
    }
    get suboffsets(): number[] {
      this.#check();
      return [];
    }
    get c_contiguous(): boolean {
      this.#check();
      return this.#contiguous();
    }
    get f_contiguous(): boolean {
      this.#check();
      return this.#contiguous();
    }
    get contiguous(): boolean {
      this.#check();
      return this.#contiguous();
    }
    get released(): boolean {
      return this.#released || this.#snap.released;
    }
    get length(): number {
      this.#check();
      if (this.#shape.length === 0) throw new TypeError("0-dim memory has no length");
      return this.#shape[0] as number;
    }
    #count(): number {
      return this.#shape.length ? (this.#shape[0] as number) : 1;
    }
    #contiguous(): boolean {
      return this.#shape.length === 0 || this.#shape[0] === 1 || this.#stride === this.#itemsize;
    }
    #positions(): number[] {
      return Array.from({ length: this.#count() }, (_, i) => this.#offset + i * this.#stride);
    }

    // ------------------------------------------------------------ items
    get(key: unknown): unknown {
      this.#check();
      if (this.#shape.length === 0) {
        if (Array.isArray(key) && key.length === 0) return this.#read(this.#offset);
        if (key === ellipsis) return this;
        throw new TypeError("invalid indexing of 0-dim memory");
      }
      if ((typeof key === "number" && Number.isInteger(key)) || typeof key === "bigint") return this.#read(this.#position(key));
      if (key instanceof sliceClass) return this.#slice(key as SliceLike);
      if (Array.isArray(key) && key.every((k) => (typeof k === "number" && Number.isInteger(k)) || typeof k === "bigint")) {
        if (key.length > 1) throw new TypeError(`cannot index 1-dimension view with ${key.length}-element tuple`);
        if (key.length === 0) throw new NotImplementedError("sub-views are not implemented");
        return this.#read(this.#position(key[0] as number));
      }
      if (Array.isArray(key) && key.length > 0 && key.every((k) => k instanceof sliceClass)) {
        throw new NotImplementedError("multi-dimensional slicing is not implemented");
      }
      throw new TypeError("memoryview: invalid slice key");
    }

    set(key: unknown, value: unknown): void {
      this.#check();
      if (this.#readonly && !defects.has("no-readonly-check")) throw new TypeError("cannot modify read-only memory");
      if (this.#shape.length === 0) {
        if (key === ellipsis || (Array.isArray(key) && key.length === 0)) {
          this.#write(this.#offset, value);
          return;
        }
        throw new TypeError("invalid indexing of 0-dim memory");
      }
      if ((typeof key === "number" && Number.isInteger(key)) || typeof key === "bigint") {
        this.#write(this.#position(key), value);
        return;
      }
      if (Array.isArray(key) && key.length === 1 && (typeof key[0] === "number" || typeof key[0] === "bigint")) {
        this.#write(this.#position(key[0] as number), value);
        return;
      }
      if (key instanceof sliceClass) {
        const target = this.#slice(key as SliceLike);
        const source = new IndependentMemoryview(value);
        try {
          // The source's GET_BUFFER is user code: it may have released this view.
          this.#check();
          const sameFormat = source.#fmt() === this.#fmt() && source.#itemsize === this.#itemsize;
          if (!sameFormat || source.#shape.length !== 1 || source.#shape[0] !== target.#shape[0]) {
            throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
          }
          const from = source.#bytes();
          const copies = source.#positions().map((p) => from.slice(p, p + this.#itemsize));
          const to = target.#bytes();
          target.#positions().forEach((p, k) => {
            to.set(copies[k] as Uint8Array, p);
          });
        } finally {
          source.release();
          target.release();
        }
        return;
      }
      throw new TypeError("memoryview: invalid slice key");
    }

    tolist(): unknown {
      this.#check();
      this.#rowOrRefuse();
      if (this.#shape.length === 0) return this.#read(this.#offset);
      return this.#positions().map((p) => this.#read(p));
    }

    tobytes(order: string | null = null): Uint8Array {
      this.#check();
      if (order !== null && order !== undefined && !["C", "F", "A"].includes(order)) {
        throw new ValueError("order must be 'C', 'F' or 'A'");
      }
      const bytes = this.#bytes();
      const out = new Uint8Array(this.#count() * this.#itemsize);
      this.#positions().forEach((p, k) => {
        out.set(bytes.subarray(p, p + this.#itemsize), k * this.#itemsize);
      });
      return out;
    }

    hex(sep?: string | Uint8Array, bytesPerSepArg: unknown = 1): string {
      const bytes = this.tobytes();
      const digits = Array.from(bytes, (b) => b.toString(16).padStart(2, "0"));
      if (sep === null) throw new TypeError("object of type 'NoneType' has no len()");
      if (sep === undefined) return digits.join("");
      // Python's checks, in its order: a sized separator, one ASCII
      // character, then a group size that is an integer fitting a C int.
      let s: string;
      if (typeof sep === "string") s = sep;
      else if (sep instanceof Uint8Array) s = String.fromCharCode(...sep);
      else if ((sep as unknown) instanceof Bytes) s = String.fromCharCode(...(sep as unknown as Bytes).toUint8Array());
      else if (typeof sep === "object" && typeof (sep as { length?: unknown }).length === "number") {
        // Sized, but not str or bytes (a bytearray, a list): Python refuses it.
        throw new TypeError("sep must be str or bytes.");
      } else throw new TypeError(`object of type '${typeName(sep)}' has no len()`);
      if (s.length !== 1) throw new ValueError("sep must be length 1.");
      if (s.charCodeAt(0) > 127) throw new ValueError("sep must be ASCII.");
      if (
        typeof bytesPerSepArg === "number"
          ? !Number.isInteger(bytesPerSepArg)
          : typeof bytesPerSepArg !== "bigint" && typeof bytesPerSepArg !== "boolean"
      ) {
        throw new TypeError(`'${typeName(bytesPerSepArg)}' object cannot be interpreted as an integer`);
      }
      const wide = BigInt(bytesPerSepArg as number | bigint | boolean);
      if (wide > 2147483647n || wide < -2147483648n) throw new OverflowError("Python int too large to convert to C int");
      const bytesPerSep = Number(wide);
      if (bytesPerSep === 0 || digits.length === 0) return digits.join("");
      const group = Math.abs(bytesPerSep);
      const parts: string[] = [];
      if (bytesPerSep > 0) {
        for (let end = digits.length; end > 0; end -= group) parts.unshift(digits.slice(Math.max(0, end - group), end).join(""));
      } else {
        for (let start = 0; start < digits.length; start += group) parts.push(digits.slice(start, start + group).join(""));
      }
      return parts.join(s);
    }

    toreadonly(): IndependentMemoryview {
      this.#check();
      return new IndependentMemoryview(null, {
        snap: this.#snap,
        offset: this.#offset,
        shape: [...this.#shape],
        stride: this.#stride,
        readonly: true,
      });
    }

    cast(): never {
      this.#check();
      throw new NotImplementedError("memoryview: cast is not implemented here");
    }

    release(): void {
      if (this.#released) return;
      if (this.#exports > 0) {
        throw new BufferError(`memoryview has ${this.#exports} exported buffer${this.#exports === 1 ? "" : "s"}`);
      }
      this.#released = true;
      this.#snap.detach();
    }

    [Symbol.dispose](): void {
      this.release();
    }

    *[Symbol.iterator](): Generator<unknown> {
      this.#check();
      if (this.#shape.length === 0) throw new TypeError("invalid indexing of 0-dim memory");
      this.#rowOrRefuse();
      for (const p of this.#positions()) {
        this.#check(); // each step: the loop body may have released the view
        yield this.#read(p);
      }
    }

    count(value: unknown): number {
      return (this.tolist() as unknown[]).filter((item) => sameValue(item, value, defects)).length;
    }

    index(value: unknown, start = 0, stop = Number.MAX_SAFE_INTEGER): number {
      const items = this.tolist() as unknown[];
      const n = items.length;
      let from = start < 0 ? Math.max(0, start + n) : start;
      const to = stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
      for (; from < to; from++) if (sameValue(items[from], value, defects)) return from;
      throw new ValueError("memoryview.index(x): x not found");
    }

    equals(other: unknown): boolean {
      if (other === this) return !this.released ? !containsNaN(this.tolist(), defects) : true;
      if (this.released) return false;
      let view: IndependentMemoryview;
      const own = other instanceof IndependentMemoryview;
      try {
        view = own ? other : new IndependentMemoryview(other);
      } catch {
        // Not an exporter: Python reflects `==` to the other side's own __eq__.
        const reflected = (other as { equals?: unknown } | null)?.equals;
        return typeof reflected === "function" ? Boolean(reflected.call(other, this)) : false;
      }
      try {
        if (view.released) return false;
        view.#rowOrRefuse();
        this.#rowOrRefuse();
        if (view.#shape.length !== this.#shape.length || view.#shape[0] !== this.#shape[0]) return false;
        let a: unknown;
        let b: unknown;
        try {
          a = this.tolist();
          b = view.tolist();
        } catch {
          return false;
        }
        if (this.#shape.length === 0) return sameValue(a, b, defects);
        return (a as unknown[]).every((x, k) => sameValue(x, (b as unknown[])[k], defects));
      } finally {
        if (!own) view.release();
      }
    }

    hash(): number {
      this.#check();
      if (!this.#readonly) throw new ValueError("cannot hash writable memoryview object");
      if (!["B", "b", "c"].includes(this.#fmt())) {
        throw new ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
      }
      // hash(obj) first: the bytes type has one, the bytearray type none.
      const obj = this.obj;
      if (obj instanceof ByteString && typeof (obj as { hash?: unknown }).hash !== "function") {
        throw new TypeError("unhashable type: 'bytearray'");
      }
      return hashBytes(this.tobytes());
    }

    toString(): string {
      return `<${this.released ? "released " : ""}memory at 0x${this.#id.toString(16)}>`;
    }

    [GET](flags: number): Info {
      this.#check();
      const c = this.#contiguous();
      const fail = (what: string) => new BufferError(`memoryview: underlying buffer ${what}`);
      if (flags & 0x1 && this.#readonly && !defects.has("getbuffer-ignores-writable")) throw fail("is not writable");
      if ((flags & 0x38) === 0x38 && !c) throw fail("is not C-contiguous");
      if ((flags & 0x58) === 0x58 && !c) throw fail("is not Fortran contiguous");
      if ((flags & 0x98) === 0x98 && !c) throw fail("is not contiguous");
      const info: Info = {
        obj: this,
        buf: this.#snap.info.buf,
        offset: this.#offset,
        len: this.#count() * this.#itemsize,
        readonly: this.#readonly,
        itemsize: this.#itemsize,
        format: flags & 0x4 ? this.#format : null,
        ndim: this.#shape.length,
        shape: [...this.#shape],
        strides: this.#shape.length ? [this.#stride] : [],
        suboffsets: null,
      };
      if ((flags & 0x18) !== 0x18) {
        if (!c) throw fail("is not C-contiguous");
        info.strides = null;
      }
      if ((flags & 0x8) !== 0x8) {
        if (info.format !== null) {
          throw new BufferError("memoryview: cannot cast to unsigned bytes if the format flag is present");
        }
        info.ndim = 1;
        info.shape = null;
      }
      this.#exports++;
      return info;
    }

    [RELEASE](_info: Info): void {
      this.#exports--;
    }
  }

  return IndependentMemoryview;
}

const isInt = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x);
const isIntList = (x: unknown): boolean => x === null || (Array.isArray(x) && x.every(isInt));

function isMemory(x: unknown): boolean {
  return x instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && x instanceof SharedArrayBuffer);
}

function validate(info: Info): void {
  if (!info || typeof info !== "object") throw new BufferError("exporter returned no buffer");
  // Field types first: a malformed answer is refused before anything is computed from it.
  if (!isMemory(info.buf)) throw new BufferError("buf is not an ArrayBuffer");
  if (info.format !== null && typeof info.format !== "string") throw new BufferError("format is not a string");
  if (!isInt(info.ndim) || info.ndim < 0) throw new BufferError("bad ndim");
  if (!isInt(info.offset) || !isInt(info.len) || info.len < 0) throw new BufferError("bad offset or len");
  if (!isIntList(info.shape) || !isIntList(info.strides) || !isIntList(info.suboffsets)) {
    throw new BufferError("shape, strides and suboffsets must be null or lists of integers");
  }
  if (info.suboffsets?.some((s) => s >= 0)) {
    throw new NotImplementedError("this memoryview does not follow suboffsets");
  }
  if (info.ndim > 1) throw new NotImplementedError("this memoryview handles at most one dimension");
  if (!Number.isInteger(info.itemsize) || info.itemsize <= 0) throw new BufferError("itemsize must be positive");
  const format = info.format ?? "B";
  const plain = format.startsWith("@") ? format.slice(1) : format;
  const row = plain.length === 1 ? NATIVE[plain] : undefined;
  if (row && row.size !== info.itemsize) throw new BufferError("itemsize does not match the format");
  const shape = info.shape ?? (info.ndim === 0 ? [] : [info.len / info.itemsize]);
  if (shape.length !== info.ndim) throw new BufferError("shape does not have ndim entries");
  const n = info.ndim === 0 ? 1 : (shape[0] as number);
  if (!Number.isInteger(n) || n < 0) throw new BufferError("bad shape");
  if (info.len !== (info.ndim === 0 ? 1 : n) * info.itemsize) throw new BufferError("len is not product(shape) * itemsize");
  const stride = info.strides ? info.strides[0] : info.itemsize;
  if (info.ndim === 1 && (info.strides ? info.strides.length !== 1 : false))
    throw new BufferError("strides do not have ndim entries");
  if (n > 0) {
    const a = info.offset;
    const b = info.offset + (n - 1) * (info.ndim === 0 ? 0 : (stride as number));
    if (Math.min(a, b) < 0 || Math.max(a, b) + info.itemsize > info.buf.byteLength) {
      throw new BufferError("the exported structure reaches outside its buffer");
    }
  }
}

/** Python's `bool(value)` for the values a JavaScript caller passes. */
function pythonTruth(value: unknown): boolean {
  if (typeof value === "number") return value !== 0; // NaN is true, as in Python
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "string" || Array.isArray(value)) return value.length !== 0;
  if (value instanceof Uint8Array || value instanceof ByteString) return value.length !== 0;
  if (value instanceof Map || value instanceof Set) return value.size !== 0;
  if (value === null || value === undefined) return false;
  return typeof value === "boolean" ? value : true;
}

function containsNaN(value: unknown, defects: Defects): boolean {
  if (defects.has("nan-equal")) return false;
  if (Array.isArray(value)) return value.some((v) => containsNaN(v, defects));
  return typeof value === "number" && Number.isNaN(value);
}

/** Python's == on items of native formats. */
function sameValue(a: unknown, b: unknown, defects: Defects): boolean {
  if (defects.has("nan-equal") && typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b))
    return true;
  const num = (v: unknown) => (typeof v === "boolean" ? Number(v) : v);
  const x = num(a);
  const y = num(b);
  if (typeof x === "number" && typeof y === "number") return x === y;
  if (typeof x === "bigint" && typeof y === "bigint") return x === y;
  if (typeof x === "bigint" && typeof y === "number") return Number.isInteger(y) && BigInt(y) === x;
  if (typeof x === "number" && typeof y === "bigint") return Number.isInteger(x) && BigInt(x) === y;
  if (x instanceof Uint8Array && y instanceof Uint8Array) return x.length === y.length && x.every((v, k) => v === y[k]);
  return false;
}
