/**
 * Rows for the integer codes `b B h H i I l L q Q n N P`.
 *
 * Each packer accepts what `get_pylong()` accepts ({@link integerArg}) and
 * refuses a value outside its row's range with `_range_error()`'s words
 * ({@link rangeError}). Native `P` (`np_void_p`) accepts -2**63 … 2**64-1, as
 * `PyLong_AsVoidPtr` does on a 64-bit platform, stores negatives in two's
 * complement, reads back unsigned, and fails with "int too large to convert".
 *
 * The big-endian 8-byte rows (`bp_longlong`, `bp_ulonglong`) convert with
 * `_PyLong_AsByteArray`, which writes the low 8 bytes of the integer before it
 * finds that it overflows (an unsigned row refuses a negative one before
 * writing): `pack_into` leaves those bytes behind when it fails. The
 * little-endian rows use the native functions on this platform, which check
 * first, and leave nothing.
 *
 * @packageDocumentation
 */

import { integerArg } from "./integer-arg.js";
import { intTooLargeError, rangeError } from "./range-error.js";
import type { Row } from "./row.js";

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** An integer argument as a bigint (`get_pylong`): "required argument is not an integer" otherwise. */
function bigIntegerArg(value: unknown): bigint {
  const x = integerArg(value);
  return typeof x === "bigint" ? x : BigInt(x);
}

/**
 * The row of integer code `char`: `size` bytes, signed or not, aligned to
 * `align` (0 for none), little- or big-endian. `pointer` selects native `P`.
 *
 * @example
 * ```ts
 * integerRow("h", 2, true, 0, true).size; // returns 2
 * ```
 */
export function integerRow(
  char: string,
  size: 1 | 2 | 4 | 8,
  signed: boolean,
  align: number,
  littleEndian: boolean,
  pointer = false,
): Row {
  const truncates = size === 8 && !pointer && !littleEndian;
  const le = littleEndian;
  const fail = (): Error => (pointer ? intTooLargeError() : rangeError(char, size, signed));
  const base = { char, size, align, littleEndian };
  switch (size) {
    case 1:
      return signed
        ? {
            ...base,
            unpack: (view, byteOffset) => view.getInt8(byteOffset),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getInt8(byteOffset + j);
            },
            pack: (view, byteOffset, value) => {
              const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
              if (x < -128 || x > 127) throw fail();
              view.setInt8(byteOffset, Number(x));
            },
          }
        : {
            ...base,
            unpack: (view, byteOffset) => view.getUint8(byteOffset),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getUint8(byteOffset + j);
            },
            pack: (view, byteOffset, value) => {
              const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
              if (x < 0 || x > 255) throw fail();
              view.setUint8(byteOffset, Number(x));
            },
          };
    case 2:
      return signed
        ? {
            ...base,
            unpack: (view, byteOffset) => view.getInt16(byteOffset, le),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getInt16(byteOffset + 2 * j, le);
            },
            pack: (view, byteOffset, value) => {
              const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
              if (x < -32768 || x > 32767) throw fail();
              view.setInt16(byteOffset, Number(x), le);
            },
          }
        : {
            ...base,
            unpack: (view, byteOffset) => view.getUint16(byteOffset, le),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getUint16(byteOffset + 2 * j, le);
            },
            pack: (view, byteOffset, value) => {
              const x = typeof value === "number" && (value | 0) === value ? value : integerArg(value);
              if (x < 0 || x > 65535) throw fail();
              view.setUint16(byteOffset, Number(x), le);
            },
          };
    case 4:
      return signed
        ? {
            ...base,
            unpack: (view, byteOffset) => view.getInt32(byteOffset, le),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getInt32(byteOffset + 4 * j, le);
            },
            pack: (view, byteOffset, value) => {
              if (typeof value === "number" && (value | 0) === value) {
                view.setInt32(byteOffset, value, le);
                return;
              }
              const x = integerArg(value);
              if (x < -2147483648 || x > 2147483647) throw fail();
              view.setInt32(byteOffset, Number(x), le);
            },
          }
        : {
            ...base,
            unpack: (view, byteOffset) => view.getUint32(byteOffset, le),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getUint32(byteOffset + 4 * j, le);
            },
            pack: (view, byteOffset, value) => {
              if (typeof value === "number" && value >>> 0 === value) {
                view.setUint32(byteOffset, value, le);
                return;
              }
              const x = integerArg(value);
              if (x < 0 || x > 4294967295) throw fail();
              view.setUint32(byteOffset, Number(x), le);
            },
          };
    case 8:
      if (pointer) {
        return {
          ...base,
          unpack: (view, byteOffset) => view.getBigUint64(byteOffset, le),
          unpackRun: (view, byteOffset, count, out, outIndex) => {
            for (let j = 0; j < count; j++) out[outIndex + j] = view.getBigUint64(byteOffset + 8 * j, le);
          },
          pack: (view, byteOffset, value) => {
            const x = typeof value === "number" && Number.isSafeInteger(value) ? BigInt(value) : bigIntegerArg(value);
            if (x < INT64_MIN || x > UINT64_MAX) throw fail();
            view.setBigUint64(byteOffset, BigInt.asUintN(64, x), le);
          },
        };
      }
      return signed
        ? {
            ...base,
            unpack: (view, byteOffset) => view.getBigInt64(byteOffset, le),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getBigInt64(byteOffset + 8 * j, le);
            },
            pack: (view, byteOffset, value) => {
              if (typeof value === "number" && Number.isSafeInteger(value)) {
                view.setBigInt64(byteOffset, BigInt(value), le);
                return;
              }
              const x = bigIntegerArg(value);
              if (x < INT64_MIN || x > INT64_MAX) {
                if (truncates) view.setBigUint64(byteOffset, BigInt.asUintN(64, x), le);
                throw fail();
              }
              view.setBigInt64(byteOffset, x, le);
            },
          }
        : {
            ...base,
            unpack: (view, byteOffset) => view.getBigUint64(byteOffset, le),
            unpackRun: (view, byteOffset, count, out, outIndex) => {
              for (let j = 0; j < count; j++) out[outIndex + j] = view.getBigUint64(byteOffset + 8 * j, le);
            },
            pack: (view, byteOffset, value) => {
              if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
                view.setBigUint64(byteOffset, BigInt(value), le);
                return;
              }
              const x = bigIntegerArg(value);
              if (x < 0n || x > UINT64_MAX) {
                if (truncates && x >= 0n) view.setBigUint64(byteOffset, BigInt.asUintN(64, x), le);
                throw fail();
              }
              view.setBigUint64(byteOffset, x, le);
            },
          };
  }
}
