/**
 * `memoryview.hex(sep, bytes_per_sep)`: the same text as `bytes.hex`
 * (`_Py_strhex_with_sep`, `Python/pystrhex.c`), whose argument checks it
 * reuses, written for large views: the digits go into one byte array and
 * are decoded to a string at once, instead of growing a string two
 * characters at a time.
 *
 * @packageDocumentation
 */
import { strhex } from "../bytes/hex.js";

const DIGITS = new TextEncoder().encode("0123456789abcdef");
// The digits are ASCII, which every engine decodes from UTF-8 at memcpy speed.
const ascii = new TextDecoder();
// The two digit codes of each byte, as one little-endian 16-bit word, so a
// byte costs one table load and one store; and the four digit codes of each
// 16-bit word, so two bytes cost one load and one store.
const PAIRS = new Uint16Array(256);
for (let b = 0; b < 256; b++) PAIRS[b] = DIGITS[b >> 4]! | (DIGITS[b & 15]! << 8);
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
let quads: Uint32Array | null = null;
// The digits are written into one reused scratch array and decoded from it:
// the string is the only allocation a call keeps (as in CPython, which
// writes into the new str directly).
let scratch = new Uint8Array(0);

const SCRATCH_LIMIT = 1 << 26; // larger outputs get memory of their own, not kept

function digitsArray(byteLength: number): Uint8Array {
  if (byteLength > SCRATCH_LIMIT) return new Uint8Array(byteLength);
  if (scratch.length < byteLength) scratch = new Uint8Array(Math.min(Math.max(byteLength, 2 * scratch.length), SCRATCH_LIMIT));
  return scratch.subarray(0, byteLength);
}

function quadTable(): Uint32Array {
  if (quads === null) {
    quads = new Uint32Array(65536);
    for (let w = 0; w < 65536; w++) quads[w] = PAIRS[w & 255]! | (PAIRS[w >> 8]! << 16);
  }
  return quads;
}

/**
 * The separator character of `sep` as `memoryview.hex` validates it (a
 * one-character ASCII `str`, or a one-byte `bytes`), or "" when it was not
 * given (`undefined`). An explicit None (`null`) is not "no separator":
 * `_Py_strhex_with_sep` takes its length, and fails.
 *
 * @throws ValueError or TypeError with CPython's messages
 *
 * @example
 * ```ts
 * [hexSeparator(":"), hexSeparator(undefined)]; // returns [":", ""]
 * ```
 * @example
 * ```ts
 * hexSeparator(null); // throws TypeError "object of type 'NoneType' has no len()"
 * ```
 * @example
 * ```ts
 * hexSeparator("::"); // throws ValueError "sep must be length 1."
 * ```
 */
export function hexSeparator(sep: unknown): string {
  if (sep === undefined) return "";
  if (sep === null) throw new TypeError("object of type 'NoneType' has no len()");
  // strhex checks the separator exactly as CPython does; two zero bytes
  // show it between them.
  return strhex(Uint8Array.of(0, 0), sep, 1).charAt(2);
}

function plainHex(data: Uint8Array): string {
  const n = data.length;
  const out = digitsArray(2 * n);
  if (LITTLE_ENDIAN && n >= 4096 && (data.byteOffset & 1) === 0) {
    const table = quadTable();
    const half = n >> 1;
    const source = new Uint16Array(data.buffer, data.byteOffset, half);
    const target = new Uint32Array(out.buffer, 0, half);
    for (let i = 0; i < half; i++) target[i] = table[source[i]!]!;
    if (n & 1) {
      const b = data[n - 1]!;
      out[2 * n - 2] = DIGITS[b >> 4]!;
      out[2 * n - 1] = DIGITS[b & 15]!;
    }
  } else if (LITTLE_ENDIAN) {
    const words = new Uint16Array(out.buffer, 0, n);
    for (let i = 0; i < n; i++) words[i] = PAIRS[data[i]!]!;
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 2) {
      const b = data[i]!;
      out[j] = DIGITS[b >> 4]!;
      out[j + 1] = DIGITS[b & 15]!;
    }
  }
  return ascii.decode(out);
}

/**
 * The hexadecimal text of `data` with `sepChar` between groups of
 * `|group|` bytes, counted from the right when `group > 0` and from the
 * left when it is negative (no separator for "" or group 0).
 *
 * @param data - the bytes
 * @param sepChar - one ASCII character, or ""
 * @param group - `bytes_per_sep`
 *
 * @example
 * ```ts
 * hexText(Uint8Array.of(0xb9, 0x01, 0xef), "", 1); // returns "b901ef"
 * ```
 * @example
 * ```ts
 * hexText(Uint8Array.of(0xb9, 0x01, 0xef), ":", 2); // returns "b9:01ef"
 * ```
 * @example
 * ```ts
 * hexText(Uint8Array.of(0xb9, 0x01, 0xef), ":", -2); // returns "b901:ef"
 * ```
 */
export function hexText(data: Uint8Array, sepChar: string, group: number): string {
  const n = data.length;
  if (sepChar === "" || group === 0 || n <= Math.abs(group)) return plainHex(data);
  const size = Math.abs(group);
  const separators = Math.floor((n - 1) / size);
  const out = digitsArray(2 * n + separators);
  const sepCode = sepChar.charCodeAt(0);
  if (size === 1) {
    // The usual "b9:01:ef": three characters a byte. Four bytes make twelve
    // characters, three 32-bit words; the last bytes go one at a time.
    let i = 0;
    if (LITTLE_ENDIAN) {
      const words = new Uint32Array(out.buffer, 0, out.length >> 2);
      for (let w = 0; i + 4 < n; i += 4, w += 3) {
        const p0 = PAIRS[data[i]!]!;
        const p1 = PAIRS[data[i + 1]!]!;
        const p2 = PAIRS[data[i + 2]!]!;
        const p3 = PAIRS[data[i + 3]!]!;
        words[w] = p0 | (sepCode << 16) | ((p1 & 0xff) << 24);
        words[w + 1] = (p1 >> 8) | (sepCode << 8) | (p2 << 16);
        words[w + 2] = sepCode | (p3 << 8) | (sepCode << 24);
      }
    }
    for (let j = 3 * i; i < n; i++, j += 3) {
      const b = data[i]!;
      out[j] = DIGITS[b >> 4]!;
      out[j + 1] = DIGITS[b & 15]!;
      if (i + 1 < n) out[j + 2] = sepCode;
    }
    return ascii.decode(out);
  }
  // The first group is short when groups are counted from the right.
  let untilSep = group > 0 ? n - separators * size : size;
  for (let i = 0, j = 0; i < n; i++) {
    if (untilSep === 0) {
      out[j++] = sepCode;
      untilSep = size;
    }
    const b = data[i]!;
    out[j++] = DIGITS[b >> 4]!;
    out[j++] = DIGITS[b & 15]!;
    untilSep--;
  }
  return ascii.decode(out);
}
