/**
 * `parseFormat`: the field tree of any struct or PEP 3118 format.
 *
 * A format that Python's `struct` compiles is described from its compiled
 * codes, so it keeps `struct`'s layout; only a format that `struct` refuses is
 * read by the PEP 3118 grammar ({@link parsePep3118}). Flat formats therefore
 * never pay for the richer grammar. Results are cached like compiled formats.
 *
 * @packageDocumentation
 */

import { StructError, ValueError } from "../../errors.js";
import { BoundedCache, STRUCT_CACHE_CAPACITY } from "../bounded-cache.js";
import { compiledFormatFor } from "../compiled-cache.js";
import type { CompiledFormat } from "../compile.js";
import { formatText } from "../format-arg.js";
import type { FieldKind, ParsedField, ParsedFormat } from "./parsed-format.js";
import { parsePep3118 } from "./grammar.js";
import { registerMemoCache } from "../../memo-caches.js";

/** The parsed form of a format that `struct` compiled: one field per code. */
function structLayout(format: string, compiled: CompiledFormat): ParsedFormat {
  const first = format.charAt(0);
  const prefix = "@=<>!".includes(first) && first !== "" ? first : "@";
  let alignment = 1;
  const fields: ParsedField[] = compiled.codes.map((code) => {
    const char = code.row.char;
    const kind: FieldKind = char === "s" ? "bytes" : char === "p" ? "pascal" : "scalar";
    const counted = kind !== "scalar";
    const align = Math.max(code.row.align, 1);
    if (align > alignment) alignment = align;
    return Object.freeze({
      name: null,
      byteOffset: code.byteOffset,
      shape: Object.freeze(counted || code.repeat === 1 ? [] : [code.repeat]),
      format: counted ? `${prefix}${code.size}${char}` : prefix + char,
      kind,
      itemsize: code.size,
      alignment: align,
      struct: null,
    });
  });
  return Object.freeze({
    format,
    itemsize: compiled.size,
    alignment,
    fields: Object.freeze(fields),
    structCompatible: true,
    unwrapped: compiled.len === 1,
  });
}

const cache = new BoundedCache<ParsedFormat>(STRUCT_CACHE_CAPACITY);
registerMemoCache(() => cache.clear());

/**
 * The parsed form of `format` (a string or a `Uint8Array` of ASCII): its item
 * size, alignment and field tree. Throws `StructError` when neither `struct`
 * nor the PEP 3118 grammar can read it (`TypeError` when it is not a format).
 *
 * @example
 * ```ts
 * parseFormat("T{<h:x:>i:y:}").fields[0].struct.fields.map((f) => f.name); // returns ["x", "y"]
 * ```
 * @example
 * ```ts
 * parseFormat("@d").itemsize; // returns 8
 * ```
 * @example
 * ```ts
 * parseFormat("(2,3)i").fields[0].shape; // returns [2, 3]
 * ```
 */
export function parseFormat(format: string | Uint8Array): ParsedFormat {
  const text = formatText(format);
  let parsed = cache.get(text);
  if (parsed !== undefined) return parsed;
  try {
    parsed = structLayout(text, compiledFormatFor(format));
  } catch (error) {
    if (error instanceof StructError) {
      parsed = parsePep3118(text);
    } else if (error instanceof ValueError && typeof format === "string") {
      // struct cannot encode a str that is not ASCII; NumPy reads one whose
      // field names are not (it exports them so). Anything else keeps
      // struct's UnicodeEncodeError.
      try {
        parsed = parsePep3118(text);
      } catch {
        throw error;
      }
    } else {
      throw error;
    }
  }
  cache.set(text, parsed);
  return parsed;
}
