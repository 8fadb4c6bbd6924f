/**
 * IEEE 754 binary16 ("half float", format `e`) by hand, as CPython's
 * `PyFloat_Pack2` and `PyFloat_Unpack2` (`Objects/floatobject.c`) do it:
 * Node 20 has no `Float16Array`.
 *
 * Packing rounds half to even, underflows gradually through the subnormals
 * (the smallest is 2**-24; anything below 2**-25 becomes a signed zero), and
 * overflows from 65520 up. NaNs keep their sign and the top ten bits of their
 * payload, as in 3.14 (gh-130317).
 *
 * @packageDocumentation
 */

/**
 * What {@link halfBitsFromNumber} returns for a finite number too large for `e`.
 *
 * @example
 * ```ts
 * halfBitsFromNumber(1e6) === HALF_OVERFLOW; // returns true
 * ```
 */
export const HALF_OVERFLOW = -1;

const scratch = new DataView(new ArrayBuffer(8));

/** 2**exponent for an exponent of a normal double, built from its bits. */
function powerOfTwo(exponent: number): number {
  scratch.setUint32(0, (exponent + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

/**
 * The 16 bits of the half float nearest to `x`, or {@link HALF_OVERFLOW} when
 * `x` is finite but rounds beyond the largest half (65504).
 *
 * @example
 * ```ts
 * halfBitsFromNumber(1); // returns 0x3c00
 * ```
 * @example
 * ```ts
 * halfBitsFromNumber(-0); // returns 0x8000
 * ```
 * @example
 * ```ts
 * halfBitsFromNumber(65520); // returns -1
 * ```
 */
export function halfBitsFromNumber(x: number): number {
  let sign: number;
  let exponent: number;
  let bits: number;
  if (x === 0) {
    return Object.is(x, -0) ? 0x8000 : 0;
  }
  if (x === Infinity) return 0x7c00;
  if (x === -Infinity) return 0xfc00;
  if (Number.isNaN(x)) {
    // PyFloat_Pack2 (3.14): the sign and the top ten payload bits survive.
    scratch.setFloat64(0, x);
    const high = scratch.getUint32(0);
    sign = high >>> 31;
    const payload = (high >>> 10) & 0x3ff;
    return (sign << 15) | 0x7c00 | payload;
  }
  sign = x < 0 ? 1 : 0;
  if (sign) x = -x;
  // frexp() done exactly from the bits: x = f * 2**exponent with f in [1, 2).
  scratch.setFloat64(0, x);
  const biased = (scratch.getUint32(0) >>> 20) & 0x7ff;
  if (biased === 0) {
    // A subnormal double is far below 2**-25: it underflows to zero.
    return sign << 15;
  }
  exponent = biased - 1023;
  let f = x / powerOfTwo(exponent);
  if (exponent >= 16) {
    return HALF_OVERFLOW;
  } else if (exponent < -25) {
    f = 0;
    exponent = 0;
  } else if (exponent < -14) {
    // Gradual underflow: scale into the subnormal range.
    f *= powerOfTwo(14 + exponent);
    exponent = 0;
  } else {
    exponent += 15;
    f -= 1;
  }
  f *= 1024;
  bits = Math.trunc(f);
  const rest = f - bits;
  if (rest > 0.5 || (rest === 0.5 && (bits & 1) === 1)) {
    bits += 1;
    if (bits === 1024) {
      // The carry ran out of ten 1 bits.
      bits = 0;
      exponent += 1;
      if (exponent === 31) return HALF_OVERFLOW;
    }
  }
  return (sign << 15) | (exponent << 10) | bits;
}

/**
 * The number that the 16 bits of a half float stand for.
 *
 * @example
 * ```ts
 * numberFromHalfBits(0x3c00); // returns 1
 * ```
 * @example
 * ```ts
 * numberFromHalfBits(0x0001); // returns 5.960464477539063e-8
 * ```
 * @example
 * ```ts
 * numberFromHalfBits(0xfc00); // returns -Infinity
 * ```
 */
export function numberFromHalfBits(bits: number): number {
  const sign = bits & 0x8000;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  let x: number;
  if (exponent === 0x1f) {
    if (fraction !== 0) return Number.NaN;
    x = Infinity;
  } else if (exponent === 0) {
    x = fraction * 5.9604644775390625e-8; // fraction * 2**-24, exact
  } else {
    x = (1024 + fraction) * powerOfTwo(exponent - 25);
  }
  return sign ? -x : x;
}
