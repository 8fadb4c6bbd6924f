/**
 * Builds the independent implementation, optionally with deliberate bugs
 * (for the broken variants).
 *
 * @packageDocumentation
 */

import type { Defect } from "./defects.js";
import * as errors from "./errors.js";
import { bytearray, bytes } from "./exporters.js";
import { createMemoryview, FORMATS } from "./memoryview.js";
import { createStruct } from "./struct.js";

/** Python's `slice`: callable with or without `new`; `slice(stop)` as in Python. */
export interface SliceConstructor {
  (start?: unknown, stop?: unknown, step?: unknown): { start: unknown; stop: unknown; step: unknown };
  new (start?: unknown, stop?: unknown, step?: unknown): { start: unknown; stop: unknown; step: unknown };
}

function makeSlice(): SliceConstructor {
  function slice(this: unknown, ...args: unknown[]) {
    const self = (this instanceof slice ? this : Object.create(slice.prototype)) as Record<string, unknown>;
    const [start, stop, step] =
      args.length <= 1 ? [null, args[0] ?? null, null] : [args[0] ?? null, args[1] ?? null, args[2] ?? null];
    self.start = start;
    self.stop = stop;
    self.step = step;
    return self;
  }
  return slice as unknown as SliceConstructor;
}

/** The module the independent implementation exports. */
export interface IndependentModule {
  readonly name: string;
  readonly supports: Readonly<Record<string, unknown>>;
  readonly memoryview: new (obj: unknown) => object;
  readonly slice: SliceConstructor;
  readonly Ellipsis: object;
  readonly bytes: typeof bytes;
  readonly bytearray: typeof bytearray;
  readonly struct: Record<string, unknown>;
  readonly ValueError: new (message?: string) => Error;
  readonly IndexError: new (message?: string) => Error;
  readonly BufferError: new (message?: string) => Error;
  readonly NotImplementedError: new (message?: string) => Error;
  readonly OverflowError: new (message?: string) => Error;
  readonly StructError: new (message?: string) => Error;
  readonly MemoryError: new (message?: string) => Error;
  readonly UnicodeEncodeError: new (message?: string) => Error;
}

/**
 * The implementation module, with `defects` switched on.
 *
 * @example
 * ```ts
 * const impl = createIndependent();
 * impl.memoryview(new Uint8Array([1, 2])).tolist(); // returns [1, 2]
 * ```
 */
export function createIndependent(defects: readonly Defect[] = []): IndependentModule {
  const set = new Set(defects);
  const slice = makeSlice();
  // Python's type of Ellipsis is `ellipsis` (error messages name it so), and
  // calling that type gives the one Ellipsis back.
  let theEllipsis: object | undefined;
  class ellipsis {
    constructor() {
      // biome-ignore lint/correctness/noConstructorReturn: a singleton, as in Python
      if (theEllipsis !== undefined) return theEllipsis;
    }
    toString(): string {
      return "Ellipsis";
    }
  }
  theEllipsis = Object.freeze(new ellipsis());
  const Ellipsis = theEllipsis;
  const View = createMemoryview(set, slice as never, Ellipsis);
  function memoryview(this: unknown, obj: unknown) {
    return new View(obj);
  }
  memoryview.prototype = View.prototype;
  Object.defineProperty(memoryview, Symbol.hasInstance, { value: (x: unknown) => x instanceof View });
  return {
    name: defects.length ? `independent (broken: ${defects.join(", ")})` : "independent",
    supports: {
      maxNdim: 1,
      formats: FORMATS,
      structFormats: false,
      suboffsets: false,
      cast: false,
      multiDimensionalSlicing: false,
      structArguments: false,
      sliceObjects: false,
      hashValues: false,
      complexStruct: false,
    },
    memoryview: memoryview as unknown as new (obj: unknown) => object,
    slice,
    Ellipsis,
    bytes,
    bytearray,
    struct: createStruct(set) as unknown as Record<string, unknown>,
    ...errors,
  };
}
