/**
 * SipHash-1-3, the hash CPython uses for `bytes` and `str` since 3.11
 * (`Python/pyhash.c`, `siphash13`): one compression round per 8-byte word,
 * three finalisation rounds, the length in the top byte of the last word.
 *
 * The 64-bit lanes are kept as pairs of unsigned 32-bit halves so the hot
 * loop allocates nothing and needs no BigInt arithmetic.
 *
 * @packageDocumentation
 */

// v0..v3 as [hi, lo] pairs: v[0]=v0.hi, v[1]=v0.lo, v[2]=v1.hi, …
const v = new Uint32Array(8);

function add(a: number, b: number): void {
  // v_a += v_b (64-bit, wrapping)
  const lo = (v[a + 1]! + v[b + 1]!) >>> 0;
  // `<=` differs only when v_b's low word is exactly 0 at an add, which no practical input reaches.
  const carry = lo < v[a + 1]! ? 1 : 0;
  v[a] = (v[a]! + v[b]! + carry) >>> 0;
  v[a + 1] = lo;
}

function rotl(a: number, s: number): void {
  let hi = v[a]!;
  let lo = v[a + 1]!;
  if (s >= 32) {
    const t = hi;
    hi = lo;
    lo = t;
    s -= 32;
  }
  if (s > 0) {
    const nh = ((hi << s) | (lo >>> (32 - s))) >>> 0;
    const nl = ((lo << s) | (hi >>> (32 - s))) >>> 0;
    hi = nh;
    lo = nl;
  }
  v[a] = hi;
  v[a + 1] = lo;
}

function xor(a: number, b: number): void {
  v[a] = (v[a]! ^ v[b]!) >>> 0;
  v[a + 1] = (v[a + 1]! ^ v[b + 1]!) >>> 0;
}

function halfRound(a: number, b: number, c: number, d: number, s: number, t: number): void {
  add(a, b);
  add(c, d);
  rotl(b, s);
  xor(b, a);
  rotl(d, t);
  xor(d, c);
  rotl(a, 32);
}

function sipRound(): void {
  halfRound(0, 2, 4, 6, 13, 16);
  halfRound(4, 2, 0, 6, 17, 21);
}

function xorWord(a: number, hi: number, lo: number): void {
  v[a] = (v[a]! ^ hi) >>> 0;
  v[a + 1] = (v[a + 1]! ^ lo) >>> 0;
}

/**
 * SipHash-1-3 of `data` under the 128-bit key (`k0`, `k1`), as the unsigned
 * 64-bit result.
 *
 * @param data - the message
 * @param k0 - low 64 bits of the key (default 0, CPython's key under
 *   `PYTHONHASHSEED=0`)
 * @param k1 - high 64 bits of the key (default 0)
 * @returns the 64-bit hash as a bigint in [0, 2**64)
 *
 * @example
 * ```ts
 * siphash13(new Uint8Array([97, 98, 99])); // returns 0xc03bc3a0042630f2n
 * BigInt.asIntN(64, siphash13(new Uint8Array([97, 98, 99]))); // returns -4594863902769663758n
 * ```
 */
export function siphash13(data: Uint8Array, k0 = 0n, k1 = 0n): bigint {
  const k0hi = Number((k0 >> 32n) & 0xffffffffn);
  const k0lo = Number(k0 & 0xffffffffn);
  const k1hi = Number((k1 >> 32n) & 0xffffffffn);
  const k1lo = Number(k1 & 0xffffffffn);
  v[0] = (k0hi ^ 0x736f6d65) >>> 0;
  v[1] = (k0lo ^ 0x70736575) >>> 0;
  v[2] = (k1hi ^ 0x646f7261) >>> 0;
  v[3] = (k1lo ^ 0x6e646f6d) >>> 0;
  v[4] = (k0hi ^ 0x6c796765) >>> 0;
  v[5] = (k0lo ^ 0x6e657261) >>> 0;
  v[6] = (k1hi ^ 0x74656462) >>> 0;
  v[7] = (k1lo ^ 0x79746573) >>> 0;

  const n = data.length;
  const whole = n - (n % 8);
  let i = 0;
  for (; i < whole; i += 8) {
    // little-endian 64-bit word
    const lo = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) >>> 0;
    const hi = (data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24)) >>> 0;
    xorWord(6, hi, lo);
    sipRound();
    xorWord(0, hi, lo);
  }
  // the tail, with the length's low byte in the top byte
  let lo = 0;
  let hi = ((n & 0xff) << 24) >>> 0;
  // Reading one byte past the end gives undefined, which shifts and ORs as 0, so `<=` hashes the same.
  for (let j = 0; i + j < n; j++) {
    const byte = data[i + j]!;
    if (j < 4) lo = (lo | (byte << (8 * j))) >>> 0;
    // Shift counts are taken mod 32, so for j in 4..7 `8 * (j + 4)` shifts as far as `8 * (j - 4)`.
    else hi = (hi | (byte << (8 * (j - 4)))) >>> 0;
  }
  xorWord(6, hi, lo);
  sipRound();
  xorWord(0, hi, lo);
  v[5] = (v[5]! ^ 0xff) >>> 0;
  sipRound();
  sipRound();
  sipRound();
  const rhi = (v[0]! ^ v[2]! ^ v[4]! ^ v[6]!) >>> 0;
  const rlo = (v[1]! ^ v[3]! ^ v[5]! ^ v[7]!) >>> 0;
  return (BigInt(rhi) << 32n) | BigInt(rlo);
}
