/**
 * Python's classes are called, not `new`-ed: `bytes(3)`, `array("i")`. This
 * makes a constructor that works both ways, `bytes(3)` and `new bytes(3)`,
 * with `x instanceof bytes` holding for what either returns.
 *
 * @packageDocumentation
 */

/**
 * A function that builds instances of `impl` through `factory`, callable
 * with or without `new`, whose `prototype` is `impl.prototype`, carrying
 * `statics` as its own properties.
 *
 * @param name - the function's `name` (Python's type name)
 * @param impl - the class whose instances `factory` returns
 * @param factory - builds an instance from the call's arguments
 * @param statics - static members (`fromhex`, `new`, …)
 *
 * @example
 * ```ts
 * class Point { constructor(public x: number) {} }
 * const point = callableClass("point", Point, (x: number) => new Point(x), {});
 * point(1) instanceof point; // returns true
 * new point(2).x; // returns 2
 * ```
 */
export function callableClass<A extends unknown[], T extends object, S extends object>(
  name: string,
  impl: { prototype: T },
  factory: (...args: A) => T,
  statics: S,
): {
  (...args: A): T;
  /**
   * With `new`: the same as the call without it, taking the same arguments
   * and returning the same kind of instance; `instanceof` holds for both.
   */
  new (...args: A): T;
  readonly prototype: T;
} & S {
  const ctor = function (this: unknown, ...args: A): T {
    return factory(...args);
  };
  Object.defineProperty(ctor, "name", { value: name });
  ctor.prototype = impl.prototype;
  for (const key of Reflect.ownKeys(statics)) {
    Object.defineProperty(ctor, key, {
      value: (statics as Record<PropertyKey, unknown>)[key],
      writable: false,
      enumerable: false,
      configurable: true,
    });
  }
  return ctor as unknown as { (...args: A): T; new (...args: A): T; readonly prototype: T } & S;
}
