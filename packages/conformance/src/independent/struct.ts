/**
 * The independent implementation's `struct` module: flat formats with byte
 * order prefixes, repeat counts and CPython's native alignment.
 *
 * @packageDocumentation
 */

import { NATIVE, STANDARD, type Row } from "./codec.js";
import type { Defects } from "./defects.js";
import { StructError, UnicodeEncodeError, allocate } from "./errors.js";
import { bytesOf, writableBytesOf } from "./memory.js";

interface Code {
  readonly char: string;
  readonly row: Row;
  readonly offset: number;
  /** Byte length for s and p; 1 otherwise. */
  readonly length: number;
}

interface Compiled {
  readonly format: string;
  readonly size: number;
  readonly little: boolean;
  readonly codes: readonly Code[];
}

/** How Python's repr of a UnicodeEncodeError shows one code point. */
function showCodePoint(cp: number): string {
  const hex = cp.toString(16);
  if (cp < 0x100) return `\\x${hex.padStart(2, "0")}`;
  return cp < 0x10000 ? `\\u${hex.padStart(4, "0")}` : `\\U${hex.padStart(8, "0")}`;
}

/** `format.encode("ascii")`: the first run of non-ASCII code points is named. */
function assertAscii(format: string): void {
  const cps = [...format].map((ch) => ch.codePointAt(0) as number);
  const first = cps.findIndex((cp) => cp > 127);
  if (first < 0) return;
  let last = first;
  while (last + 1 < cps.length && (cps[last + 1] as number) > 127) last++;
  const where =
    last === first
      ? `character '${showCodePoint(cps[first] as number)}' in position ${first}`
      : `characters in position ${first}-${last}`;
  throw new UnicodeEncodeError(`'ascii' codec can't encode ${where}: ordinal not in range(128)`);
}

function compile(format: unknown, defects: Defects): Compiled {
  if (typeof format !== "string") {
    throw new TypeError(`Struct() argument 1 must be a str or bytes object, not ${typeof format}`);
  }
  assertAscii(format);
  if (format.includes("\0")) throw new StructError("embedded null character");
  let i = 0;
  let table = NATIVE;
  let little = true;
  let native = true;
  const first = format[0];
  if (first !== undefined && "@=<>!".includes(first)) {
    i = 1;
    native = first === "@";
    table = native ? NATIVE : STANDARD;
    little = first === "<" || first === "=" || first === "@" || (defects.has("struct-byte-order") && true);
  }
  const codes: Code[] = [];
  let offset = 0;
  while (i < format.length) {
    let c = format[i++] as string;
    if (/\s/.test(c)) continue;
    let count = 1;
    if (c >= "0" && c <= "9") {
      let digits = c;
      while (i < format.length && (format[i] as string) >= "0" && (format[i] as string) <= "9") digits += format[i++];
      if (i >= format.length) throw new StructError("repeat count given without format specifier");
      c = format[i++] as string;
      count = Number(digits);
    }
    const row = table[c];
    if (!row || (!native && "nNP".includes(c))) throw new StructError("bad char in struct format");
    if (native && row.align > 1 && !defects.has("struct-alignment")) offset = Math.ceil(offset / row.align) * row.align;
    if (c === "s" || c === "p") {
      codes.push({ char: c, row, offset, length: count });
      offset += count;
    } else if (c === "x") {
      // Padding holds no value: measured, not listed, so a huge count costs nothing.
      offset += count * row.size;
    } else {
      for (let k = 0; k < count; k++) {
        codes.push({ char: c, row, offset, length: 1 });
        offset += row.size;
      }
    }
  }
  return { format, size: offset, little, codes };
}

function packCodes(s: Compiled, dv: DataView, at: number, values: readonly unknown[]): void {
  if (values.length !== s.codes.length) {
    throw new StructError(`pack expected ${s.codes.length} items for packing (got ${values.length})`);
  }
  for (let k = 0; k < s.codes.length; k++) {
    const code = s.codes[k] as Code;
    const value = values[k];
    if (code.char === "s" || code.char === "p") {
      if (!(value instanceof Uint8Array)) throw new StructError(`argument for '${code.char}' must be a bytes object`);
      if (code.char === "s") {
        for (let j = 0; j < code.length; j++) dv.setUint8(at + code.offset + j, j < value.length ? (value[j] as number) : 0);
      } else if (code.length > 0) {
        const n = Math.min(value.length, code.length - 1);
        dv.setUint8(at + code.offset, Math.min(n, 255));
        for (let j = 1; j < code.length; j++) dv.setUint8(at + code.offset + j, j - 1 < n ? (value[j - 1] as number) : 0);
      }
      continue;
    }
    code.row.write(dv, at + code.offset, s.little, value, code.char);
  }
}

function unpackCodes(s: Compiled, dv: DataView, at: number, defects: Defects): unknown[] {
  return s.codes.map((code) => {
    const p = at + code.offset;
    if (code.char === "s") return new Uint8Array(dv.buffer.slice(dv.byteOffset + p, dv.byteOffset + p + code.length));
    if (code.char === "p") {
      if (code.length === 0) return new Uint8Array(0);
      const n = Math.min(dv.getUint8(p), code.length - 1);
      return new Uint8Array(dv.buffer.slice(dv.byteOffset + p + 1, dv.byteOffset + p + 1 + n));
    }
    return code.row.read(dv, p, s.little, defects);
  });
}

/** Builds the struct module, with the given defects switched on. */
export function createStruct(defects: Defects) {
  const cache = new Map<string, Compiled>();
  const get = (format: unknown): Compiled => {
    const hit = typeof format === "string" ? cache.get(format) : undefined;
    if (hit) return hit;
    const s = compile(format, defects);
    if (cache.size > 200) cache.clear();
    cache.set(s.format, s);
    return s;
  };
  const pack = (s: Compiled, values: readonly unknown[]): Uint8Array => {
    const out = allocate(s.size);
    packCodes(s, new DataView(out.buffer), 0, values);
    return out;
  };
  const unpack = (s: Compiled, source: unknown): unknown[] => {
    const bytes = bytesOf(source);
    if (bytes.length !== s.size) throw new StructError(`unpack requires a buffer of ${s.size} bytes`);
    return unpackCodes(s, new DataView(bytes.buffer, bytes.byteOffset, bytes.length), 0, defects);
  };
  const packInto = (s: Compiled, target: unknown, offset: number, values: readonly unknown[]): void => {
    const bytes = writableBytesOf(target);
    let at = offset;
    if (at < 0) {
      if (at + s.size > 0) throw new StructError(`no space to pack ${s.size} bytes at offset ${at}`);
      if (at + bytes.length < 0) throw new StructError(`offset ${at} out of range for ${bytes.length}-byte buffer`);
      at += bytes.length;
    }
    if (bytes.length - at < s.size) {
      throw new StructError(
        `pack_into requires a buffer of at least ${s.size + at} bytes for packing ${s.size} bytes at offset ${at} (actual buffer size is ${bytes.length})`,
      );
    }
    const scratch = pack(s, values);
    bytes.set(scratch, at);
  };
  const unpackFrom = (s: Compiled, source: unknown, offset = 0): unknown[] => {
    const bytes = bytesOf(source);
    let at = offset;
    if (at < 0) {
      if (at + bytes.length < 0) throw new StructError(`offset ${at} out of range for ${bytes.length}-byte buffer`);
      at += bytes.length;
    }
    if (bytes.length - at < s.size) {
      throw new StructError(
        `unpack_from requires a buffer of at least ${s.size + at} bytes for unpacking ${s.size} bytes at offset ${at} (actual buffer size is ${bytes.length})`,
      );
    }
    return unpackCodes(s, new DataView(bytes.buffer, bytes.byteOffset, bytes.length), at, defects);
  };
  function* iterUnpack(s: Compiled, source: unknown): Generator<unknown[]> {
    const bytes = bytesOf(source);
    for (let at = 0; at < bytes.length; at += s.size) {
      yield unpackCodes(s, new DataView(bytes.buffer, bytes.byteOffset, bytes.length), at, defects);
    }
  }
  const checkIter = (s: Compiled, source: unknown): void => {
    if (s.size === 0) throw new StructError("cannot iteratively unpack with a struct of length 0");
    if (bytesOf(source).length % s.size !== 0) {
      throw new StructError(`iterative unpacking requires a buffer of a multiple of ${s.size} bytes`);
    }
  };

  class Struct {
    readonly #s: Compiled;
    constructor(format: string) {
      this.#s = get(format);
    }
    get format(): string {
      return this.#s.format;
    }
    get size(): number {
      return this.#s.size;
    }
    pack(...values: unknown[]) {
      return pack(this.#s, values);
    }
    unpack(source: unknown) {
      return unpack(this.#s, source);
    }
    packInto(target: unknown, offset: number, ...values: unknown[]) {
      packInto(this.#s, target, offset, values);
    }
    unpackFrom(source: unknown, offset = 0) {
      return unpackFrom(this.#s, source, offset);
    }
    iterUnpack(source: unknown) {
      checkIter(this.#s, source);
      return iterUnpack(this.#s, source);
    }
  }

  return {
    calcsize: (format: string) => get(format).size,
    pack: (format: string, ...values: unknown[]) => pack(get(format), values),
    unpack: (format: string, source: unknown) => unpack(get(format), source),
    packInto: (format: string, target: unknown, offset: number, ...values: unknown[]) =>
      packInto(get(format), target, offset, values),
    unpackFrom: (format: string, source: unknown, offset = 0) => unpackFrom(get(format), source, offset),
    iterUnpack: (format: string, source: unknown) => {
      const s = get(format);
      checkIter(s, source);
      return iterUnpack(s, source);
    },
    Struct,
  };
}
