/**
 * The struct functions' argument and range errors, worded as
 * `Modules/_struct.c` words them (`s_pack_into`, `s_unpack_from`), and the
 * one offset check that raises them ({@link structOffset}), for `Struct` and
 * for its record form alike.
 *
 * @packageDocumentation
 */

import { StructError } from "../errors.js";
import type { CompiledFormat } from "../codec/compile.js";
import { offsetArg } from "./offset-arg.js";

/** What the messages need of a compiled format: its size and value count, exact. */
export type SizedFormat = Pick<CompiledFormat, "size" | "exactSize" | "exactLen">;

/**
 * The offset a message prints, exact even above 2**53: a bigint argument as
 * given (its number form may have been rounded), else the integer offset.
 */
function exactOffset(raw: unknown, offset: number): bigint {
  return typeof raw === "bigint" && Number(raw) === offset ? raw : BigInt(offset);
}

/**
 * `pack_into`'s refusal of `count` arguments.
 *
 * @example
 * ```ts
 * packIntoArityError({ size: 2, exactSize: 2n, exactLen: 1n }, 0).message; // returns "pack_into expected buffer argument"
 * ```
 */
export function packIntoArityError(compiled: SizedFormat, count: number): StructError {
  if (count === 0) return new StructError("pack_into expected buffer argument", { kind: "arity" });
  if (count === 1) return new StructError("pack_into expected offset argument", { kind: "arity" });
  return new StructError(`pack_into expected ${compiled.exactLen} items for packing (got ${count - 2})`, { kind: "arity" });
}

/**
 * `pack_into`'s refusal of an offset where the struct does not fit.
 *
 * @example
 * ```ts
 * packIntoRangeError({ size: 4, exactSize: 4n, exactLen: 1n }, 2, 4, 2).message; // returns "pack_into requires a buffer of at least 6 bytes for packing 4 bytes at offset 2 (actual buffer size is 4)"
 * ```
 */
export function packIntoRangeError(compiled: SizedFormat, offset: number, byteLength: number, raw: unknown): StructError {
  const exact = exactOffset(raw, offset);
  if (offset < 0) {
    if (offset + compiled.size > 0) {
      return new StructError(`no space to pack ${compiled.exactSize} bytes at offset ${exact}`, { kind: "buffer" });
    }
    return new StructError(`offset ${exact} out of range for ${byteLength}-byte buffer`, { kind: "buffer" });
  }
  return new StructError(
    `pack_into requires a buffer of at least ${compiled.exactSize + exact} bytes for packing ` +
      `${compiled.exactSize} bytes at offset ${exact} (actual buffer size is ${byteLength})`,
    { kind: "buffer" },
  );
}

/**
 * `unpack_from`'s refusal of an offset where the struct does not fit.
 *
 * @example
 * ```ts
 * unpackFromRangeError({ size: 4, exactSize: 4n, exactLen: 1n }, -6, 4, -6).message; // returns "offset -6 out of range for 4-byte buffer"
 * ```
 */
export function unpackFromRangeError(compiled: SizedFormat, offset: number, byteLength: number, raw: unknown): StructError {
  const exact = exactOffset(raw, offset);
  if (offset < 0) {
    if (offset + compiled.size > 0) {
      return new StructError(`not enough data to unpack ${compiled.exactSize} bytes at offset ${exact}`, { kind: "buffer" });
    }
    return new StructError(`offset ${exact} out of range for ${byteLength}-byte buffer`, { kind: "buffer" });
  }
  return new StructError(
    `unpack_from requires a buffer of at least ${compiled.exactSize + exact} bytes for unpacking ` +
      `${compiled.exactSize} bytes at offset ${exact} (actual buffer size is ${byteLength})`,
    { kind: "buffer" },
  );
}

/**
 * The byte position, in a buffer of `byteLength` bytes, of a struct at the
 * offset argument `raw` (negative counts from the end), checked as
 * `s_pack_into` (`forPackInto`) and `Struct_unpack_from_impl` check it, with
 * their messages.
 *
 * @example
 * ```ts
 * structOffset({ size: 4, exactSize: 4n, exactLen: 1n }, -4, 10, false); // returns 6
 * ```
 * @example
 * ```ts
 * structOffset({ size: 4, exactSize: 4n, exactLen: 1n }, 8, 10, true); // throws StructError
 * ```
 */
export function structOffset(sized: SizedFormat, raw: unknown, byteLength: number, forPackInto: boolean): number {
  let offset = typeof raw === "number" && (raw | 0) === raw ? raw : offsetArg(raw, forPackInto);
  const size = sized.size;
  const rangeError = forPackInto ? packIntoRangeError : unpackFromRangeError;
  if (offset < 0) {
    if (offset + size > 0 || offset + byteLength < 0) throw rangeError(sized, offset, byteLength, raw);
    offset += byteLength;
  }
  if (byteLength - offset < size) throw rangeError(sized, offset, byteLength, raw);
  return offset;
}
