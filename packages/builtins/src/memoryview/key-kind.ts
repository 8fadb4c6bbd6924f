/**
 * What a subscript key is, as `memory_subscript` and `memory_ass_sub`
 * (`Objects/memoryobject.c`) tell keys apart: an index (`_PyIndex_Check`),
 * a slice, `Ellipsis`, a tuple (a JavaScript array) of indices
 * (`is_multiindex`, true for the empty tuple), a non-empty tuple of slices
 * (`is_multislice`), and, beyond CPython, a tuple that mixes indices,
 * slices and one `Ellipsis` (NumPy's basic indexing).
 *
 * @packageDocumentation
 */
import { Ellipsis } from "../ellipsis.js";
import { isIndex } from "../python/as-index.js";
import { isSliceLike } from "../python/slice-indices.js";

/**
 * The kinds of key, one bit each.
 *
 * @example
 * ```ts
 * KeyKind.MULTI_INDEX | KeyKind.MULTI_SLICE; // returns 24
 * ```
 */
export const KeyKind = Object.freeze({
  /** An integer: number, bigint or boolean. */
  INDEX: 1,
  /** A `slice` or any object with `start`/`stop`/`step`. */
  SLICE: 2,
  /** `Ellipsis`. */
  ELLIPSIS: 4,
  /** A tuple of indices only (the empty tuple too). */
  MULTI_INDEX: 8,
  /** A non-empty tuple of slices only. */
  MULTI_SLICE: 16,
  /** A tuple of indices, slices and `Ellipsis`, mixed (NumPy). */
  BASIC: 32,
  /** Anything else: "memoryview: invalid slice key". */
  INVALID: 64,
} as const);

function tupleKind(key: readonly unknown[]): number {
  let indices = 0;
  let slices = 0;
  for (let i = 0; i < key.length; i++) {
    const part = key[i];
    if (isIndex(part)) indices++;
    else if (isSliceLike(part)) slices++;
    else if (part !== Ellipsis) return KeyKind.INVALID;
  }
  if (indices === key.length) return KeyKind.MULTI_INDEX;
  if (slices === key.length) return KeyKind.MULTI_SLICE;
  return KeyKind.BASIC;
}

/**
 * The {@link KeyKind} of `key`.
 *
 * @example
 * ```ts
 * [keyKind(-1n), keyKind(slice(2)), keyKind(Ellipsis)]; // returns [1, 2, 4]
 * ```
 * @example
 * ```ts
 * [keyKind([]), keyKind([0, 1]), keyKind([slice(1), slice(2)])]; // returns [8, 8, 16]
 * ```
 * @example
 * ```ts
 * [keyKind([0, slice(1)]), keyKind([Ellipsis, 0]), keyKind(1.5), keyKind("a")]; // returns [32, 32, 64, 64]
 * ```
 */
export function keyKind(key: unknown): number {
  if (isIndex(key)) return KeyKind.INDEX;
  if (key === Ellipsis) return KeyKind.ELLIPSIS;
  if (Array.isArray(key)) return tupleKind(key);
  if (isSliceLike(key)) return KeyKind.SLICE;
  return KeyKind.INVALID;
}
