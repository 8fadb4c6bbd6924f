/**
 * The PEP 3118 codes that can be parsed but never decoded here, and why.
 *
 * @packageDocumentation
 */

const REASONS: Readonly<Record<string, string>> = Object.freeze({
  O: "'O' (a pointer to a Python object): a buffer seen from JavaScript holds no Python objects to point to",
  "&": "'&' (a pointer to the next item): an address in the buffer means nothing in JavaScript's memory",
  g: "'g' (a C long double): JavaScript numbers are 64-bit doubles, and the 80-bit extended format cannot be read or written exactly",
  Zg: "'Zg' (a complex long double): JavaScript numbers are 64-bit doubles, and the 80-bit extended format cannot be read or written exactly",
  t: "'t' (a bit field): its bit layout is up to each C compiler",
  X: "'X{}' (a function pointer): there is no function behind an address in JavaScript",
});

/**
 * Why `code` cannot be decoded, or undefined for a code that is not one of
 * the unsupported PEP 3118 codes.
 *
 * @example
 * ```ts
 * unsupportedReason("O").startsWith("'O'"); // returns true
 * ```
 * @example
 * ```ts
 * unsupportedReason("i"); // returns undefined
 * ```
 */
export function unsupportedReason(code: string): string | undefined {
  return Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
}
