/**
 * Value conversions shared by the adapters for struct libraries written
 * elsewhere. Those libraries speak JavaScript strings where the contract
 * speaks bytes (`c`, `s`, `p` fields), so an adapter turns the suite's
 * `Uint8Array`s into strings on the way in and strings back into bytes on
 * the way out. Nothing else is converted: a wrong answer stays wrong.
 *
 * @packageDocumentation
 */

/**
 * A byte string as a string of one character per byte (Latin-1), the way
 * `String.fromCharCode` libraries read `c` and `s` fields.
 *
 * @param bytes - the bytes
 * @returns the string
 *
 * @example
 * ```ts
 * latin1String(new Uint8Array([104, 105, 255])); // returns "hi\u00ff"
 * ```
 */
export function latin1String(bytes: Uint8Array): string {
  let out = "";
  // Chunked: String.fromCharCode takes its bytes as arguments.
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

const encoder = new TextEncoder();

/**
 * A string a library returned for a byte field, as bytes: one byte per
 * character when every character fits in a byte (Latin-1, what a `c` or a
 * `String.fromCharCode` field gives), UTF-8 otherwise (what a library that
 * decodes `s` as UTF-8 gives).
 *
 * @param text - the library's string
 * @returns the bytes
 *
 * @example
 * ```ts
 * stringBytes("hi");      // returns Uint8Array [104, 105]
 * stringBytes("\u20ac");  // returns Uint8Array [226, 130, 172]
 * ```
 */
export function stringBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return encoder.encode(text);
    out[i] = code;
  }
  return out;
}

/**
 * The bytes a `Uint8Array` (or any ArrayBuffer view) covers, as an
 * ArrayBuffer of exactly that length: the view's own buffer when it spans
 * all of it, else a copy. `writeBack` copies a changed copy into the view.
 *
 * @param view - the suite's buffer
 * @returns the ArrayBuffer and a function that writes it back into `view`
 *
 * @example
 * ```ts
 * const u8 = new Uint8Array(4);
 * exactArrayBuffer(u8).buffer === u8.buffer; // returns true
 * ```
 */
export function exactArrayBuffer(view: ArrayBufferView): { buffer: ArrayBuffer; writeBack: () => void } {
  const { buffer, byteOffset, byteLength } = view;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) {
    return { buffer, writeBack: () => {} };
  }
  const copy = new Uint8Array(view.buffer, byteOffset, byteLength).slice();
  return {
    buffer: copy.buffer,
    writeBack: () => new Uint8Array(view.buffer, byteOffset, byteLength).set(copy),
  };
}
