/**
 * The check of an order argument.
 *
 * @packageDocumentation
 */

import { ValueError } from "../errors.js";
import type { ContiguityOrder } from "../protocol/buffer-info.js";

/**
 * Asserts that `order` is `"C"`, `"F"` or `"A"`, with memoryview's wording.
 *
 * @example
 * ```ts
 * assertContiguityOrder("F"); // returns undefined
 * ```
 * @example
 * ```ts
 * assertContiguityOrder("c"); // throws ValueError
 * ```
 */
export function assertContiguityOrder(order: unknown): asserts order is ContiguityOrder {
  if (order !== "C" && order !== "F" && order !== "A") {
    throw new ValueError("order must be 'C', 'F' or 'A'");
  }
}
