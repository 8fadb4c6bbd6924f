/**
 * The checks CPython's `memoryview.cast` makes before it changes anything
 * (`memoryview_cast_impl`, `cast_to_1D`, `copy_shape` in
 * `Objects/memoryobject.c`), in its order and with its messages, for the
 * rules `@mv/core`'s `cast` relaxes on purpose: core also casts views that
 * are not C-contiguous and goes from N to M dimensions directly (NumPy's
 * `view`), which CPython refuses with a `TypeError` rather than a
 * `NotImplementedError`, so `memoryview` keeps CPython's refusal.
 *
 * What SPEC §4.1 extends is kept: any struct format (not only a native
 * character), and two non-byte formats.
 *
 * @packageDocumentation
 */
import { LayoutFlag, ValueError, parseFormat, pythonTypeName, type ParsedFormat, type ViewLayout } from "@mv/core";

const MAX_NDIM = 64;

/**
 * Asserts that `layout` may be cast with `shape`, then returns the shape as
 * core takes it (booleans, Python integers, become numbers). The format
 * itself is checked by core's `cast`, whose refusal {@link castFormatError}
 * words as CPython does.
 *
 * @param layout - the view's layout (the view passed its guards)
 * @param format - the destination format (checked to be a string first)
 * @param shape - the destination shape, or undefined
 * @returns the shape for core's `cast`, or undefined
 * @throws TypeError and ValueError with CPython's messages
 *
 * @example
 * ```ts
 * const strided = MemoryView.from(new Uint8Array(4)).slice([null, null, 2]);
 * assertCastable(strided.layout, "B", undefined); // throws TypeError "memoryview: casts are restricted to C-contiguous views"
 * ```
 * @example
 * ```ts
 * const square = MemoryView.from(new Uint8Array(4)).reshape([2, 2]);
 * assertCastable(square.layout, "B", [1, 4]); // throws TypeError "memoryview: cast must be 1D -> ND or ND -> 1D"
 * ```
 * @example
 * ```ts
 * assertCastable(MemoryView.from(new Uint8Array(4)).layout, "B", [2, true]); // returns [2, 1]
 * ```
 */
export function assertCastable(layout: ViewLayout, format: string, shape: unknown): unknown {
  if ((layout.flags & LayoutFlag.C) === 0) {
    throw new TypeError("memoryview: casts are restricted to C-contiguous views");
  }
  if ((shape !== undefined || layout.ndim !== 1) && layout.shape.includes(0)) {
    throw new TypeError("memoryview: cannot cast view with zeros in shape or strides");
  }
  let castShape: unknown = shape;
  if (shape !== undefined) {
    if (!Array.isArray(shape)) throw new TypeError("shape must be a list or a tuple");
    if (shape.length > MAX_NDIM) {
      throw new ValueError(`memoryview: number of dimensions must not exceed ${MAX_NDIM}`);
    }
    if (layout.ndim !== 1 && shape.length !== 1) {
      throw new TypeError("memoryview: cast must be 1D -> ND or ND -> 1D");
    }
    // copy_shape takes any int, and a bool is one.
    castShape = shape.map((entry: unknown) => (typeof entry === "boolean" ? Number(entry) : entry));
  }
  void format; // checked by core's cast; see castFormatError
  return castShape;
}

const NOT_A_FORMAT = "memoryview: destination format must be a native single character format prefixed with an optional '@'";

/**
 * The error `cast` throws for what core's `cast` threw: a destination that
 * is no struct format at all (or has no items) gets CPython's message from
 * `cast_to_1D`; any struct format is accepted (SPEC §4.1's extension),
 * so the message's "native single character" names what CPython would
 * have taken. Other errors pass unchanged.
 *
 * @example
 * ```ts
 * castFormatError(new ValueError("memoryview: destination format must be a struct format: bad char in struct format")).message; // returns "memoryview: destination format must be a native single character format prefixed with an optional '@'"
 * ```
 * @example
 * ```ts
 * const other = new TypeError("x");
 * castFormatError(other) === other; // returns true
 * ```
 */
export function castFormatError(error: unknown): unknown {
  if (error instanceof Error && error.name === "ValueError" && error.message.startsWith("memoryview: destination format")) {
    return new ValueError(NOT_A_FORMAT, { cause: error });
  }
  return error;
}

/** Whether a parsed format has an `F` or `D` code anywhere in its tree. */
function hasComplexCode(parsed: ParsedFormat): boolean {
  return parsed.fields.some((field) =>
    field.kind === "struct"
      ? hasComplexCode(field.struct as ParsedFormat)
      : field.kind === "scalar" && (field.format.endsWith("F") || field.format.endsWith("D")),
  );
}

/**
 * Refuses a destination format with CPython 3.14's complex codes `F` or `D`
 * as 3.14's `cast` refuses them (its memoryview reads no complex values),
 * although the contract's extension casts to other struct formats. A format
 * that does not parse is left to core's `cast`, which words its refusal.
 *
 * @throws ValueError "memoryview: destination format must be a native single character format prefixed with an optional '@'"
 *
 * @example
 * ```ts
 * assertNotComplexCast("@D"); // throws ValueError "memoryview: destination format must be a native single character format prefixed with an optional '@'"
 * ```
 * @example
 * ```ts
 * assertNotComplexCast("<d"); // returns undefined
 * ```
 */
export function assertNotComplexCast(format: string): void {
  let parsed: ParsedFormat;
  try {
    parsed = parseFormat(format);
  } catch {
    return;
  }
  if (hasComplexCode(parsed)) throw new ValueError(NOT_A_FORMAT);
}

/**
 * The `format` argument of `cast`, as Argument Clinic checks it (before
 * anything else).
 *
 * @throws TypeError "cast() argument 'format' must be str, not …"
 *
 * @example
 * ```ts
 * castFormatArg(5); // throws TypeError "cast() argument 'format' must be str, not int"
 * ```
 * @example
 * ```ts
 * castFormatArg(null); // throws TypeError "cast() argument 'format' must be str, not None"
 * ```
 */
export function castFormatArg(format: unknown): string {
  if (typeof format !== "string") {
    // _PyArg_BadArgument names None itself, other values by their type.
    const given = format === null ? "None" : pythonTypeName(format);
    throw new TypeError(`cast() argument 'format' must be str, not ${given}`);
  }
  return format;
}
