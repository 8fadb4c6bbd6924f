/**
 * The item size of a format, measured by the size tables alone:
 * `PyBuffer_SizeFromFormat` (`struct.calcsize`, PEP 3118 additions
 * included), exactly `parseFormat(format).itemsize`, with the same errors,
 * but without the codec's rows, compiler or readers. The protocol checks an
 * exporter's itemsize with it, so `getBuffer` carries no struct codec.
 *
 * @packageDocumentation
 */

import { StructError, ValueError } from "../errors.js";
import { registerMemoCache } from "../memo-caches.js";
import { BoundedCache, STRUCT_CACHE_CAPACITY } from "./bounded-cache.js";
import { formatBytes, formatText } from "./format-arg.js";
import { measureStruct, tablePrefix, type Measure } from "./measure.js";
import { parsePep3118 } from "./pep3118/grammar.js";
import { sizeTable } from "./size-table.js";

/**
 * What `struct` measures a format argument (`str` or `bytes`) to be, by the
 * size tables: `calcsize` without compiling. Throws what `Struct(format)`
 * would.
 *
 * @example
 * ```ts
 * structMeasure("<iid").size; // returns 16
 * ```
 * @example
 * ```ts
 * structMeasure("9007199254740993x").exactSize; // returns 9007199254740993n
 * ```
 */
export function structMeasure(format: unknown): Measure {
  const text = formatBytes(format);
  if (text.includes("\0")) throw new StructError("embedded null character");
  const prefix = tablePrefix(text, 0);
  return measureStruct(text, prefix.start, sizeTable(prefix.name));
}

const cache = new BoundedCache<number>(STRUCT_CACHE_CAPACITY);
registerMemoCache(() => cache.clear());

/**
 * The size in bytes of one item of `format`, as `parseFormat` measures it:
 * `struct`'s size when `struct` accepts the format, else the PEP 3118
 * grammar's (NumPy's) itemsize.
 *
 * @param format - a struct or PEP 3118 format, `str` or `bytes`
 * @returns its size in bytes
 * @throws StructError when `format` is not a valid format
 *
 * @example
 * ```ts
 * formatSize("<hi"); // returns 6
 * ```
 * @example
 * ```ts
 * formatSize("T{b:a:i:b:}"); // returns 8
 * ```
 */
export function formatSize(format: string | Uint8Array): number {
  const text = formatText(format);
  let size = cache.get(text);
  if (size !== undefined) return size;
  try {
    size = structMeasure(format).size;
  } catch (error) {
    if (error instanceof StructError) {
      size = parsePep3118(text).itemsize;
    } else if (error instanceof ValueError && typeof format === "string") {
      // As parseFormat: NumPy reads a str that is not ASCII (field names);
      // anything else keeps struct's UnicodeEncodeError.
      try {
        size = parsePep3118(text).itemsize;
      } catch {
        throw error;
      }
    } else {
      throw error;
    }
  }
  cache.set(text, size);
  return size;
}
