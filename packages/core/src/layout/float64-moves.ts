/**
 * Whether this engine moves a double's bits through a Float64Array
 * unchanged: the strided copy moves 8-byte words as doubles only then.
 *
 * @packageDocumentation
 */

// An empty body returns undefined, which selects the 32-bit word copies: those move any bits exactly on
// every engine, so copies come out the same.
function probeFloat64Moves(): boolean {
  // Engines that NaN-box their values (SpiderMonkey, JavaScriptCore)
  // canonicalize a NaN read from a Float64Array; V8 moves the bits as they
  // are. Copies may use Float64Array words only where the bits survive.
  const bytes = new Uint8Array(16);
  const words = new Uint32Array(bytes.buffer);
  words[0] = 0x00000001;
  words[1] = 0x7ff00001; // a signalling NaN with a payload, either byte order
  const doubles = new Float64Array(bytes.buffer);
  doubles[1] = doubles[0]!;
  return words[2] === words[0] && words[3] === words[1];
}

/**
 * Whether moving a double through a Float64Array keeps its bits (NaN
 * payloads included) on this engine: then copies move 8-byte words as
 * doubles, else as pairs of 32-bit words.
 *
 * @example
 * ```ts
 * typeof FLOAT64_MOVES_KEEP_BITS; // returns "boolean"
 * ```
 */
export const FLOAT64_MOVES_KEEP_BITS = probeFloat64Moves();
