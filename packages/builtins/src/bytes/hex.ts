/**
 * `bytes.hex(sep, bytes_per_sep)`, shared by `bytes`, `bytearray` and any
 * other byte sequence: CPython's `_Py_strhex_with_sep` (`Python/pystrhex.c`).
 *
 * @packageDocumentation
 */
import { ValueError, pythonTypeName } from "@mv/core";
import { asCInt } from "../python/c-int.js";
import { bytesContent, isPyBytes } from "./bytes-brand.js";

const HEX = "0123456789abcdef";

function lengthOf(value: unknown): number {
  if (typeof value === "string") return [...value].length;
  if (typeof value === "object" && value !== null) {
    const length = (value as { length?: unknown }).length;
    if (typeof length === "number") return length;
  }
  throw new TypeError(`object of type '${pythonTypeName(value)}' has no len()`);
}

function separatorChar(sep: unknown): string {
  if (lengthOf(sep) !== 1) throw new ValueError("sep must be length 1.");
  let code: number;
  if (typeof sep === "string") {
    code = sep.codePointAt(0) as number;
    // A str of a kind wider than one byte is refused before the ASCII check.
    if (code > 0xff) throw new ValueError("sep must be ASCII.");
  } else if (isPyBytes(sep)) {
    // Only Python's `bytes` qualifies, not bytearray or other buffers.
    code = bytesContent(sep)![0]!;
  } else if (sep instanceof Uint8Array) {
    // A plain Uint8Array is the contract's byte string, Python's `bytes`.
    code = sep[0]!;
  } else {
    throw new TypeError("sep must be str or bytes.");
  }
  if (code > 127) throw new ValueError("sep must be ASCII.");
  return String.fromCharCode(code);
}

/**
 * The hexadecimal text of `data`, optionally split into groups.
 *
 * @param data - the bytes
 * @param sep - a one-character string or one-byte `bytes` (or `Uint8Array`) between groups;
 *   `undefined` for none (an explicit None, `null`, is refused as CPython
 *   refuses it: "object of type 'NoneType' has no len()")
 * @param bytesPerSep - the group size: positive counts groups from the
 *   right, negative from the left (default 1)
 *
 * @example
 * ```ts
 * strhex(new Uint8Array([0xb9, 0x01, 0xef])); // returns "b901ef"
 * strhex(new Uint8Array([0xb9, 0x01, 0xef]), ":", 2); // returns "b9:01ef"
 * strhex(new Uint8Array([0xb9, 0x01, 0xef]), ":", -2); // returns "b901:ef"
 * strhex(new Uint8Array([1]), "::"); // throws ValueError "sep must be length 1."
 * strhex(new Uint8Array([1]), null); // throws TypeError "object of type 'NoneType' has no len()"
 * ```
 */
export function strhex(data: Uint8Array, sep?: unknown, bytesPerSep: unknown = 1): string {
  let group = asCInt(bytesPerSep);
  let sepChar = "";
  if (sep !== undefined) sepChar = separatorChar(sep);
  else group = 0;

  const n = data.length;
  const size = Math.abs(group);
  let out = "";
  for (let i = 0; i < n; i++) {
    if (group !== 0 && i > 0) {
      // group > 0 counts from the right end, group < 0 from the left.
      const boundary = group > 0 ? (n - i) % size === 0 : i % size === 0;
      if (boundary) out += sepChar;
    }
    const c = data[i]!;
    out += HEX[c >> 4]! + HEX[c & 15]!;
  }
  return out;
}
