/**
 * Python 2.7's string hash, which `buffer_hash` (`Objects/bufferobject.c`)
 * computes over a buffer's bytes: FNV-like multiply-xor on a C `long`,
 * seeded with the first byte. 2.7 randomises it only under `-R` (or
 * `PYTHONHASHSEED`); without them the prefix and suffix are zero, and this
 * is that default, so `hash27(b)` equals 2.7's `hash(str(b))`.
 *
 * @packageDocumentation
 */

const MULTIPLIER = 1000003n;

/**
 * The 2.7 hash of `data` as a signed 64-bit integer.
 *
 * @example
 * ```ts
 * hash27(new Uint8Array(0)); // returns 0n
 * hash27(new TextEncoder().encode("a")); // returns 12416037344n
 * ```
 */
export function hash27(data: Uint8Array): bigint {
  if (data.length === 0) return 0n;
  let x = BigInt(data[0]! << 7);
  for (const byte of data) x = BigInt.asIntN(64, MULTIPLIER * x) ^ BigInt(byte);
  x ^= BigInt(data.length);
  x = BigInt.asIntN(64, x);
  return x === -1n ? -2n : x;
}
