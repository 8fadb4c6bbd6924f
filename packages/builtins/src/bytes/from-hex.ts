/**
 * `bytes.fromhex(string)`: CPython 3.14's `_PyBytes_FromHex`
 * (`Objects/bytesobject.c`), shared by `bytes` and `bytearray`.
 *
 * Two hexadecimal digits make a byte; ASCII whitespace (space, `\t \n \v
 * \f \r`) may separate pairs but not split one. Errors name the position
 * of the first bad character; a lone last digit gives "fromhex() arg must
 * contain an even number of hexadecimal digits" (3.14, gh-127740). Since
 * 3.14 the argument may also be any bytes-like object (gh-129349).
 *
 * @packageDocumentation
 */
import { BufferFlags, ValueError, getBuffer, isBufferExporter, pythonTypeName, releaseBuffer } from "@mv/core";
import { bufferBytes } from "../protocol/buffer-bytes.js";

function digitValue(code: number | undefined): number {
  if (code === undefined) return 16;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return 16;
}

function isSpace(code: number | undefined): boolean {
  return code === 0x20 || (code !== undefined && code >= 0x09 && code <= 0x0d);
}

function parse(codes: ArrayLike<number>): Uint8Array {
  const end = codes.length;
  const out = new Uint8Array(end >> 1);
  let j = 0;
  let i = 0;
  while (i < end) {
    if (isSpace(codes[i])) {
      do i++;
      while (i < end && isSpace(codes[i]));
      if (i >= end) break;
    }
    const top = digitValue(codes[i]);
    if (top >= 16) {
      throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    }
    i++;
    const bot = digitValue(i < end ? codes[i] : undefined);
    if (bot >= 16) {
      if (i >= end) {
        throw new ValueError("fromhex() arg must contain an even number of hexadecimal digits");
      }
      throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    }
    i++;
    out[j++] = (top << 4) + bot;
  }
  return out.slice(0, j);
}

/**
 * The bytes that the hexadecimal text `source` spells.
 *
 * @param source - a string, or any bytes-like object holding ASCII
 * @returns a new `Uint8Array`
 *
 * @example
 * ```ts
 * Array.from(fromHex("B9 01EF")); // returns [0xb9, 0x01, 0xef]
 * fromHex("0"); // throws ValueError "fromhex() arg must contain an even number of hexadecimal digits"
 * fromHex("0g"); // throws ValueError "non-hexadecimal number found in fromhex() arg at position 1"
 * fromHex(1); // throws TypeError "fromhex() argument must be str or bytes-like, not int"
 * ```
 */
export function fromHex(source: unknown): Uint8Array {
  if (typeof source === "string") {
    const codes: number[] = [];
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      // Every character before the first non-ASCII one is one code point,
      // so this index is CPython's position too.
      if (code >= 128) {
        throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
      }
      codes.push(code);
    }
    return parse(codes);
  }
  if (isBufferExporter(source)) {
    const info = getBuffer(source, BufferFlags.SIMPLE);
    try {
      return parse(bufferBytes(info));
    } finally {
      releaseBuffer(info);
    }
  }
  throw new TypeError(`fromhex() argument must be str or bytes-like, not ${pythonTypeName(source)}`);
}
