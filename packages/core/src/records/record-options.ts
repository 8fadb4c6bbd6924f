/**
 * The opt-in ways of reading items beyond SPEC §2's defaults: fields with
 * `:name:` as plain objects, and `s`/`p` fields as text. They apply only
 * where asked for (`RecordStruct`, `MemoryView.withRecords`), so `Struct`
 * and plain views read exactly as before.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import { pythonTypeName } from "../codec/python-type-name.js";

/**
 * How `s` and `p` fields are read as text.
 *
 * - `encoding`: `"latin-1"` (each byte one character, U+0000 to U+00FF; never
 *   fails) or `"utf-8"` (strict: bytes that are not UTF-8 are a
 *   `UnicodeDecodeError`). Python's spellings are accepted (`"latin1"`,
 *   `"iso-8859-1"`, `"utf8"`, any case, `_` for `-`).
 * - `trim`: what NULs are dropped before decoding: `"none"` (the default:
 *   every byte, as `struct` reads them), `"nul"` (trailing NULs, as NumPy
 *   reads its `S` dtype, `bytes.rstrip(b"\0")`), or `"cstring"` (everything
 *   from the first NUL on, as C's `strlen` reads).
 *
 * Writing takes a string (encoded, then truncated or NUL-padded to the
 * field as `struct` does with bytes) or bytes as before.
 *
 * @example
 * ```ts
 * new RecordStruct("<4s", { strings: { encoding: "latin-1", trim: "nul" } }).unpack(Uint8Array.of(104, 105, 0, 0)); // returns ["hi"]
 * ```
 */
export interface StringOptions {
  readonly encoding: "latin-1" | "utf-8" | (string & {});
  readonly trim?: "none" | "nul" | "cstring";
}

/**
 * Options of `RecordStruct` and `MemoryView.withRecords`.
 *
 * - `records` (on unless `false`): an item whose fields carry `:name:` is read as a plain
 *   object keyed by the names, in field order (an unnamed field beside named
 *   ones is `f0`, `f1`, … by its position, as NumPy names it), nested
 *   structures too; writes take such an object (or the list, as by default).
 * - `strings`: `s` and `p` fields as text ({@link StringOptions}).
 *
 * @example
 * ```ts
 * new RecordStruct("<i:id: d:value:", { records: true }).unpack(new Struct("<id").pack(1, 2.5)); // returns { id: 1, value: 2.5 }
 * ```
 */
export interface RecordOptions {
  readonly records?: boolean;
  readonly strings?: StringOptions | null;
}

/** The encodings text fields can use, by their canonical Python names. */
export type TextEncoding = "latin-1" | "utf-8";

/** {@link RecordOptions} checked and normalised. */
export interface ResolvedRecordOptions {
  readonly records: boolean;
  readonly strings: { readonly encoding: TextEncoding; readonly trim: "none" | "nul" | "cstring" } | null;
}

/** Python's codec lookup: case-insensitive, `_` and spaces read as `-`. */
function canonicalEncoding(name: string): TextEncoding | null {
  const key = name.trim().toLowerCase().replace(/[_ ]/g, "-");
  if (key === "latin-1" || key === "latin1" || key === "iso-8859-1" || key === "iso8859-1" || key === "l1") return "latin-1";
  if (key === "utf-8" || key === "utf8") return "utf-8";
  return null;
}

const TRIMS = new Set(["none", "nul", "cstring"]);

/** The options when none are given: records, bytes as bytes. */
const RECORDS_ONLY: ResolvedRecordOptions = Object.freeze({ records: true, strings: null });

/**
 * Checks `options` (an options argument as given, `records` on unless
 * `false`) and normalises it. A malformed option is a
 * `TypeError`, an unknown encoding or trim a `ValueError` (Python's codec
 * lookup says "unknown encoding: …").
 *
 * @example
 * ```ts
 * resolveRecordOptions({ strings: { encoding: "UTF8" } }); // returns { records: true, strings: { encoding: "utf-8", trim: "none" } }
 * ```
 * @example
 * ```ts
 * resolveRecordOptions({ strings: { encoding: "cp1252" } }); // throws ValueError "unknown encoding: cp1252"
 * ```
 */
export function resolveRecordOptions(options: unknown): ResolvedRecordOptions {
  if (options === undefined || options === null) return RECORDS_ONLY;
  if (typeof options !== "object") throw new TypeError(`options must be an object, not ${pythonTypeName(options)}`);
  const { records, strings } = options as { records?: unknown; strings?: unknown };
  if (records !== undefined && typeof records !== "boolean") {
    throw new TypeError(`records must be a boolean, not ${pythonTypeName(records)}`);
  }
  let resolvedStrings: ResolvedRecordOptions["strings"] = null;
  if (strings !== undefined && strings !== null) {
    if (typeof strings !== "object") throw new TypeError(`strings must be an object, not ${pythonTypeName(strings)}`);
    const { encoding, trim = "none" } = strings as { encoding?: unknown; trim?: unknown };
    if (typeof encoding !== "string") {
      throw new TypeError(`strings.encoding must be str, not ${pythonTypeName(encoding)}`);
    }
    const canonical = canonicalEncoding(encoding);
    if (canonical === null) throw new ValueError(`unknown encoding: ${encoding}`);
    if (typeof trim !== "string" || !TRIMS.has(trim)) {
      throw new ValueError(
        `strings.trim must be "none", "nul" or "cstring", not ${typeof trim === "string" ? JSON.stringify(trim) : pythonTypeName(trim)}`,
      );
    }
    resolvedStrings = Object.freeze({ encoding: canonical, trim: trim as "none" | "nul" | "cstring" });
  }
  return Object.freeze({ records: records !== false, strings: resolvedStrings });
}
