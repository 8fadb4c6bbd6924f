/**
 * The sizes and alignments of C types in CPython's native mode (`@`).
 *
 * CPython's native table (`native_table` in `Modules/_struct.c`) takes
 * `sizeof` and `_Alignof` of the C types of the interpreter's platform. The
 * codec follows CPython 3.14 on x86-64 Linux, an LP64 platform: `long`,
 * `size_t`, `Py_ssize_t` and pointers are 8 bytes there, so native `l L n N P`
 * are 8-byte integers (and `bigint`s, SPEC §2), while the standard sizes of
 * `=<>!` keep `l L` at 4 bytes. Every scalar is aligned to its own size except
 * `_Bool` (1 byte) and the half float `e`, which CPython aligns like `short`.
 *
 * @packageDocumentation
 */

/**
 * `sizeof` of each native C type, in bytes, on x86-64 Linux.
 *
 * @example
 * ```ts
 * NATIVE_SIZES.long; // returns 8
 * ```
 */
export const NATIVE_SIZES = Object.freeze({
  char: 1,
  bool: 1,
  short: 2,
  int: 4,
  long: 8,
  longLong: 8,
  sizeT: 8,
  pointer: 8,
  half: 2,
  float: 4,
  double: 8,
  floatComplex: 8,
  doubleComplex: 16,
});

/**
 * `_Alignof` of each native C type, in bytes, on x86-64 Linux.
 *
 * @example
 * ```ts
 * NATIVE_ALIGNMENTS.double; // returns 8
 * ```
 */
export const NATIVE_ALIGNMENTS = Object.freeze({
  char: 1,
  bool: 1,
  short: 2,
  int: 4,
  long: 8,
  longLong: 8,
  sizeT: 8,
  pointer: 8,
  half: 2,
  float: 4,
  double: 8,
  floatComplex: 4,
  doubleComplex: 8,
});

/**
 * Whether the native byte order is little-endian: it is on x86-64, so `@` and
 * `=` read and write little-endian whatever the JavaScript host's order is.
 *
 * @example
 * ```ts
 * NATIVE_LITTLE_ENDIAN; // returns true
 * ```
 */
export const NATIVE_LITTLE_ENDIAN = true;

/**
 * `PY_SSIZE_T_MAX` on a 64-bit platform: no struct may be larger.
 *
 * @example
 * ```ts
 * PY_SSIZE_T_MAX; // returns 9223372036854775807n
 * ```
 */
export const PY_SSIZE_T_MAX = 9223372036854775807n;
