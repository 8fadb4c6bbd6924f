/**
 * Text in byte fields, for the `strings` option: bytes to a string and back
 * in latin-1 or UTF-8, with CPython's codec errors (`bytes.decode`,
 * `str.encode`) word for word.
 *
 * @packageDocumentation
 */

import { UnicodeDecodeError, UnicodeEncodeError } from "../errors.js";
import type { TextEncoding } from "./record-options.js";

/** `\xe9`, `\u20ac` or `\U0001f600`, as a codec error's message shows a character. */
function escapedCharacter(codePoint: number): string {
  if (codePoint <= 0xff) return `\\x${codePoint.toString(16).padStart(2, "0")}`;
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, "0")}`;
  return `\\U${codePoint.toString(16).padStart(8, "0")}`;
}

/**
 * The bytes a `trim` keeps: all, all but the trailing NULs (`"nul"`), or
 * those before the first NUL (`"cstring"`).
 *
 * @example
 * ```ts
 * Array.from(trimNuls(Uint8Array.of(97, 0, 98, 0, 0), "nul")); // returns [97, 0, 98]
 * ```
 * @example
 * ```ts
 * Array.from(trimNuls(Uint8Array.of(97, 0, 98, 0, 0), "cstring")); // returns [97]
 * ```
 */
export function trimNuls(bytes: Uint8Array, trim: "none" | "nul" | "cstring"): Uint8Array {
  if (trim === "none") return bytes;
  if (trim === "cstring") {
    const nul = bytes.indexOf(0);
    return nul < 0 ? bytes : bytes.subarray(0, nul);
  }
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

/**
 * Where the first malformed UTF-8 sequence of `bytes` is, and why (the
 * start byte and the valid continuation bytes after it, as CPython's
 * decoder reports the range), or null when they are all valid.
 */
function utf8ErrorAt(bytes: Uint8Array): { start: number; end: number; reason: string } | null {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead < 0xc2 || lead > 0xf4) return { start: i, end: i + 1, reason: "invalid start byte" };
    const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    let low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    let high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let j = i + 1;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) return { start: i, end: n, reason: "unexpected end of data" };
      const next = bytes[j]!;
      if (next < low || next > high) return { start: i, end: j, reason: "invalid continuation byte" };
      low = 0x80;
      high = 0xbf;
    }
    i = j;
  }
  return null;
}

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * `bytes.decode(encoding)`, strict: latin-1 maps each byte to one
 * character; UTF-8 refuses malformed bytes with CPython's
 * `UnicodeDecodeError`.
 *
 * @example
 * ```ts
 * decodeText(Uint8Array.of(0x68, 0xc3, 0xa9), "utf-8"); // returns "hé"
 * ```
 * @example
 * ```ts
 * decodeText(Uint8Array.of(0x68, 0xc3, 0xa9), "latin-1"); // returns "hÃ©"
 * ```
 * @example
 * ```ts
 * decodeText(Uint8Array.of(0x61, 0xff), "utf-8"); // throws UnicodeDecodeError "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
 * ```
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === "latin-1") {
    let text = "";
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return text;
  }
  const error = utf8ErrorAt(bytes);
  if (error === null) return utf8Decoder.decode(bytes);
  const { start, end, reason } = error;
  const where =
    end - start === 1
      ? `byte 0x${bytes[start]!.toString(16).padStart(2, "0")} in position ${start}`
      : `bytes in position ${start}-${end - 1}`;
  throw new UnicodeDecodeError(`'utf-8' codec can't decode ${where}: ${reason}`);
}

/**
 * `str.encode(encoding)`, strict: a character latin-1 cannot hold (above
 * U+00FF), or a lone surrogate in UTF-8, is CPython's `UnicodeEncodeError`,
 * positions counted in code points and neighbouring offenders reported
 * together, as CPython does.
 *
 * @example
 * ```ts
 * Array.from(encodeText("hé", "latin-1")); // returns [104, 233]
 * ```
 * @example
 * ```ts
 * encodeText("a€€b", "latin-1"); // throws UnicodeEncodeError "'latin-1' codec can't encode characters in position 1-2: ordinal not in range(256)"
 * ```
 */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  const codePoints = Array.from(text, (ch) => ch.codePointAt(0) as number);
  const refused = encoding === "latin-1" ? (c: number) => c > 0xff : (c: number) => c >= 0xd800 && c <= 0xdfff;
  const start = codePoints.findIndex(refused);
  if (start < 0) {
    return encoding === "latin-1" ? Uint8Array.from(codePoints) : new TextEncoder().encode(text);
  }
  let end = start + 1;
  while (end < codePoints.length && refused(codePoints[end]!)) end++;
  const where =
    end === start + 1
      ? `character '${escapedCharacter(codePoints[start]!)}' in position ${start}`
      : `characters in position ${start}-${end - 1}`;
  const reason = encoding === "latin-1" ? "ordinal not in range(256)" : "surrogates not allowed";
  throw new UnicodeEncodeError(`'${encoding}' codec can't encode ${where}: ${reason}`);
}
