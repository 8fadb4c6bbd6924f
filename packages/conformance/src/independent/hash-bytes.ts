/**
 * The independent model's hash of bytes, shared by its byte strings and its
 * read-only byte views (which must hash alike), in a module of its own so
 * that neither imports the other for it.
 *
 * @packageDocumentation
 */

/** FNV-1a over the bytes: the hash of bytes and of read-only byte views alike. */
export function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}
