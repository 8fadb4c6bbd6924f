/**
 * Decodes the tagged values of `fixtures/golden.json` into the contract's
 * value mapping: `{"$big"}` → bigint, `{"$bytes"}` → Uint8Array,
 * `{"$float"}` → NaN, ±Infinity or -0.
 *
 * @packageDocumentation
 */

/**
 * Bytes from a hex string.
 *
 * @example
 * ```ts
 * fromHex("0aff"); // returns Uint8Array [10, 255]
 * ```
 */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * A hex string from bytes.
 *
 * @example
 * ```ts
 * toHex(new Uint8Array([10, 255])); // returns "0aff"
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/**
 * Decodes one tagged value, recursively.
 *
 * @example
 * ```ts
 * decodeValue([{ $big: "5" }, { $float: "nan" }]); // returns [5n, NaN]
 * ```
 */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === "object") {
    const tagged = value as Record<string, string>;
    if ("$big" in tagged) return BigInt(tagged.$big as string);
    if ("$bytes" in tagged) return fromHex(tagged.$bytes as string);
    if ("$float" in tagged) {
      return { nan: NaN, inf: Infinity, "-inf": -Infinity, "-0": -0 }[tagged.$float as string];
    }
    if ("real" in tagged && "imag" in tagged) return { real: decodeValue(tagged.real), imag: decodeValue(tagged.imag) };
  }
  return value;
}
