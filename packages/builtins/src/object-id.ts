/**
 * Stable stand-ins for CPython object addresses, for reprs that print them
 * (`<read-only buffer for 0x…, size -1, offset 0 at 0x…>`, `%p` in
 * `PyString_FromFormat`).
 *
 * JavaScript has no addresses, so each object gets a fake one the first time
 * it is asked for: unique while the object lives, the same on every call,
 * and spaced like heap objects (0x100 apart from 0x7f0000001000). They are
 * not real addresses and never reach memory; `@mv/native`'s `addressOf`
 * gives real ones.
 *
 * @packageDocumentation
 */

const FIRST_ID = 0x7f0000001000n;
const SPACING = 0x100n;

const ids = new WeakMap<object, bigint>();
let next = FIRST_ID;

/**
 * The fake address of `obj` (Python's `id(obj)`), stable for its lifetime.
 *
 * @example
 * ```ts
 * const o = {};
 * objectId(o) === objectId(o); // returns true
 * objectId(o) === objectId({}); // returns false
 * ```
 */
export function objectId(obj: object): bigint {
  let id = ids.get(obj);
  if (id === undefined) {
    id = next;
    next += SPACING;
    ids.set(obj, id);
  }
  return id;
}

/**
 * An address as C's `%p` prints it on Linux: `0x` and lowercase hex.
 *
 * @example
 * ```ts
 * formatAddress(0x7f0000001000n); // returns "0x7f0000001000"
 * ```
 */
export function formatAddress(address: bigint): string {
  return `0x${address.toString(16)}`;
}
