/**
 * Python's `Ellipsis` (`...`): a unique, frozen object, the key that means
 * "every remaining dimension" (`m[...]`).
 *
 * @packageDocumentation
 */

/**
 * The type of {@link Ellipsis} (Python's `types.EllipsisType`). It has one
 * instance; constructing it again returns that instance, as
 * `type(Ellipsis)()` does.
 *
 * @example
 * ```ts
 * Ellipsis instanceof EllipsisType; // returns true
 * ```
 */
export class EllipsisType {
  /** The Python type name, for error messages. */
  static readonly pythonName = "ellipsis";

  /** @internal Returns the one instance once it exists. */
  constructor() {
    // biome-ignore lint/correctness/noConstructorReturn: a singleton, as in Python
    if (instance !== undefined) return instance;
  }

  /**
   * `repr(Ellipsis)`.
   *
   * @example
   * ```ts
   * String(Ellipsis); // returns "Ellipsis"
   * ```
   */
  toString(): string {
    return "Ellipsis";
  }
}

let instance: EllipsisType | undefined;

/**
 * Python's `Ellipsis`: as a memoryview key, the whole of a 0-d view
 * (`m.get(Ellipsis)` returns the view, `m.set(Ellipsis, v)` writes its item),
 * and in a tuple key, as many full slices as the dimensions left over.
 *
 * @example
 * ```ts
 * Object.isFrozen(Ellipsis); // returns true
 * ```
 * @example
 * ```ts
 * new EllipsisType() === Ellipsis; // returns true
 * ```
 */
export const Ellipsis: EllipsisType = Object.freeze(new EllipsisType());
instance = Ellipsis;
