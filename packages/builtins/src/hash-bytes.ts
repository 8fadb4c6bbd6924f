/**
 * The hash of a byte string: the one function behind `bytes.hash()` and
 * `memoryview.hash()`, so that, as in Python, a read-only view hashes like
 * the bytes it shows (`hash(m) == hash(m.tobytes())`).
 *
 * CPython hashes bytes with SipHash-1-3 under a random per-process key
 * (`_Py_HashBytes` in `Python/pyhash.c`). A JavaScript program has no such
 * process-wide secret to share, so this hash is deterministic: it is
 * CPython's own `hash(b)` as computed with `PYTHONHASHSEED=0` (which makes
 * the key zero), reduced to the 53 bits a `number` holds exactly:
 *
 * ```
 * hashBytes(b) === Number(BigInt.asIntN(53, BigInt(python_hash)))
 * ```
 *
 * where `python_hash` is `hash(b)` from `PYTHONHASHSEED=0 python3`: 0 for
 * the empty string, -2 in place of -1, otherwise SipHash-1-3 read as a signed
 * 64-bit integer. The full 64-bit value is `siphash13` of this package.
 *
 * Being deterministic, it is not a defence against hash flooding; use it for
 * equality-consistent keys, not for untrusted input in a hash table.
 *
 * @packageDocumentation
 */
import { siphash13 } from "./siphash13.js";

/**
 * The hash of the bytes in `data`, an integer in [-2**52, 2**52).
 *
 * @param data - the bytes (read, never kept)
 * @returns a deterministic 53-bit hash; equal bytes give equal hashes
 *
 * @example
 * ```ts
 * hashBytes(new Uint8Array(0)); // returns 0
 * hashBytes(new TextEncoder().encode("abc")); // returns -1192282851757838
 * ```
 */
export function hashBytes(data: Uint8Array): number {
  if (data.length === 0) return 0;
  let x = BigInt.asIntN(64, siphash13(data));
  // CPython's -1 → -2 rule (-1 means "error" in C). No byte string is known whose SipHash is -1,
  // so no test can reach this line.
  if (x === -1n) x = -2n;
  return Number(BigInt.asIntN(53, x));
}
