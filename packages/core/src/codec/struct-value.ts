/**
 * The JavaScript values the struct codec reads and writes (SPEC §2, in SPEC.md).
 *
 * @packageDocumentation
 */

/**
 * A complex value (CPython 3.14's `F` and `D`): its two halves as doubles.
 *
 * @example
 * ```ts
 * unpack("<D", pack("<D", { real: 1, imag: 2 })); // returns [{ real: 1, imag: 2 }]
 * ```
 */
export interface ComplexValue {
  /** The real part. */
  readonly real: number;
  /** The imaginary part. */
  readonly imag: number;
}

/**
 * One value of the struct codec.
 *
 * Integers of 1 to 4 bytes are `number`; 8-byte integers (`q Q n N P`, and
 * native `l L`) are `bigint`; `e f d` are `number`; `?` is `boolean`; `c`, `s`
 * and `p` are fresh `Uint8Array`s; a complex (`F`, `D`, `Zf`, `Zd`) is
 * `{ real, imag }`. Arrays appear only where a PEP 3118 format nests: a
 * sub-array `(2,3)i` or a struct `T{…}`.
 *
 * @example
 * ```ts
 * unpack("<hq?", new Uint8Array([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1])); // returns [1, 2n, true]
 * ```
 */
export type StructValue = number | bigint | boolean | Uint8Array | ComplexValue | StructValue[];
