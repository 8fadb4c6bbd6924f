/**
 * How an `array.array` over-allocates: `array_resize` of
 * `Modules/arraymodule.c` ("0, 4, 8, 16, 25, 34, 46, 56, 67, 79, …" items),
 * in bytes for {@link ResizableBytes}.
 *
 * @packageDocumentation
 */
import type { GrowthPolicy } from "../storage/resizable-bytes.js";

// How much is over-allocated is not observable through the public API (ResizableBytes never
// allocates less than the size asked for, and no method reports the capacity), so every mutant of
// this policy is equivalent for the conformance suite; @mv/builtins' unit tests pin CPython's sequence.
/**
 * The growth policy for items of `itemsize` bytes: keep the allocation when
 * it is large enough and the array does not shrink by 16 items or more;
 * free it at size 0; otherwise allocate about 1/16 more than needed.
 *
 * @example
 * ```ts
 * const grow = arrayGrowth(4);
 * // sizes in bytes: 1 item asks for 4 items (16 bytes)
 * grow(4, 0, 0); // returns 16
 * grow(8, 4, 16); // returns 16
 * grow(0, 8, 16); // returns 16
 * ```
 */
export function arrayGrowth(itemsize: number): GrowthPolicy {
  return (newBytes, oldBytes, capacityBytes) => {
    const newsize = newBytes / itemsize;
    const size = oldBytes / itemsize;
    const allocated = capacityBytes / itemsize;
    if (allocated >= newsize && size < newsize + 16) return capacityBytes;
    if (newsize === 0) return 0;
    return (Math.floor(newsize / 16) + (size < 8 ? 3 : 7) + newsize) * itemsize;
  };
}
