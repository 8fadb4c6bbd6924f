/**
 * Writing one value the way CPython's memoryview does (`pack_single` and
 * `fix_error_int` in `Objects/memoryobject.c`), on top of `@mv/core`'s
 * writes, which pack through the struct codec.
 *
 * The two differ only on values the codec refuses, so the write is tried
 * first and this module looks at the value only when it failed:
 * - a value of the wrong type is a `TypeError` "memoryview: invalid type
 *   for format 'X'" (core reports every codec refusal as a value error);
 * - the format is quoted without its `@`, as `adjust_fmt` leaves it;
 * - `f` takes any double, rounding out-of-range ones to ±inf as C's cast
 *   does (struct, and so core, refuses them);
 * - `P` takes negative integers down to -2**63 (`PyLong_AsVoidPtr`);
 * - `c`, and `s`/`p` fields of other formats, take this package's `bytes`.
 *
 * @packageDocumentation
 */
import { ValueError } from "@mv/core";
import { bytesContent, isPyBytes } from "../bytes/bytes-brand.js";
import { isIndex } from "../python/as-index.js";

const INTEGER_CHARS = "bBhHiIlLqQnNP";
const FLOAT_CHARS = "fde";
const NATIVE_CHARS = "cbB?hHiIlLqQnNfdeP";

/**
 * The single native character of `format` (`get_native_fmtchar`: an
 * optional `@` and one of CPython's native codes), or null.
 *
 * @example
 * ```ts
 * [nativeChar("@B"), nativeChar("d"), nativeChar("<d"), nativeChar("2B")]; // returns ["B", "d", null, null]
 * ```
 */
export function nativeChar(format: string): string | null {
  const body = format.charCodeAt(0) === 64 ? format.slice(1) : format;
  return body.length === 1 && NATIVE_CHARS.includes(body) ? body : null;
}

function isNumeric(value: unknown): boolean {
  return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean";
}

function withPlainBytes(value: unknown): unknown {
  if (isPyBytes(value)) return bytesContent(value)!.slice();
  if (Array.isArray(value)) return value.map(withPlainBytes);
  return value;
}

function hasPyBytes(value: unknown): boolean {
  if (isPyBytes(value)) return true;
  return Array.isArray(value) && value.some(hasPyBytes);
}

function pythonTruth(value: object): boolean {
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" ? length !== 0 : true;
}

/**
 * `value` as the codec takes it: this package's `bytes` is SPEC §2's
 * `Uint8Array` (its content, copied); under a `?` format, an object of this
 * package is true or false as in Python (by its length). Anything else is
 * unchanged.
 *
 * @example
 * ```ts
 * codecValue("c", bytes([97])); // returns Uint8Array.of(97)
 * ```
 * @example
 * ```ts
 * [codecValue("?", bytearray(0)), codecValue("?", bytearray([1]))]; // returns [false, true]
 * ```
 */
export function codecValue(format: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isPyBytes(value)) return bytesContent(value)!.slice();
  if (Array.isArray(value)) return hasPyBytes(value) ? withPlainBytes(value) : value;
  if (nativeChar(format) === "?") {
    const ctor = (value as { constructor?: { pythonName?: unknown } }).constructor;
    if (ctor !== undefined && typeof ctor.pythonName === "string") return pythonTruth(value);
  }
  return value;
}

function isCodecRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error.name === "ValueError" || error.name === "TypeError") &&
    error.message.startsWith("memoryview: invalid ")
  );
}

/**
 * The code of a format with one field (`h`, `<e`, `=Q`, `3s`, `@B`), or
 * null for several fields.
 *
 * @example
 * ```ts
 * [singleFieldCode("<e"), singleFieldCode("3s"), singleFieldCode("@B"), singleFieldCode("2h")]; // returns ["e", "s", "B", null]
 * ```
 */
export function singleFieldCode(format: string): string | null {
  const body = format.replace(/^[@=<>!]/, "");
  const match = /^(\d*)([a-zA-Z?])$/.exec(body);
  if (match === null) return null;
  const [, count, code] = match;
  if (code === "s" || code === "p") return code;
  return count === "" || count === "1" ? code : null;
}

/**
 * The value to write instead of `value` after core refused it, or throws
 * CPython's error for it.
 *
 * @param format - the view's format
 * @param value - the refused value
 * @param error - what core threw
 * @returns the value CPython would have stored
 * @throws TypeError or ValueError worded as `pack_single`'s; `error` itself
 *   when it is not a refusal of the value
 *
 * @example
 * ```ts
 * retryValue("f", 1e300, new ValueError("memoryview: invalid value for format 'f'")); // returns Infinity
 * ```
 * @example
 * ```ts
 * retryValue("@B", 1.5, new ValueError("memoryview: invalid value for format '@B'")); // throws TypeError "memoryview: invalid type for format 'B'"
 * ```
 */
export function retryValue(format: string, value: unknown, error: unknown): unknown {
  if (!isCodecRefusal(error)) throw error;
  const native = nativeChar(format);
  const char = native ?? singleFieldCode(format);
  if (char === null) {
    // Beyond CPython (several fields): only the bytes of this package differ.
    if (hasPyBytes(value)) return withPlainBytes(value);
    throw error;
  }
  // adjust_fmt quotes a native format without its '@'; other formats (the
  // extension of SPEC §4.1) are quoted whole, as core does.
  const shown = native ?? format;
  const typeError = new TypeError(`memoryview: invalid type for format '${shown}'`);
  const valueError = new ValueError(`memoryview: invalid value for format '${shown}'`);
  if (INTEGER_CHARS.includes(char)) {
    if (!isIndex(value)) throw typeError;
    if (native === "P") {
      const big = BigInt(value);
      if (big < 0n && big >= -(2n ** 63n)) return BigInt.asUintN(64, big);
    }
    throw valueError;
  }
  if (FLOAT_CHARS.includes(char)) {
    if (!isNumeric(value)) throw typeError;
    if (native === "f") {
      const double = Number(value);
      if (Number.isFinite(double)) return Math.fround(double);
    }
    throw valueError;
  }
  if (char === "c" || char === "s" || char === "p") {
    const data = value instanceof Uint8Array ? value : bytesContent(value);
    if (data === undefined) throw typeError;
    if (char === "c" && data.length !== 1) throw valueError;
    return data.slice();
  }
  throw error;
}

/**
 * Writes `value` with `write`, giving CPython's answer where core's
 * differs ({@link retryValue}); the successful path costs nothing extra.
 *
 * @param format - the view's format
 * @param write - stores one value (core's `set` or `fill`)
 * @param value - the value
 *
 * @example
 * ```ts
 * const a = new Float32Array(1);
 * const v = MemoryView.from(a);
 * packValue("f", (x) => v.set(0, x), -1e300);
 * a[0]; // returns -Infinity
 * ```
 */
export function packValue(format: string, write: (value: unknown) => void, value: unknown): void {
  value = codecValue(format, value);
  try {
    write(value);
  } catch (error) {
    write(retryValue(format, value, error));
  }
}
