/**
 * The tree that {@link parseFormat} makes of a format.
 *
 * @packageDocumentation
 */

/**
 * What kind of item a field is.
 *
 * - `"scalar"`: one value of a struct code (`b`, `<i`, `@d`, `c`, `?`, …);
 * - `"bytes"`: an `s` field, its count being its length in bytes;
 * - `"pascal"`: a `p` field;
 * - `"padding"`: an `x` run that carries a name (unnamed padding makes no field);
 * - `"complex"`: `Zf` or `Zd`, read as `{ real, imag }`;
 * - `"struct"`: a nested `T{…}`, described by `struct`;
 * - `"character"`: a PEP 3118 `u` (UCS-2) or `w` (UCS-4) character: it has a
 *   size and an alignment, but its value cannot be read or written here
 *   (NotImplementedError on use).
 */
export type FieldKind = "scalar" | "bytes" | "pascal" | "padding" | "complex" | "struct" | "character";

/**
 * One field of a parsed format.
 *
 * @example
 * ```ts
 * parseFormat("T{<h:x:(2)>i:y:}").fields[0].struct.fields[1].shape; // returns [2]
 * ```
 */
export interface ParsedField {
  /** The name between colons, or null. */
  readonly name: string | null;
  /** Where the field begins, in bytes from the start of its struct. */
  readonly byteOffset: number;
  /** The sub-array shape (a repeat count adds a last dimension); [] for one element. */
  readonly shape: readonly number[];
  /**
   * The element's own format: a byte-order character and the code (`"<i"`,
   * `"@3s"`, `"^Zd"`), or `"T{…}"` for a struct.
   */
  readonly format: string;
  /** What the element is. */
  readonly kind: FieldKind;
  /** Bytes per element (with any trailing padding NumPy adds under `@`). */
  readonly itemsize: number;
  /** The element's alignment under `@` (1 where it has none). */
  readonly alignment: number;
  /** The nested struct, for `kind === "struct"`. */
  readonly struct: ParsedFormat | null;
}

/**
 * A parsed format: its size, alignment and fields.
 *
 * A format that Python's `struct` accepts is laid out as `struct` lays it out
 * (`itemsize` is `calcsize`, with no trailing padding), one field per code,
 * and its values are `struct`'s: a repeat count gives that many values, and a
 * single value is read on its own. Any other format is read by the PEP 3118
 * grammar as NumPy reads it (`numpy/_core/_internal.py`,
 * `_dtype_from_pep3118`): a repeat count makes a sub-array, `@` pads each
 * struct to its alignment, and an item is a list of its fields unless the
 * format is one unnamed field at offset 0 (`unwrapped`).
 *
 * @example
 * ```ts
 * parseFormat("T{b:a:i:b:}").itemsize; // returns 8
 * ```
 * @example
 * ```ts
 * parseFormat("bi").fields.map((f) => f.byteOffset); // returns [0, 4]
 * ```
 */
export interface ParsedFormat {
  /** The format as given. */
  readonly format: string;
  /** The size of one item in bytes. */
  readonly itemsize: number;
  /** The alignment of one item under `@` (1 where nothing is aligned). */
  readonly alignment: number;
  /** The fields, in order. */
  readonly fields: readonly ParsedField[];
  /** Whether Python's `struct` reads this format (and lays it out). */
  readonly structCompatible: boolean;
  /** Whether an item is read as its only field's value rather than a list. */
  readonly unwrapped: boolean;
}
