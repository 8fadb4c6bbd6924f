/**
 * A strict parser for the Python literals a NumPy `.npy` header is written
 * in: `{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }`.
 * NumPy writes the header with `repr` and reads it with
 * `ast.literal_eval` (`numpy/lib/format.py`, `_read_array_header`); this
 * reads the subset `repr` produces for dtypes and shapes: dicts, tuples and
 * lists, str and bytes literals, integers, True, False and None. Anything
 * else (names, calls, operators, floats) is a `ValueError`; nothing is
 * evaluated, and nesting is bounded.
 *
 * @packageDocumentation
 */

import { ValueError } from "../index.js";

/**
 * A parsed literal: dicts become `Map`s (keys in order), tuples
 * `{ tuple: [...] }`, lists arrays, integers `bigint`, `None` `null`.
 *
 * @example
 * ```ts
 * const value: PythonLiteral = parsePythonLiteral("(1, 'a')");
 * value; // returns { tuple: [1n, "a"] }
 * ```
 */
export type PythonLiteral =
  | string
  | bigint
  | boolean
  | null
  | { readonly bytes: Uint8Array }
  | { readonly tuple: readonly PythonLiteral[] }
  | readonly PythonLiteral[]
  | ReadonlyMap<string | bigint | boolean | null, PythonLiteral>;

/** How deep containers may nest (NumPy's dtypes nest far less). */
const MAX_DEPTH = 256;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
});

class LiteralParser {
  #pos = 0;

  constructor(private readonly text: string) {}

  parseAll(): PythonLiteral {
    const value = this.value(0);
    this.skipSpace();
    if (this.#pos !== this.text.length) this.fail("unexpected text after the literal");
    return value;
  }

  private fail(reason: string): never {
    throw new ValueError(`malformed Python literal at offset ${this.#pos}: ${reason}`);
  }

  private skipSpace(): void {
    while (this.#pos < this.text.length && " \t\n\r\f\v".includes(this.text[this.#pos]!)) this.#pos++;
  }

  private value(depth: number): PythonLiteral {
    if (depth > MAX_DEPTH) this.fail(`containers nested more than ${MAX_DEPTH} deep`);
    this.skipSpace();
    const c = this.text[this.#pos];
    if (c === undefined) this.fail("the literal ends early");
    if (c === "{") return this.dict(depth);
    if (c === "(") return this.sequence(depth, ")", true);
    if (c === "[") return this.sequence(depth, "]", false);
    if (c === "'" || c === '"') return this.string(false);
    if ((c === "b" || c === "B") && (this.text[this.#pos + 1] === "'" || this.text[this.#pos + 1] === '"')) {
      this.#pos++;
      return { bytes: Uint8Array.from(this.string(true), (ch) => ch.charCodeAt(0)) };
    }
    if (c === "-" || c === "+" || (c >= "0" && c <= "9")) return this.integer();
    for (const [word, value] of [
      ["True", true],
      ["False", false],
      ["None", null],
    ] as const) {
      if (this.text.startsWith(word, this.#pos) && !/[\w]/.test(this.text[this.#pos + word.length] ?? "")) {
        this.#pos += word.length;
        return value;
      }
    }
    return this.fail(`unexpected ${JSON.stringify(c)}`);
  }

  /** Items up to `close`, comma-separated, a trailing comma allowed; `(x)` without a comma is x itself. */
  private sequence(depth: number, close: string, tuple: boolean): PythonLiteral {
    this.#pos++;
    const items: PythonLiteral[] = [];
    let sawComma = false;
    for (;;) {
      this.skipSpace();
      if (this.text[this.#pos] === close) break;
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.#pos] === ",") {
        this.#pos++;
        sawComma = true;
        continue;
      }
      if (this.text[this.#pos] !== close) this.fail(`expected ',' or '${close}'`);
      break;
    }
    this.#pos++;
    if (!tuple) return items;
    if (items.length === 1 && !sawComma) return items[0]!; // a parenthesised value
    return { tuple: items };
  }

  private dict(depth: number): PythonLiteral {
    this.#pos++;
    const map = new Map<string | bigint | boolean | null, PythonLiteral>();
    for (;;) {
      this.skipSpace();
      if (this.text[this.#pos] === "}") break;
      const key = this.value(depth + 1);
      if (typeof key === "object" && key !== null) this.fail("a dict key must be a str, an int, a bool or None");
      this.skipSpace();
      if (this.text[this.#pos] !== ":") this.fail("expected ':'");
      this.#pos++;
      map.set(key, this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.#pos] === ",") {
        this.#pos++;
        continue;
      }
      if (this.text[this.#pos] !== "}") this.fail("expected ',' or '}'");
      break;
    }
    this.#pos++;
    return map;
  }

  private integer(): bigint {
    const match = /^[-+]?\s*(0|[1-9](?:_?\d)*)(?![\w.])/.exec(this.text.slice(this.#pos, this.#pos + 400));
    if (match === null) this.fail("not an integer literal");
    this.#pos += match[0].length;
    return BigInt(match[0].replace(/[\s_+]/g, ""));
  }

  /** A quoted string (no prefixes but b); in bytes, only ASCII and \x escapes. */
  private string(bytes: boolean): string {
    const quote = this.text[this.#pos]!;
    const triple = this.text.startsWith(quote.repeat(3), this.#pos);
    this.#pos += triple ? 3 : 1;
    let out = "";
    for (;;) {
      const c = this.text[this.#pos];
      if (c === undefined) this.fail("unterminated string");
      if (triple ? this.text.startsWith(quote.repeat(3), this.#pos) : c === quote) {
        this.#pos += triple ? 3 : 1;
        return out;
      }
      if (c === "\n" && !triple) this.fail("unterminated string");
      if (bytes && c.charCodeAt(0) > 0x7f) this.fail("bytes can only contain ASCII literal characters");
      this.#pos++;
      if (c !== "\\") {
        out += c;
        continue;
      }
      out += this.escape(bytes);
    }
  }

  private escape(bytes: boolean): string {
    const c = this.text[this.#pos];
    if (c === undefined) this.fail("unterminated string");
    this.#pos++;
    if (Object.hasOwn(SIMPLE_ESCAPES, c)) return SIMPLE_ESCAPES[c]!;
    const digits = c === "x" ? 2 : !bytes && c === "u" ? 4 : !bytes && c === "U" ? 8 : 0;
    if (digits > 0) {
      const hex = this.text.slice(this.#pos, this.#pos + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) this.fail(`truncated \\${c} escape`);
      this.#pos += digits;
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) this.fail(`\\${c}${hex} is not a Unicode code point`);
      return String.fromCodePoint(code);
    }
    if (c >= "0" && c <= "7") {
      let octal = c;
      while (octal.length < 3 && /[0-7]/.test(this.text[this.#pos] ?? "")) octal += this.text[this.#pos++];
      return String.fromCharCode(Number.parseInt(octal, 8) & (bytes ? 0xff : 0x1ff));
    }
    // Python keeps an unknown escape as written.
    return `\\${c}`;
  }
}

/**
 * Parses one Python literal of the subset NumPy's `.npy` headers use.
 *
 * @param text - the literal
 * @returns its value (see {@link PythonLiteral})
 * @throws ValueError naming the offset of anything outside the subset
 *
 * @example
 * ```ts
 * const header = parsePythonLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
 * [header.get("descr"), header.get("fortran_order"), header.get("shape")]; // returns ["<f8", false, { tuple: [2n, 3n] }]
 * ```
 * @example
 * ```ts
 * parsePythonLiteral("[('a', '<i4', (2,)), ('', '|V4')]"); // returns [{ tuple: ["a", "<i4", { tuple: [2n] }] }, { tuple: ["", "|V4"] }]
 * parsePythonLiteral("__import__('os')"); // throws ValueError "malformed Python literal at offset 0: unexpected \"_\""
 * ```
 */
export function parsePythonLiteral(text: string): PythonLiteral {
  return new LiteralParser(text).parseAll();
}
