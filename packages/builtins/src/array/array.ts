/**
 * Python's `array.array`: a typed, resizable sequence of C values and a
 * writable exporter (`Modules/arraymodule.c`, CPython 3.14).
 *
 * Memory is native-endian C items in a {@link ResizableBytes}; exports
 * carry the item size and, when asked, the format (the type code; `"w"` for
 * `u`). A change of length while any export is live throws `BufferError`
 * with the message of SPEC §4.2 ("Existing exports of data: object cannot be
 * re-sized"; CPython's array says "cannot resize an array that is exporting
 * buffers"), before anything is modified.
 *
 * @packageDocumentation
 */
import {
  BufferFlags,
  GET_BUFFER,
  IndexError,
  RELEASE_BUFFER,
  ValueError,
  getBuffer,
  isBufferExporter,
  pythonTypeName,
  releaseBuffer,
  type BufferInfo,
} from "@mv/core";
import { asSsize, asSsizeArg, isIndex, PY_SSIZE_T_MAX } from "../python/as-index.js";
import { callableClass } from "../python/callable-class.js";
import { pyFloatRepr } from "../python/float-repr.js";
import { NotImplemented, RICH_EQ, richEquals } from "../python/rich-equals.js";
import { isSliceLike, sliceIndices, type SliceLike, unpackSlice } from "../python/slice-indices.js";
import { pyStrRepr } from "../python/str-repr.js";
import { valueEquals } from "../python/value-equals.js";
import { bufferBytes } from "../protocol/buffer-bytes.js";
import { ResizableBytes } from "../storage/resizable-bytes.js";
import { isPyBytes } from "../bytes/bytes-brand.js";
import { ByteArray } from "../bytearray/bytearray.js";
import { arrayGrowth } from "./growth.js";
import { typecodeRow, type ArrayItem, type Typecode } from "./typecodes.js";

const BAD_TYPECODE = "bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)";

// Argument Clinic's slice_index(accept={int}) converter, as index() takes
// its bounds: an integer, clipped to a Py_ssize_t; None is not accepted.
function sliceIndexArg(value: unknown): number {
  if (!isIndex(value)) throw new TypeError("slice indices must be integers or have an __index__ method");
  return asSsize(value);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null && value !== undefined && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}

/**
 * The instances `array(...)` returns (create them with `array`).
 *
 * @example
 * ```ts
 * array("b") instanceof PyArray; // returns true
 * ```
 */
export class PyArray implements Iterable<ArrayItem> {
  /** The Python type name (`tp_name`), for error messages. */
  static readonly pythonName = "array.array";
  readonly #row: Typecode;
  readonly #store: ResizableBytes;

  /** @internal Use `array(typecode, initializer)`. */
  constructor(row: Typecode, length = 0) {
    this.#row = row;
    const bytes = length * row.itemsize;
    this.#store = new ResizableBytes(bytes, arrayGrowth(row.itemsize), bytes);
  }

  /** `a.typecode`. */
  get typecode(): string {
    return this.#row.code;
  }

  /** `a.itemsize`: bytes per item. */
  get itemsize(): number {
    return this.#row.itemsize;
  }

  /** `len(a)`. */
  get length(): number {
    return this.#store.size / this.#row.itemsize;
  }

  #read(i: number): ArrayItem {
    return this.#row.read(this.#store.dataView, i * this.#row.itemsize);
  }

  #write(i: number, converted: number | bigint): void {
    this.#row.write(this.#store.dataView, i * this.#row.itemsize, converted);
  }

  #resizeItems(n: number): void {
    this.#store.resize(n * this.#row.itemsize);
  }

  // ins1: the value is converted (and checked) before the array grows.
  #insertOne(where: number, value: unknown): void {
    const converted = this.#row.convert(value);
    const n = this.length;
    this.#resizeItems(n + 1);
    if (where < 0) {
      where += n;
      if (where < 0) where = 0;
    }
    if (where > n) where = n;
    const size = this.#row.itemsize;
    const bytes = this.#store.bytes();
    bytes.copyWithin((where + 1) * size, where * size, n * size);
    this.#write(where, converted);
  }

  #sliceOf(slice: SliceLike): PyArray {
    // Unpacked before the length is read: a bound's getter may resize this.
    const unpacked = unpackSlice(slice);
    const { start, step, length } = sliceIndices(this.length, unpacked);
    const out = new PyArray(this.#row, length);
    const size = this.#row.itemsize;
    const from = this.#store.bytes();
    const to = out.#store.bytes();
    if (step === 1) {
      to.set(from.subarray(start * size, (start + length) * size));
    } else {
      for (let i = 0, cur = start; i < length; i++, cur += step) {
        to.set(from.subarray(cur * size, (cur + 1) * size), i * size);
      }
    }
    return out;
  }

  /**
   * `a[key]`: the item at an index, or a new array for a slice.
   */
  get(key: number | bigint | SliceLike): ArrayItem | PyArray {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      if (i < 0) i += this.length;
      if (i < 0 || i >= this.length) throw new IndexError("array index out of range");
      return this.#read(i);
    }
    if (isSliceLike(key)) return this.#sliceOf(key);
    throw new TypeError("array indices must be integers");
  }

  /** `a[start:stop:step]` as a new array; null or undefined is None. */
  slice(start?: number | bigint | null, stop?: number | bigint | null, step?: number | bigint | null): PyArray {
    return this.#sliceOf({ start, stop, step });
  }

  /**
   * `a[key] = value`: an item at an index; for a slice, `value` must be an
   * array of the same type code (a plain slice may change the length).
   */
  set(key: number | bigint | SliceLike, value: unknown): void {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      if (i < 0) i += this.length;
      if (i < 0 || i >= this.length) throw new IndexError("array assignment index out of range");
      this.#write(i, this.#row.convert(value));
      return;
    }
    if (!isSliceLike(key)) throw new TypeError("array indices must be integers");
    // The slice is unpacked (its bounds read, once) before the value is
    // checked, as array_ass_subscr does.
    key = unpackSlice(key);
    if (!(value instanceof PyArray)) {
      throw new TypeError(`can only assign array (not "${pythonTypeName(value)}") to array slice`);
    }
    if (value.#row !== this.#row) throw new TypeError("bad argument type for built-in operation");
    // #assignSlice copies the source before it resizes, so `a[i:j] = a` needs no copy here.
    this.#assignSlice(key, value);
  }

  /** `del a[key]`. */
  delete(key: number | bigint | SliceLike): void {
    if (isIndex(key)) {
      let i = asSsize(key, IndexError);
      if (i < 0) i += this.length;
      if (i < 0 || i >= this.length) throw new IndexError("array assignment index out of range");
      this.#assignSlice({ start: i, stop: i + 1 }, null);
      return;
    }
    if (!isSliceLike(key)) throw new TypeError("array indices must be integers");
    this.#assignSlice(key, null);
  }

  // array_ass_subscr's slice branch; `other` null deletes.
  #assignSlice(key: SliceLike, other: PyArray | null): void {
    // Unpacked before the length is read: a bound's getter may resize this.
    const unpacked = unpackSlice(key);
    const indices = sliceIndices(this.length, unpacked);
    const { start, stop, step, length: slicelength } = indices;
    const needed = other === null ? 0 : other.length;
    // Issue #4509: fail early when the length would change under an export.
    if (needed === 0 || slicelength !== needed) this.#store.exports.assertResizable();
    const size = this.#row.itemsize;
    const source = other === null ? new Uint8Array(0) : other.#store.bytes().slice();
    if (step === 1) {
      const bytes = this.#store.bytes();
      // for 'a[2:1] = ...', the insertion point is 'start', not 'stop'
      const tail = bytes.slice(Math.max(start, stop) * size);
      this.#resizeItems(this.length + needed - slicelength);
      const now = this.#store.bytes();
      now.set(tail, (start + needed) * size);
      now.set(source, start * size);
      return;
    }
    if (needed === 0) {
      const gone = new Set<number>();
      for (let i = 0, cur = start; i < slicelength; i++, cur += step) gone.add(cur);
      const bytes = this.#store.bytes();
      const kept: Uint8Array[] = [];
      for (let i = 0; i < this.length; i++) {
        if (!gone.has(i)) kept.push(bytes.slice(i * size, (i + 1) * size));
      }
      this.#resizeItems(kept.length);
      const now = this.#store.bytes();
      kept.forEach((item, i) => {
        now.set(item, i * size);
      });
      return;
    }
    if (needed !== slicelength) {
      throw new ValueError(`attempt to assign array of size ${needed} to extended slice of size ${slicelength}`);
    }
    const bytes = this.#store.bytes();
    for (let i = 0, cur = start; i < slicelength; i++, cur += step) {
      bytes.set(source.subarray(i * size, (i + 1) * size), cur * size);
    }
  }

  /** `a.append(v)`. */
  append(value: unknown): void {
    this.#insertOne(this.length, value);
  }

  /**
   * `a.extend(iterable)`: an array of the same type code, or the items of
   * any iterable appended one by one (items before a bad one stay).
   */
  extend(iterable: unknown): void {
    if (iterable instanceof PyArray) {
      if (iterable.#row !== this.#row) throw new TypeError("can only extend with array of same kind");
      const source = iterable.#store.bytes().slice();
      const n = this.length;
      this.#resizeItems(n + source.length / this.#row.itemsize);
      this.#store.bytes().set(source, n * this.#row.itemsize);
      return;
    }
    if (!isIterable(iterable)) {
      throw new TypeError(`'${pythonTypeName(iterable)}' object is not iterable`);
    }
    for (const item of iterable) this.#insertOne(this.length, item);
  }

  /** `a.insert(i, v)`: before position `i` (clamped). */
  insert(index: number | bigint, value: unknown): void {
    this.#insertOne(asSsizeArg(index), value);
  }

  /** `a.pop(i=-1)`: removes and returns an item. */
  pop(index: number | bigint = -1): ArrayItem {
    let i = asSsizeArg(index);
    const n = this.length;
    if (n === 0) throw new IndexError("pop from empty array");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw new IndexError("pop index out of range");
    const value = this.#read(i);
    this.#assignSlice({ start: i, stop: i + 1 }, null);
    return value;
  }

  /** `a.remove(v)`: deletes the first item equal to `v`. */
  remove(value: unknown): void {
    for (let i = 0; i < this.length; i++) {
      if (valueEquals(this.#read(i), value)) {
        this.#assignSlice({ start: i, stop: i + 1 }, null);
        return;
      }
    }
    throw new ValueError("array.remove(x): x not in array");
  }

  /** `a.index(v, start=0, stop=sys.maxsize)`. */
  index(value: unknown, start: number | bigint = 0, stop: number | bigint = PY_SSIZE_T_MAX): number {
    let from = sliceIndexArg(start);
    let to = sliceIndexArg(stop);
    if (from < 0) {
      from += this.length;
      if (from < 0) from = 0;
    }
    if (to < 0) to += this.length;
    for (let i = from; i < to && i < this.length; i++) {
      if (valueEquals(this.#read(i), value)) return i;
    }
    throw new ValueError("array.index(x): x not in array");
  }

  /** `a.count(v)`. */
  count(value: unknown): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (valueEquals(this.#read(i), value)) n++;
    return n;
  }

  /** `a.reverse()`: in place. */
  reverse(): void {
    const size = this.#row.itemsize;
    const bytes = this.#store.bytes();
    for (let p = 0, q = this.length - 1; p < q; p++, q--) {
      const tmp = bytes.slice(p * size, (p + 1) * size);
      bytes.copyWithin(p * size, q * size, (q + 1) * size);
      bytes.set(tmp, q * size);
    }
  }

  /** `a.byteswap()`: reverses the bytes of every item, in place. */
  byteswap(): void {
    const size = this.#row.itemsize;
    if (size === 1) return;
    const bytes = this.#store.bytes();
    for (let p = 0; p < bytes.length; p += size) bytes.subarray(p, p + size).reverse();
  }

  /** `a.clear()`. */
  clear(): void {
    this.#resizeItems(0);
  }

  /** `a.tobytes()`: a copy of the machine values. */
  tobytes(): Uint8Array {
    return this.#store.bytes().slice();
  }

  /**
   * `a.frombytes(buffer)`: appends machine values from any contiguous
   * exporter of single bytes.
   */
  frombytes(buffer: unknown): void {
    if (!isBufferExporter(buffer)) {
      throw new TypeError(`a bytes-like object is required, not '${pythonTypeName(buffer)}'`);
    }
    const info = getBuffer(buffer, BufferFlags.SIMPLE);
    try {
      if (info.itemsize !== 1) throw new TypeError("a bytes-like object is required");
      const size = this.#row.itemsize;
      if (info.len % size !== 0) throw new ValueError("bytes length not a multiple of item size");
      if (info.len > 0) {
        const data = bufferBytes(info).slice();
        const n = this.length;
        this.#resizeItems(n + info.len / size);
        this.#store.bytes().set(data, n * size);
      }
    } finally {
      releaseBuffer(info);
    }
  }

  /** `a.tolist()`: the items (8-byte integers as bigints). */
  tolist(): ArrayItem[] {
    const out: ArrayItem[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.#read(i));
    return out;
  }

  /** `a.fromlist(list)`: appends the items of a JS array, all or none. */
  fromlist(list: unknown): void {
    if (!Array.isArray(list)) throw new TypeError("arg must be list");
    // CPython grows the array first, then converts (rolling back on error).
    if (list.length > 0) this.#store.exports.assertResizable();
    const converted = list.map((v) => this.#row.convert(v));
    const n = this.length;
    this.#resizeItems(n + converted.length);
    converted.forEach((x, i) => {
      this.#write(n + i, x);
    });
  }

  /** `a.tounicode()`: the code points of a `u` or `w` array as a string. */
  tounicode(): string {
    if (this.#row.kind !== "unicode") {
      throw new ValueError("tounicode() may only be called on unicode type arrays ('u' or 'w')");
    }
    return (this.tolist() as string[]).join("");
  }

  /** `a.fromunicode(s)`: appends the code points of `s` to a `u` or `w` array. */
  fromunicode(ustr: unknown): void {
    if (typeof ustr !== "string") {
      throw new TypeError(`fromunicode() argument must be str, not ${pythonTypeName(ustr)}`);
    }
    if (this.#row.kind !== "unicode") {
      throw new ValueError("fromunicode() may only be called on unicode type arrays ('u' or 'w')");
    }
    const codes = [...ustr].map((ch) => ch.codePointAt(0) as number);
    const n = this.length;
    this.#resizeItems(n + codes.length);
    codes.forEach((code, i) => {
      this.#write(n + i, code);
    });
  }

  /**
   * `a == other`: another array of equal length whose items compare equal
   * (as values, so NaN differs from itself and type codes may differ).
   * Other objects get Python's reflected comparison.
   */
  equals(other: unknown): boolean {
    return richEquals(this, other);
  }

  /** @internal `array.__eq__`. */
  [RICH_EQ](other: unknown): boolean | typeof NotImplemented {
    if (!(other instanceof PyArray)) return NotImplemented;
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) {
      if (!valueEquals(this.#read(i), other.#read(i))) return false;
    }
    return true;
  }

  /** `repr(a)`: `array('i', [1, 2])`, `array('w', 'ab')`, `array('d')`. */
  toString(): string {
    const code = this.#row.code;
    if (this.length === 0) return `array('${code}')`;
    if (this.#row.kind === "unicode") return `array('${code}', ${pyStrRepr(this.tounicode())})`;
    const items = this.tolist().map((x) => (this.#row.kind === "float" ? pyFloatRepr(x as number) : String(x)));
    return `array('${code}', [${items.join(", ")}])`;
  }

  /**
   * The one-line form Node's `util.inspect` and `console.log` show: the same
   * as `toString()` (a registry symbol, so no Node import is needed).
   *
   * @returns `toString()`
   */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** `iter(a)`: the items, read live. */
  *[Symbol.iterator](): Iterator<ArrayItem> {
    for (let i = 0; i < this.length; i++) yield this.#read(i);
  }

  /**
   * Exports the live items, writable (`array_buffer_getbuf`): `format` only
   * for FORMAT, `shape` only for ND, `strides` only for STRIDES.
   */
  [GET_BUFFER](flags: number): BufferInfo {
    const store = this.#store;
    const row = this.#row;
    const info: BufferInfo = {
      obj: this,
      buf: store.buffer,
      offset: 0,
      len: store.size,
      readonly: false,
      itemsize: row.itemsize,
      format: (flags & BufferFlags.FORMAT) === BufferFlags.FORMAT ? row.format : null,
      ndim: 1,
      shape: (flags & BufferFlags.ND) === BufferFlags.ND ? [this.length] : null,
      strides: (flags & BufferFlags.STRIDES) === BufferFlags.STRIDES ? [row.itemsize] : null,
      suboffsets: null,
    };
    store.exports.add(info);
    return info;
  }

  /** Ends one export. */
  [RELEASE_BUFFER](info: BufferInfo): void {
    this.#store.exports.remove(info);
  }
}

/** A Python `array.array` object. */
export type array = PyArray;

function newArray(typecode: unknown, initializer?: unknown): PyArray {
  if (typecode === undefined) throw new TypeError("array() takes at least 1 argument (0 given)");
  if (typeof typecode !== "string") {
    // getargs names None itself, not its type.
    const what = typecode === null ? "None" : pythonTypeName(typecode);
    throw new TypeError(`array() argument 1 must be a unicode character, not ${what}`);
  }
  const chars = [...typecode];
  if (chars.length !== 1) {
    throw new TypeError(`array() argument 1 must be a unicode character, not a string of length ${chars.length}`);
  }
  const isUnicode = typecode === "u" || typecode === "w";
  if (initializer !== undefined && !isUnicode) {
    if (typeof initializer === "string") {
      throw new TypeError(`cannot use a str to initialize an array with typecode '${typecode}'`);
    }
    if (initializer instanceof PyArray && (initializer.typecode === "u" || initializer.typecode === "w")) {
      throw new TypeError(`cannot use a unicode array to initialize an array with typecode '${typecode}'`);
    }
  }
  const direct =
    initializer === undefined ||
    Array.isArray(initializer) ||
    isPyBytes(initializer) ||
    initializer instanceof ByteArray ||
    (isUnicode && typeof initializer === "string") ||
    (initializer instanceof PyArray && initializer.typecode === typecode);
  if (!direct && !isIterable(initializer)) {
    throw new TypeError(`'${pythonTypeName(initializer)}' object is not iterable`);
  }
  const row = typecodeRow(typecode);
  if (row === undefined) throw new ValueError(BAD_TYPECODE);

  const result = new PyArray(row);
  if (initializer === undefined) return result;
  if (Array.isArray(initializer)) result.fromlist(initializer);
  else if (isPyBytes(initializer) || initializer instanceof ByteArray) result.frombytes(initializer);
  // Without this branch a string is read item by item, which stores the same code points.
  else if (typeof initializer === "string") result.fromunicode(initializer);
  else if (initializer instanceof PyArray && initializer.typecode === typecode) result.extend(initializer);
  // Any other iterable (an array of another type code too) is read item by item.
  else for (const item of initializer as Iterable<unknown>) result.append(item);
  return result;
}

/**
 * Python's `array.array(typecode, initializer?)`: callable with or without
 * `new`.
 *
 * `typecode` is one of `b B u w h H i I l L q Q f d`. The initializer may
 * be a JS array (a list), a `bytes` or `bytearray` (machine values), a
 * string (for `u` and `w`), an array of the same type code, or any
 * iterable of items.
 *
 * @example
 * ```ts
 * const a = array("h", [1, -2]);
 * a.append(300);
 * a.toString(); // returns "array('h', [1, -2, 300])"
 * a.itemsize; // returns 2
 * array("q", [1]).get(0); // returns 1n
 * array("b", [128]); // throws OverflowError "signed char is greater than maximum"
 * ```
 */
export const array = callableClass("array", PyArray, newArray, {
  /** The available type codes, as `array.typecodes`. */
  typecodes: "bBuwhHiIlLqQfd",
});
