/**
 * `m == other` (`memory_richcompare`) for memoryviews: the struct-format
 * refusal, the word-by-word fast path of C-contiguous views, then core's
 * item-by-item comparison.
 *
 * @packageDocumentation
 */
import { BufferFlags, MemoryView, getBuffer, isBufferExporter, parseFormat, releaseBuffer } from "@mv/core";
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

function formatOf(value: unknown): string | null {
  if (value instanceof MemoryView) return value.released ? null : value.format;
  if (!isBufferExporter(value)) return null;
  try {
    const info = getBuffer(value, BufferFlags.FULL_RO);
    const format = info.format;
    releaseBuffer(info);
    return format;
  } catch {
    return null;
  }
}

/**
 * `view == other` (`memory_richcompare`), for a view and an unwrapped other side.
 *
 * @example
 * ```ts
 * viewEquals(MemoryView.from(Uint8Array.of(1, 2)), Int8Array.of(1, 2)); // returns true
 * ```
 */
export function viewEquals(view: MemoryView, other: unknown): boolean {
  // memory_richcompare reads items through struct, which knows no PEP 3118
  // additions (T{…}, (n,m), :name:): such views are unequal, even to
  // themselves.
  if (view.released) return view.equals(other);
  if (isPep3118Only(view.format) || isPep3118Only(formatOf(other))) return false;
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
