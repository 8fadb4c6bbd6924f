/**
 * `m == other` (`memory_richcompare`) for memoryviews: the struct-format
 * refusal, the word-by-word fast path of C-contiguous views, then core's
 * item-by-item comparison.
 *
 * @packageDocumentation
 */
import { BufferFlags, MemoryView, isBufferExporter, parseFormat } from "@mv/core";
import { equalsContiguous } from "./equals-contiguous.js";
import { coreView, MemoryviewAttributes } from "./memoryview-attributes.js";

/**
 * The core view of a memoryview, or the value itself.
 *
 * @example
 * ```ts
 * const a = new Uint8Array(1);
 * [unwrap(memoryview(a)).obj === a, unwrap(5)]; // returns [true, 5]
 * ```
 */
export function unwrap(value: unknown): unknown {
  return value instanceof MemoryviewAttributes ? coreView(value) : value;
}

/**
 * Whether Python's `struct` cannot read `format`: PEP 3118's additions
 * (`T{…}`, sub-arrays, names), `^`, `Zf`/`Zd`, the character codes.
 * `memory_richcompare` finds such views unequal (`struct_get_unpacker`
 * fails).
 */
function isPep3118Only(format: string | null): boolean {
  if (format === null) return false;
  try {
    return !parseFormat(format).structCompatible;
  } catch {
    return true;
  }
}

/**
 * Whether `view` equals `other` as memoryview's `==` decides: struct-unpacked
 * items, with CPython's rules. `other`'s export is asked for once (its
 * GET_BUFFER is user code): a refusal makes them unequal (`NotImplemented`,
 * then identity), and a view released meanwhile equals only itself.
 *
 * @example
 * ```ts
 * viewEquals(MemoryView.from(Uint8Array.of(1, 2)), Uint8Array.of(1, 2)); // returns true
 * ```
 */
export function viewEquals(view: MemoryView, other: unknown): boolean {
  if (view.released) return view.equals(other);
  if (other instanceof MemoryView || !isBufferExporter(other)) return equalsView(view, other);
  let temporary: MemoryView;
  try {
    temporary = MemoryView.from(other, BufferFlags.FULL_RO);
  } catch {
    return false; // memory_richcompare clears the error: NotImplemented, then identity
  }
  try {
    if (view.released) return false;
    return equalsView(view, temporary);
  } finally {
    temporary.release();
  }
}

function equalsView(view: MemoryView, other: unknown): boolean {
  // memory_richcompare reads items through struct, which knows no PEP 3118
  // additions (T{…}, (n,m), :name:): such views are unequal, even to
  // themselves.
  const otherFormat = other instanceof MemoryView && !other.released ? other.format : null;
  if (isPep3118Only(view.format) || isPep3118Only(otherFormat)) return false;
  if (other instanceof MemoryView && !other.released) {
    const fast = equalsContiguous(view, other);
    if (fast !== undefined) return fast;
  }
  return view.equals(other);
}

/**
 * Whether row `i` of `view` equals `value` (`count` and `index` of a
 * multi-dimensional memoryview compare rows).
 *
 * @example
 * ```ts
 * subviewEquals(MemoryView.from(Uint8Array.of(1, 2, 3, 4)).reshape([2, 2]), 1, Uint8Array.of(3, 4)); // returns true
 * ```
 */
export function subviewEquals(view: MemoryView, i: number, value: unknown): boolean {
  const row = view.index(0, i);
  try {
    return viewEquals(row, unwrap(value));
  } finally {
    row.release();
  }
}
