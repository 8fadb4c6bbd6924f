/**
 * The format argument: `Struct.__init__` takes a `str` or a `bytes`.
 *
 * A `str` is encoded to ASCII first, so a non-ASCII character fails there
 * (Python's `UnicodeEncodeError`, a `ValueError`, with the codec's message);
 * a `bytes` (here a `Uint8Array`) is taken as it is, so a byte above 127 is a
 * "bad char". Anything else is a `TypeError`.
 *
 * @packageDocumentation
 */

import { UnicodeEncodeError } from "../errors.js";
import { pythonTypeName } from "./python-type-name.js";

const ASCII = /^\p{ASCII}*$/u;

/** `\xe9`, `\u20ac` or `\U0001f600`, as `UnicodeEncodeError.__str__` prints one character. */
function escapeCodePoint(codePoint: number): string {
  if (codePoint <= 0xff) return `\\x${codePoint.toString(16).padStart(2, "0")}`;
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, "0")}`;
  return `\\U${codePoint.toString(16).padStart(8, "0")}`;
}

/** The `UnicodeEncodeError` (a `ValueError`) of `format.encode("ascii")`. */
function asciiEncodeError(format: string): UnicodeEncodeError {
  const codePoints = Array.from(format, (ch) => ch.codePointAt(0) as number);
  let start = 0;
  while (codePoints[start]! <= 0x7f) start++;
  let end = start + 1;
  while (end < codePoints.length && codePoints[end]! > 0x7f) end++;
  const where =
    end === start + 1
      ? `character '${escapeCodePoint(codePoints[start]!)}' in position ${start}`
      : `characters in position ${start}-${end - 1}`;
  return new UnicodeEncodeError(`'ascii' codec can't encode ${where}: ordinal not in range(128)`);
}

/**
 * The format as a string of byte values (each char 0–255), or the error that
 * `Struct()` raises for the argument.
 *
 * @example
 * ```ts
 * formatBytes(new Uint8Array([0x3c, 0x69])); // returns "<i"
 * ```
 * @example
 * ```ts
 * formatBytes("=q"); // returns "=q"
 * ```
 */
export function formatBytes(format: unknown): string {
  if (typeof format === "string") {
    if (!ASCII.test(format)) throw asciiEncodeError(format);
    return format;
  }
  if (format instanceof Uint8Array) {
    let text = "";
    for (let i = 0; i < format.length; i += 8192) {
      text += String.fromCharCode(...format.subarray(i, i + 8192));
    }
    return text;
  }
  throw new TypeError(`Struct() argument 1 must be a str or bytes object, not ${pythonTypeName(format)}`);
}

/**
 * The format as the PEP 3118 grammar reads it: a `str` as it is (a field
 * name may be any text but ':', as NumPy exports `T{=i:é:}`), a `bytes` as
 * its byte values; anything else is {@link formatBytes}'s `TypeError`.
 *
 * @example
 * ```ts
 * formatText("T{=i:é:}"); // returns "T{=i:é:}"
 * ```
 * @example
 * ```ts
 * formatText(new Uint8Array([0x69])); // returns "i"
 * ```
 */
export function formatText(format: unknown): string {
  return typeof format === "string" ? format : formatBytes(format);
}
