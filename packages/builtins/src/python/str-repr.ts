/**
 * `repr(str)` (`unicode_repr` in `Objects/unicodeobject.c`): single quotes
 * unless the text has a single quote and no double one; `\\`, the chosen
 * quote, `\t \n \r` escaped; other non-printable code points as `\xhh`,
 * `\uhhhh` or `\Uhhhhhhhh`. "Printable" is `str.isprintable()`: everything
 * but the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space
 * (JavaScript's Unicode tables stand in for CPython's; they may differ for
 * code points assigned in a newer Unicode version).
 *
 * @packageDocumentation
 */

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/**
 * Python's `repr()` of a string.
 *
 * @example
 * ```ts
 * pyStrRepr("abc"); // returns "'abc'"
 * pyStrRepr("it's"); // returns "\"it's\""
 * pyStrRepr("a\n\u200b"); // returns "'a\\n\\u200b'"
 * pyStrRepr("\ud800"); // returns "'\\ud800'"
 * ```
 */
export function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += ch;
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      if (code <= 0xff) out += `\\x${hex(code, 2)}`;
      else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
      else out += `\\U${hex(code, 8)}`;
    } else out += ch;
  }
  return out + quote;
}
