/**
 * Alignment: the largest power of two that divides an address or a byte
 * count, as C's `alignof` promises and SIMD and DMA code checks.
 *
 * @packageDocumentation
 */

const LOW_32_BITS = 0xffff_ffffn;

/**
 * The largest power of two that divides a non-negative integer below 2**32
 * (a byte stride or offset); `Infinity` for 0, which every power divides.
 */
function lowBitPower(value: number): number {
  if (value === 0) return Number.POSITIVE_INFINITY;
  // value & -value keeps the lowest set bit; >>> 0 reads it unsigned.
  return (value & -value) >>> 0;
}

/**
 * The largest power of two that divides `address`. Every power of two
 * divides `0n`, so its alignment is `Infinity`.
 *
 * @param address - an address, as a non-negative bigint
 * @returns a power of two, or Infinity for 0n
 *
 * @example
 * ```ts
 * addressAlignment(0x7f00_1230n); // returns 16
 * ```
 * @example
 * ```ts
 * addressAlignment(0x1_0000_0000n); // returns 4294967296
 * ```
 * @example
 * ```ts
 * addressAlignment(0n); // returns Infinity
 * ```
 */
export function addressAlignment(address: bigint): number {
  const low = Number(address & LOW_32_BITS);
  if (low !== 0) return lowBitPower(low);
  if (address === 0n) return Number.POSITIVE_INFINITY;
  return 2 ** 32 * addressAlignment(address >> 32n);
}

/**
 * The largest power of two that divides a byte count of either sign (a
 * stride may be negative); `Infinity` for 0.
 *
 * @param byteCount - a safe integer
 * @returns a power of two, or Infinity for 0
 *
 * @example
 * ```ts
 * byteAlignment(-24); // returns 8
 * ```
 * @example
 * ```ts
 * byteAlignment(0); // returns Infinity
 * ```
 */
export function byteAlignment(byteCount: number): number {
  const magnitude = Math.abs(byteCount);
  if (magnitude < 2 ** 32) return lowBitPower(magnitude);
  return addressAlignment(BigInt(magnitude));
}
