/**
 * An index along one dimension, checked against that dimension's length:
 * the one place that words memoryview's "index out of bounds on dimension N"
 * (`ptr_from_tuple` and `lookup_dimension` in `Objects/memoryobject.c`,
 * which number dimensions from 1).
 *
 * @packageDocumentation
 */

import { IndexError } from "../errors.js";

function outOfBounds(dim: number): IndexError {
  return new IndexError(`index out of bounds on dimension ${dim + 1}`);
}

/**
 * `index` as a position in a dimension of `length` items: a negative index
 * counts from the end, as `m[i]` and `m[i, j]` do.
 *
 * @param index - an integer (a `number`; callers convert bigints and
 *   `__index__` objects first)
 * @param length - the dimension's length
 * @param dim - the dimension, from 0 (the message numbers it from 1)
 * @returns the index, in [0, length)
 * @throws IndexError "index out of bounds on dimension N" when it is not
 *
 * @example
 * ```ts
 * indexInDimension(-1, 4, 0); // returns 3
 * ```
 * @example
 * ```ts
 * indexInDimension(4, 4, 1); // throws IndexError
 * ```
 */
export function indexInDimension(index: number, length: number, dim: number): number {
  if (index < 0) index += length;
  if (!(index >= 0 && index < length)) throw outOfBounds(dim);
  return index;
}

/**
 * Checks an index that must already lie in [0, length), as
 * `PyBuffer_GetPointer` takes it (no counting from the end).
 *
 * @param index - an integer
 * @param length - the dimension's length
 * @param dim - the dimension, from 0 (the message numbers it from 1)
 * @throws IndexError "index out of bounds on dimension N" when it does not
 *
 * @example
 * ```ts
 * assertIndexInDimension(-1, 4, 0); // throws IndexError
 * ```
 */
export function assertIndexInDimension(index: number, length: number, dim: number): void {
  if (!(index >= 0 && index < length)) throw outOfBounds(dim);
}
