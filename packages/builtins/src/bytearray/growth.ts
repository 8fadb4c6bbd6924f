/**
 * How a `bytearray` over-allocates: `bytearray_resize_lock_held` of
 * `Objects/bytearrayobject.c`. The allocation counts CPython's trailing NUL
 * byte, so capacities match CPython's `__alloc__()`.
 *
 * @packageDocumentation
 */
import type { GrowthPolicy } from "../storage/resizable-bytes.js";

// How much is over-allocated is not observable through the public API (ResizableBytes never
// allocates less than the size asked for, and no method reports the capacity), so every mutant of
// this policy is equivalent for the conformance suite; @mv/builtins' unit tests pin CPython's sequence.
/**
 * The new allocation for a resize to `newSize` bytes from an allocation of
 * `capacity`: shrink to fit when under half full, grow by an eighth (plus a
 * little) for moderate growth, exactly for large jumps.
 *
 * @example
 * ```ts
 * bytearrayGrowth(1, 0, 0); // returns 2
 * bytearrayGrowth(17, 16, 17); // returns 25
 * bytearrayGrowth(2, 16, 25); // returns 3
 * ```
 */
export const bytearrayGrowth: GrowthPolicy = (newSize, _oldSize, capacity) => {
  if (newSize + 1 <= capacity) {
    return newSize < capacity / 2 ? newSize + 1 : capacity;
  }
  if (newSize <= capacity * 1.125) {
    return newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
  }
  return newSize + 1;
};
