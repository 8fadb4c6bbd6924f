/**
 * The Python exceptions that @mv throws, as JavaScript classes.
 *
 * Each class sets `name` to the Python exception's name, so callers (and the
 * conformance suite, which never imports these classes) can test
 * `err.name === "ValueError"` across implementations and realms. Python's
 * `TypeError` is JavaScript's own `TypeError`: the names already agree.
 *
 * @packageDocumentation
 */

/**
 * Python's `ValueError`: an argument of the right type but a wrong value, and
 * any use of a released view or a detached buffer.
 *
 * @example
 * ```ts
 * try { view.get(0); } catch (e) { e instanceof ValueError; } // returns true after release()
 * ```
 */
export class ValueError extends Error {
  override name = "ValueError";
}

/**
 * Python's `IndexError`: an index outside a dimension.
 *
 * @example
 * ```ts
 * new IndexError("index out of bounds on dimension 1").name; // returns "IndexError"
 * ```
 */
export class IndexError extends Error {
  override name = "IndexError";
}

/**
 * Python's `BufferError`: an exporter cannot satisfy a buffer request, an
 * exported layout is invalid, or a resize or release is refused while
 * exports are live.
 *
 * @example
 * ```ts
 * new BufferError("object is not writable.").name; // returns "BufferError"
 * ```
 */
export class BufferError extends Error {
  override name = "BufferError";
}

/**
 * Python's `NotImplementedError`: a request that is valid but that this
 * implementation (like CPython) does not support.
 *
 * @example
 * ```ts
 * new NotImplementedError("x").name; // returns "NotImplementedError"
 * ```
 */
export class NotImplementedError extends Error {
  override name = "NotImplementedError";
}

/**
 * Python's `OverflowError`: a number too large for the target, where CPython
 * raises `OverflowError` rather than `struct.error` (for example an `e`
 * half-float out of range).
 *
 * @example
 * ```ts
 * new OverflowError("float too large to pack with e format").name; // returns "OverflowError"
 * ```
 */
export class OverflowError extends Error {
  override name = "OverflowError";
}

/**
 * What a {@link StructError} is about, for code that must act on it (as
 * memoryview turns a refused value into its own TypeError or ValueError)
 * without reading its message:
 * - `"format"`: the format cannot be read (a bad character, a count without
 *   a character, a size beyond `Py_ssize_t`, a malformed PEP 3118 part);
 * - `"type"`: a value of the wrong type for its field (not an integer, not a
 *   float, not a bytes object);
 * - `"range"`: an integer outside its field's range;
 * - `"char-length"`: a bytes object of a length other than 1 for `c`;
 * - `"float-overflow"`: an int too large for a double, for a float field
 *   (CPython's `PyFloat_AsDouble` raised OverflowError; struct words it as a
 *   wrong type);
 * - `"arity"`: the wrong number of values or arguments;
 * - `"buffer"`: a buffer of the wrong size, or an offset outside it.
 *
 * @example
 * ```ts
 * new StructError("required argument is not an integer", { kind: "type" }).kind; // returns "type"
 * ```
 */
export type StructErrorKind = "format" | "type" | "range" | "char-length" | "float-overflow" | "arity" | "buffer";

/**
 * The options of a {@link StructError}: its kind, and the error it stems
 * from, if any.
 *
 * @example
 * ```ts
 * const options: StructErrorOptions = { kind: "range" };
 * ```
 */
export interface StructErrorOptions extends ErrorOptions {
  /** What the error is about. */
  kind?: StructErrorKind;
}

/**
 * Python's `struct.error`: every failure of the struct codec that CPython
 * reports as `struct.error`, with its {@link StructErrorKind} (`"format"`
 * when none is given).
 *
 * @example
 * ```ts
 * new StructError("bad char in struct format").name; // returns "StructError"
 * ```
 * @example
 * ```ts
 * new StructError("'B' format requires 0 <= number <= 255", { kind: "range" }).kind; // returns "range"
 * ```
 */
export class StructError extends Error {
  override name = "StructError";
  /** What the error is about, for code that acts on it. */
  readonly kind: StructErrorKind;

  constructor(message?: string, options?: StructErrorOptions) {
    super(message, options);
    this.kind = options?.kind ?? "format";
  }
}

/**
 * Python's `UnicodeDecodeError`, a `ValueError`: bytes that are not valid in
 * the encoding asked for (an `s` field read as UTF-8 text, say), with
 * CPython's message ("'utf-8' codec can't decode byte 0xff in position 0:
 * invalid start byte").
 *
 * @example
 * ```ts
 * new UnicodeDecodeError("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte") instanceof ValueError; // returns true
 * ```
 */
export class UnicodeDecodeError extends ValueError {
  override name = "UnicodeDecodeError";
}

/**
 * Python's `UnicodeEncodeError`, a `ValueError`: text that the encoding asked
 * for cannot hold (a character above U+00FF in latin-1, a lone surrogate in
 * UTF-8), or a struct format string with a character ASCII cannot encode,
 * with CPython's message.
 *
 * @example
 * ```ts
 * new UnicodeEncodeError("'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)").name; // returns "UnicodeEncodeError"
 * ```
 */
export class UnicodeEncodeError extends ValueError {
  override name = "UnicodeEncodeError";
}

/**
 * Python's `MemoryError`: an allocation the engine refuses, such as a result
 * longer than an ArrayBuffer or an Array can be. It is thrown before the
 * attempt where the size is known, and in place of the engine's own
 * `RangeError` where it is not.
 *
 * @example
 * ```ts
 * new MemoryError().name; // returns "MemoryError"
 * ```
 */
export class MemoryError extends Error {
  override name = "MemoryError";
}
