/**
 * Contiguity as CPython decides it: `PyBuffer_IsContiguous` in
 * `Objects/abstract.c`, and memoryview's `init_flags`, which answers a
 * one-dimensional view by a single stride test.
 *
 * @packageDocumentation
 */

/** The layout facts contiguity depends on. */
export interface LayoutFacts {
  readonly itemsize: number;
  readonly shape: readonly number[];
  /** Byte strides, or `null` for a C-contiguous exporter that gave none. */
  readonly strides: readonly number[] | null;
  readonly suboffsets: readonly number[] | null;
}

function product(values: readonly number[]): number {
  return values.reduce((a, b) => a * b, 1);
}

/**
 * `PyBuffer_IsContiguous(view, 'C')`.
 *
 * @example
 * ```ts
 * isCContiguous({ itemsize: 1, shape: [2, 3], strides: [3, 1], suboffsets: null }); // returns true
 * isCContiguous({ itemsize: 1, shape: [2, 3], strides: [1, 2], suboffsets: null }); // returns false
 * ```
 */
export function isCContiguous(layout: LayoutFacts): boolean {
  if (layout.suboffsets) return false;
  if (product(layout.shape) * layout.itemsize === 0) return true;
  if (!layout.strides) return true;
  let expected = layout.itemsize;
  for (let i = layout.shape.length - 1; i >= 0; i--) {
    const dim = layout.shape[i] as number;
    if (dim > 1 && layout.strides[i] !== expected) return false;
    expected *= dim;
  }
  return true;
}

/**
 * `PyBuffer_IsContiguous(view, 'F')`.
 *
 * @example
 * ```ts
 * isFContiguous({ itemsize: 1, shape: [2, 3], strides: [1, 2], suboffsets: null }); // returns true
 * ```
 */
export function isFContiguous(layout: LayoutFacts): boolean {
  if (layout.suboffsets) return false;
  if (product(layout.shape) * layout.itemsize === 0) return true;
  if (!layout.strides) return layout.shape.filter((d) => d > 1).length <= 1;
  let expected = layout.itemsize;
  for (let i = 0; i < layout.shape.length; i++) {
    const dim = layout.shape[i] as number;
    if (dim > 1 && layout.strides[i] !== expected) return false;
    expected *= dim;
  }
  return true;
}

/**
 * memoryview's `c_contiguous` and `f_contiguous` (`init_flags` in
 * `Objects/memoryobject.c`): a 1-D view is contiguous exactly when it has one
 * item or its stride is the itemsize, even when it is empty.
 *
 * @example
 * ```ts
 * viewContiguity({ itemsize: 1, shape: [0], strides: [2], suboffsets: null }); // returns { c: false, f: false }
 * ```
 */
export function viewContiguity(layout: LayoutFacts): { c: boolean; f: boolean } {
  if (layout.suboffsets) return { c: false, f: false };
  if (layout.shape.length === 0) return { c: true, f: true };
  if (layout.shape.length === 1) {
    const ok = layout.shape[0] === 1 || (layout.strides?.[0] ?? layout.itemsize) === layout.itemsize;
    return { c: ok, f: ok };
  }
  return { c: isCContiguous(layout), f: isFContiguous(layout) };
}

/**
 * C-order byte strides for a shape.
 *
 * @example
 * ```ts
 * cByteStrides([2, 3], 4); // returns [12, 4]
 * ```
 */
export function cByteStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let stride = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i] as number;
  }
  return strides;
}

/**
 * Fortran-order byte strides for a shape.
 *
 * @example
 * ```ts
 * fByteStrides([2, 3], 4); // returns [4, 8]
 * ```
 */
export function fByteStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let stride = itemsize;
  for (let i = 0; i < shape.length; i++) {
    strides[i] = stride;
    stride *= shape[i] as number;
  }
  return strides;
}
