/**
 * The golden C API cases: `fixtures/golden_capi.json`, written by
 * `fixtures/golden_capi.py`, which calls CPython's own `PyBuffer_GetPointer`,
 * `PyBuffer_ToContiguous`, `PyBuffer_FromContiguous`, `PyObject_CopyData`,
 * `PyBuffer_IsContiguous`, `PyBuffer_FillContiguousStrides`,
 * `PyBuffer_FillInfo` and `PyBuffer_SizeFromFormat` (through ctypes) on
 * `_testbuffer.ndarray` exporters, and on Py_buffers filled in by hand.
 * Read when a group
 * first asks for it (`load-fixture.ts`).
 *
 * @packageDocumentation
 */

import { lazyFixture } from "./load-fixture.js";

/** An exporter as both `_testbuffer.ndarray` and the suite's TestExporter build it. */
export interface GoldenCapiSpec {
  /** A label for case names. */
  readonly id: string;
  /** The item memory, hex (before any PIL pointer table). */
  readonly memory: string;
  readonly format: string;
  readonly itemsize: number;
  readonly shape: readonly number[];
  /** Byte strides of the items (before the PIL transformation of dimension 0). */
  readonly strides: readonly number[];
  /** Byte offset of item [0, …, 0] in `memory`. */
  readonly offset: number;
  /** ND_PIL: dimension 0 reached through a table of pointers. */
  readonly pil: boolean;
  /** Built with ND_FORTRAN (the strides are then Fortran's). */
  readonly fortran: boolean;
}

/** Whether each order is contiguous: `PyBuffer_IsContiguous` with 'C', 'F', 'A' and the bad order 'X'. */
export type GoldenContiguity = Readonly<Record<"C" | "F" | "A" | "X", boolean>>;

/** The requests whose views are checked for contiguity. */
export type GoldenRequestName = "FULL_RO" | "STRIDED_RO" | "ND" | "SIMPLE";

/** One exporter and CPython's answers about it. */
export interface GoldenCapiLayout extends GoldenCapiSpec {
  /** For each index tuple in C order: the item's byte offset from `view.buf`, and its bytes (hex). */
  readonly pointers: readonly (readonly [number, string])[];
  /** `PyBuffer_ToContiguous` in each order, hex. */
  readonly to_contiguous: Readonly<Record<"C" | "F" | "A", string>>;
  /** The source bytes of `from_contiguous`, hex (`len + 3` bytes). */
  readonly source: string;
  /** Per order: for each source length n, the data memory after `PyBuffer_FromContiguous` of n bytes, hex. */
  readonly from_contiguous: Readonly<Record<"C" | "F" | "A", readonly (readonly [number, string])[]>>;
  /** `PyBuffer_IsContiguous` of the view of each request; null where the exporter refuses the request. */
  readonly contiguous: Readonly<Record<GoldenRequestName, GoldenContiguity | null>>;
}

/**
 * A layout `_testbuffer.ndarray` cannot make, given field by field (a
 * Py_buffer filled in by hand), with CPython's answers about it.
 */
export interface GoldenCapiRawLayout {
  /** A label for case names. */
  readonly id: string;
  /** The whole memory, hex; each slot in `slots` holds a little-endian byte offset into it. */
  readonly memory: string;
  readonly format: string;
  readonly itemsize: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly suboffsets: readonly number[];
  /** Byte offset in `memory` of `Py_buffer.buf`. */
  readonly offset: number;
  /** Where the pointer slots are (byte positions in `memory`). */
  readonly slots: readonly number[];
  /** For each index tuple in C order: `PyBuffer_GetPointer`'s byte offset in `memory`, and the item's bytes (hex). */
  readonly pointers: readonly (readonly [number, string])[];
  /** `PyBuffer_ToContiguous` in each order, hex. */
  readonly to_contiguous: Readonly<Record<"C" | "F" | "A", string>>;
  /** The source bytes of `from_contiguous`, hex (`len + 3` bytes). */
  readonly source: string;
  /** Per order: for each source length n, the whole memory after `PyBuffer_FromContiguous` of n bytes, hex. */
  readonly from_contiguous: Readonly<Record<"C" | "F" | "A", readonly (readonly [number, string])[]>>;
}

/** `PyObject_CopyData(dest, src)` on two fresh exporters. */
export interface GoldenCapiCopy {
  readonly dest: GoldenCapiSpec;
  readonly src: GoldenCapiSpec;
  /** dest's data memory afterwards, hex. */
  readonly memory_after: string;
  /** The exception: name and message. */
  readonly error?: readonly [string, string];
}

/** `PyBuffer_FillContiguousStrides` for a shape: keys are order and itemsize ("C1", "F8", "A3", …). */
export interface GoldenCapiStrides {
  readonly shape: readonly number[];
  readonly [orderAndItemsize: string]: readonly number[];
}

/** `PyBuffer_FillInfo` for 4 bytes at offset 1 of a 6-byte buffer. */
export interface GoldenCapiFillInfo {
  readonly flags: number;
  readonly readonly: boolean;
  readonly error?: readonly [string, string];
  readonly view?: {
    readonly len: number;
    readonly readonly: boolean;
    readonly itemsize: number;
    readonly format: string | null;
    readonly ndim: number;
    readonly shape: readonly number[] | null;
    readonly strides: readonly number[] | null;
    readonly suboffsets: readonly number[] | null;
  };
}

/** `PyBuffer_SizeFromFormat(format)`. */
export interface GoldenCapiSize {
  readonly format: string;
  readonly size?: number;
  readonly error?: readonly [string, string];
}

/** The whole fixture. */
export interface GoldenCapiData {
  readonly python: string;
  readonly platform: string;
  readonly seed: number;
  /** Error wordings shared with CPython. */
  readonly errors: {
    /** memoryview's bad-order ValueError. */
    readonly order: readonly [string, string];
    /** memoryview's IndexError for dimensions 1 to 4. */
    readonly index: readonly (readonly [string, string])[];
    /** PyObject_CopyData's TypeError for a non-exporter. */
    readonly copy_data_type: readonly [string, string];
  };
  readonly layouts: readonly GoldenCapiLayout[];
  readonly raw_layouts: readonly GoldenCapiRawLayout[];
  readonly copies: readonly GoldenCapiCopy[];
  readonly strides: readonly GoldenCapiStrides[];
  readonly fill_info: readonly GoldenCapiFillInfo[];
  readonly sizes: readonly GoldenCapiSize[];
}

/**
 * The golden C API data (loaded at module evaluation).
 *
 * @example
 * ```ts
 * goldenCapi().errors.order; // returns ["ValueError", "order must be 'C', 'F' or 'A'"]
 * ```
 */
export const goldenCapi: () => GoldenCapiData = lazyFixture<GoldenCapiData>("golden_capi.json");
