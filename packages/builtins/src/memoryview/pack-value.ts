/**
 * Writing one value the way CPython's memoryview does (`pack_single` and
 * `fix_error_int` in `Objects/memoryobject.c`), on top of `@mv/core`'s
 * writes, which pack through the struct codec and already turn its refusals
 * into memoryview's TypeError or ValueError (by the codec error's kind).
 *
 * The value is made what the codec takes before the write, never retried:
 * - `f` takes any double, rounding out-of-range ones to ±inf as C's cast
 *   does (struct, and so core, refuses them);
 * - `P` takes negative integers down to -2**63 (`PyLong_AsVoidPtr`);
 * - `c`, and `s`/`p` fields of other formats, take this package's `bytes`;
 * and a refusal quotes a native format without its `@`, as `adjust_fmt`
 * leaves it (core quotes the format whole).
 *
 * @packageDocumentation
 */
import { ValueError, packRefusal } from "@mv/core";
import { bytesContent, isPyBytes } from "../bytes/bytes-brand.js";
import { isIndex } from "../python/as-index.js";

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

/**
 * `value` as the codec must take it for memoryview's `f` and `P`, which
 * accept more than struct does: under a native `f`, a finite double beyond
 * the float range becomes ±inf (C's `(float)` cast, where struct refuses);
 * under a native `P`, a negative integer down to -2**63 becomes its 64-bit
 * two's complement (`PyLong_AsVoidPtr`). Anything else is unchanged, so the
 * codec refuses it as it would.
 *
 * @example
 * ```ts
 * [nativeValue("f", 1e300), nativeValue("f", 1.5)]; // returns [Infinity, 1.5]
 * ```
 * @example
 * ```ts
 * [nativeValue("@P", -1), nativeValue("P", 7)]; // returns [18446744073709551615n, 7]
 * ```
 */
export function nativeValue(format: string, value: unknown): unknown {
  const native = nativeChar(format);
  if (native === "f" && isNumeric(value)) {
    const double = Number(value);
    return Number.isFinite(double) ? Math.fround(double) : value;
  }
  if (native === "P" && isIndex(value)) {
    const big = BigInt(value);
    if (big < 0n && big >= -(2n ** 63n)) return BigInt.asUintN(64, big);
  }
  return value;
}

/**
 * Writes `value` with `write` as CPython's memoryview does: the value made
 * what the codec takes ({@link codecValue}, {@link nativeValue}), and a
 * refusal worded with the native format without its `@`.
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
 * @example
 * ```ts
 * const v = MemoryView.from(new Uint8Array(1)).cast("@B");
 * packValue("@B", (x) => v.set(0, x), 1.5); // throws TypeError "memoryview: invalid type for format 'B'"
 * ```
 */
export function packValue(format: string, write: (value: unknown) => void, value: unknown): void {
  value = nativeValue(format, codecValue(format, value));
  const native = format.charCodeAt(0) === 64 ? nativeChar(format) : null;
  if (native === null) {
    write(value);
    return;
  }
  try {
    write(value);
  } catch (error) {
    // adjust_fmt: core quotes '@B' whole, memoryview quotes 'B'.
    const refusal = packRefusal(error);
    if (refusal === null) throw error;
    const cause = (error as Error).cause;
    throw refusal === "type"
      ? new TypeError(`memoryview: invalid type for format '${native}'`, { cause })
      : new ValueError(`memoryview: invalid value for format '${native}'`, { cause });
  }
}
