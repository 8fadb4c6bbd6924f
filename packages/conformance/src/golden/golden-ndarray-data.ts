/**
 * The golden N-dimensional view cases: `fixtures/golden_ndarray.json`,
 * written by `fixtures/golden_ndarray.py` from NumPy (and CPython's
 * memoryview for item access errors). Read when a group first asks for it (`load-fixture.ts`).json`. The script's docstring describes every section.
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** An error: its name and message. */
export type GoldenNdError = readonly [string, string];

/** A view NumPy made: its shape, byte strides and `tolist()` (tagged values). */
export type GoldenNdResult = readonly [shape: number[], strides: number[], list: unknown];

/** A layout over a memory: where item [0, …, 0] is, the shape and the byte strides. */
export interface GoldenNdLayout {
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

/** One outcome: the result, or the error. */
interface Outcome {
  readonly r?: GoldenNdResult;
  readonly e?: GoldenNdError;
}

/** `np.reshape(a, s, order=o, copy=False)`. */
export interface GoldenNdReshape extends Outcome {
  readonly s: readonly number[];
  readonly o: "C" | "F";
}

/** `np.transpose(a, axes)`. */
export interface GoldenNdPermute extends Outcome {
  readonly a: readonly number[];
}

/** Integer indexing of dimension `d` at `i`. */
export interface GoldenNdIndex extends Outcome {
  readonly d: number;
  readonly i: number;
}

/** Slicing dimension `d` with `k` = [start, stop, step]. */
export interface GoldenNdSlice {
  readonly d: number;
  readonly k: readonly [number | null, number | null, number | null];
  readonly r: GoldenNdResult;
}

/** A view as format `f`, then shape `s` (null: none given). */
export interface GoldenNdView extends Outcome {
  readonly f: string;
  readonly s: readonly number[] | null;
}

/** One source layout over its format's base memory, and what NumPy made of it. */
export interface GoldenNdSource extends GoldenNdLayout {
  /** format/layout name. */
  readonly id: string;
  readonly format: string;
  /** `a.tolist()`. */
  readonly list: unknown;
  /** [C-contiguous, F-contiguous]. */
  readonly flags: readonly [boolean, boolean];
  /** `a.tobytes(order)` in hex. */
  readonly bytes: { readonly C: string; readonly F: string; readonly A: string };
  /** `a.ravel("C").tolist()`. */
  readonly flat: readonly unknown[];
  /** The base items `a.fill(fillValues[format])` changes (absent for zero strides). */
  readonly fill?: readonly number[];
  readonly reshape?: readonly GoldenNdReshape[];
  readonly permute?: readonly GoldenNdPermute[];
  readonly index?: readonly GoldenNdIndex[];
  readonly slices?: readonly GoldenNdSlice[];
  readonly view?: readonly GoldenNdView[];
}

/** `np.copyto(dst, src)`: over the base (dst) and the other memory, or both over the base (`same`). */
export interface GoldenNdCopy {
  readonly format: string;
  readonly dst: GoldenNdLayout;
  readonly src: GoldenNdLayout;
  readonly same: boolean;
  /** The destination memory afterwards (hex). */
  readonly memory?: string;
  readonly e?: GoldenNdError;
}

/** CPython's error for `m[0] = value` (what `fill(value)` must throw). */
export interface GoldenNdFillError {
  readonly format: string;
  readonly value: unknown;
  readonly e: GoldenNdError;
}

/** `as_strided` over the whole base memory of `format`, seen as `view` (or `format`). */
export interface GoldenNdDerive extends GoldenNdLayout {
  readonly format: string;
  readonly view: string | null;
  /** The items, when every reachable byte is inside the memory. */
  readonly list?: unknown;
  /** Set when some reachable byte lies outside. */
  readonly outside?: true;
}

/** CPython's error for `m[key]` on a `_testbuffer.ndarray` of `shape` holding 0, 1, 2, …. */
export interface GoldenNdGetError {
  readonly shape: readonly number[];
  readonly key: readonly unknown[];
  readonly e: GoldenNdError;
}

/** `m[:] = other` from 4, 5, 6 in format `src` into 1, 2, 3 in format `dst`: the items after, or the refusal. */
export interface GoldenNdFormatPair {
  readonly dst: string;
  readonly src: string;
  readonly list?: readonly number[];
  readonly e?: GoldenNdError;
}

/** The whole fixture. */
export interface GoldenNdarrayData {
  readonly numpy: string;
  readonly python: string;
  readonly byteorder: string;
  readonly seed: number;
  /** Items in every base memory. */
  readonly items: number;
  /** Per format, the base memory (hex). */
  readonly bases: Readonly<Record<string, string>>;
  /** Per copy format, the second memory of a copy (hex). */
  readonly others: Readonly<Record<string, string>>;
  /** Per format, the value `fill` writes (tagged). */
  readonly fillValues: Readonly<Record<string, unknown>>;
  /** Per format, that value's bytes (hex). */
  readonly fillItems: Readonly<Record<string, string>>;
  readonly sources: readonly GoldenNdSource[];
  readonly copies: readonly GoldenNdCopy[];
  readonly fillErrors: readonly GoldenNdFillError[];
  readonly derives: readonly GoldenNdDerive[];
  readonly getErrors: readonly GoldenNdGetError[];
  /** NumPy's reshape refusals and CPython's cast refusals of a bad shape argument. */
  readonly shapeErrors: {
    readonly reshape: readonly { readonly s: readonly number[]; readonly e: GoldenNdError }[];
    readonly cast: readonly { readonly s: unknown; readonly e: GoldenNdError }[];
    /** The most dimensions NumPy reshapes to (a size-1 array to that many ones). */
    readonly reshapeMaxNdim: number;
    /** CPython's refusal of a bad shape given with a bad format: the shape is checked first. */
    readonly castOrder: readonly { readonly f: string; readonly s: unknown; readonly e: GoldenNdError }[];
  };
  /** CPython's `m[:] = other` between formats that differ by '@' or a byte-order prefix. */
  readonly formatPairs: readonly GoldenNdFormatPair[];
}

/**
 * The golden N-dimensional view data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * goldenNdarray().items; // returns 48
 * ```
 */
export const goldenNdarray: () => GoldenNdarrayData = lazyFixture<GoldenNdarrayData>("golden_ndarray.json");
