/**
 * The repr of a byte string, as `PyBytes_Repr` (`Objects/bytesobject.c`) and
 * `bytearray_repr` (`Objects/bytearrayobject.c`) write it: `b'…'` with
 * `\t \n \r \\` escaped, other bytes outside printable ASCII as `\xhh`, and
 * double quotes chosen when the content has a single quote but no double.
 *
 * @packageDocumentation
 */

const HEX = "0123456789abcdef";

/**
 * `b'…'` for `data`.
 *
 * @param data - the bytes
 * @param escapeSingleQuote - `bytearray_repr` escapes `'` even inside double
 *   quotes (it has no smart-quote escaping); `bytes` escapes only the quote
 *   it uses
 *
 * @example
 * ```ts
 * bytesRepr(new Uint8Array([97, 0, 10, 255])); // returns "b'a\\x00\\n\\xff'"
 * bytesRepr(new TextEncoder().encode("it's")); // returns "b\"it's\""
 * bytesRepr(new TextEncoder().encode("it's"), true); // returns "b\"it\\'s\""
 * ```
 */
export function bytesRepr(data: Uint8Array, escapeSingleQuote = false): string {
  let quote = "'";
  if (data.includes(0x27) && !data.includes(0x22)) quote = '"';
  const quoteCode = quote.charCodeAt(0);
  let out = `b${quote}`;
  for (const c of data) {
    if (c === quoteCode || c === 0x5c || (escapeSingleQuote && c === 0x27)) {
      out += `\\${String.fromCharCode(c)}`;
    } else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${HEX[c >> 4]}${HEX[c & 15]}`;
    else out += String.fromCharCode(c);
  }
  return out + quote;
}
