/**
 * The feature manifest: an implementation declares, in its own module, what
 * it leaves out; the suite then checks that it refuses those things with the
 * right error instead of getting them wrong. A module with no manifest
 * claims the whole contract.
 *
 * @packageDocumentation
 */

import { DATA_MODELS, type DataModel } from "./model/data-model.js";

/** Optional features of the contract. */
export interface Supports {
  /** The largest number of dimensions a memoryview accepts (CPython: 64). */
  readonly maxNdim: number;
  /** The native single-character formats whose items a view reads and writes. */
  readonly formats: string;
  /** Byte-order prefixes, repeat counts and multi-field formats in views. */
  readonly structFormats: boolean;
  /** PIL-style exporters (suboffsets). */
  readonly suboffsets: boolean;
  /** `cast`. */
  readonly cast: boolean;
  /** Slicing and indexing of multi-dimensional views (NumPy's semantics). */
  readonly multiDimensionalSlicing: boolean;
  /** `hash`. */
  readonly hash: boolean;
  /** `count` and `index` (Python 3.14). */
  readonly countIndex: boolean;
  /** SharedArrayBuffer as an exporter. */
  readonly sharedArrayBuffer: boolean;
  /** Resizable ArrayBuffers: a view notices a shrink below its extent. */
  readonly resizable: boolean;
  /** Detached ArrayBuffers: a view notices the detach. */
  readonly detach: boolean;
  /**
   * struct calls take every kind of buffer (ArrayBuffer, DataView, the
   * module's exporters) and every kind of offset (bigint, boolean), with
   * CPython's errors for the others.
   */
  readonly structArguments: boolean;
  /** `slice` is Python's whole slice object: `indices`, repr, `equals`, argument-count errors. */
  readonly sliceObjects: boolean;
  /**
   * `hash()` gives CPython's own value: `hash(bytes)` under
   * `PYTHONHASHSEED=0` (SipHash-1-3 with a zero key), as a `bigint`, or as a
   * `number` holding its low 53 bits as a signed integer
   * (`BigInt.asIntN(53, h)`), since a `number` cannot hold 64. Without it,
   * the suite only checks that equal bytes hash equal.
   */
  readonly hashValues: boolean;
  /**
   * struct has CPython 3.14's complex codes `F` and `D` (values
   * `{ real, imag }`). Without them, the suite checks that both are refused
   * as CPython 3.13 refuses them ("bad char in struct format").
   */
  readonly complexStruct: boolean;
  /**
   * The C data model of the module's native sizes: `"LP64"`, the
   * contract's (native `l L n N P` are 8 bytes, `Py_ssize_t` 64 bits), or
   * `"ILP32"` (4 bytes and 32 bits, as CPython has them on wasm32 and
   * 32-bit platforms). Under ILP32 the suite checks native layouts, values
   * and range errors by ILP32's sizes, and leaves out the cases recorded on
   * LP64 whose formats depend on them (reported as skipped).
   */
  readonly dataModel: DataModel;
  /**
   * The contract's deliberate differences from CPython (SPEC.md §8): a
   * released view refuses `hash()`, say, where CPython returns the hash it
   * cached. CPython itself declares false, and the cases that meet one of
   * them check CPython's behaviour there instead.
   */
  readonly deliberateDifferences: boolean;
}

/** The manifest of an implementation of the whole contract. */
export const FULL_SUPPORT: Supports = Object.freeze({
  maxNdim: 64,
  formats: "cbB?hHiIlLqQnNefdP",
  structFormats: true,
  suboffsets: true,
  cast: true,
  multiDimensionalSlicing: true,
  hash: true,
  countIndex: true,
  sharedArrayBuffer: true,
  resizable: true,
  detach: true,
  structArguments: true,
  sliceObjects: true,
  hashValues: true,
  complexStruct: true,
  dataModel: "LP64",
  deliberateDifferences: true,
});

const KEYS = Object.keys(FULL_SUPPORT) as (keyof Supports)[];

/** Suite options that became manifest entries, and what to say when they are used. */
const MOVED_OPTIONS = ["suboffsets", "maxNdim", "formats", "cast"] as const;

/**
 * Reads an implementation's manifest over the full one, checking its shape
 * (a wrong type or an unknown key is a TypeError at once). The result is a
 * frozen copy: the suite reads the manifest once.
 *
 * @example
 * ```ts
 * readSupports({ maxNdim: 1 }).maxNdim;   // returns 1
 * readSupports(undefined).suboffsets;     // returns true
 * readSupports({ suboffset: false });     // throws TypeError: unknown manifest key
 * ```
 */
export function readSupports(manifest: unknown): Supports {
  if (manifest === undefined || manifest === null) return FULL_SUPPORT;
  if (typeof manifest !== "object") throw new TypeError("supports must be an object");
  const out: Record<string, unknown> = { ...FULL_SUPPORT };
  for (const [key, value] of Object.entries(manifest)) {
    if (!KEYS.includes(key as keyof Supports)) throw new TypeError(`supports: unknown manifest key '${key}'`);
    const expected = typeof FULL_SUPPORT[key as keyof Supports];
    if (typeof value !== expected) throw new TypeError(`supports.${key} must be a ${expected}`);
    out[key] = value;
  }
  if (!DATA_MODELS.includes(out.dataModel as DataModel)) {
    throw new TypeError(`supports.dataModel must be one of ${DATA_MODELS.join(", ")}`);
  }
  if (!Number.isInteger(out.maxNdim) || (out.maxNdim as number) < 1) {
    throw new TypeError("supports.maxNdim must be an integer >= 1");
  }
  return Object.freeze(out) as unknown as Supports;
}

/**
 * Throws if suite options carry what belongs in the implementation's
 * manifest (as abstract-level does with its old suite flags).
 *
 * @example
 * ```ts
 * assertNoMovedOptions({ suboffsets: false }); // throws: has moved to the implementation's supports export
 * ```
 */
export function assertNoMovedOptions(options: object): void {
  for (const key of MOVED_OPTIONS) {
    if (key in options) {
      throw new TypeError(`The suite option '${key}' has moved to the implementation's 'supports' export`);
    }
  }
}
