/**
 * `repr(float)`: the shortest digits that round-trip (JavaScript finds the
 * same ones), laid out by CPython's rule for `format_float_short` in mode
 * `'r'` (`Python/pystrtod.c`): exponent notation when the decimal point
 * would sit before the 4th leading zero or after the 16th digit, otherwise
 * fixed notation that always shows a fractional part.
 *
 * @param x - a double
 * @returns Python's `repr(x)`
 *
 * @example
 * ```ts
 * pyFloatRepr(1); // returns "1.0"
 * pyFloatRepr(1e16); // returns "1e+16"
 * pyFloatRepr(1e-5); // returns "1e-05"
 * pyFloatRepr(-0); // returns "-0.0"
 * pyFloatRepr(NaN); // returns "nan"
 * ```
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const decpt = Number(exponent) + 1;
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const expText = String(Math.abs(exp)).padStart(2, "0");
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${expText}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
