/**
 * The suite's main tool: a configurable exporter, the JavaScript twin of
 * `_testbuffer.ndarray` in CPython's `Modules/_testbuffer.c`. It exports any
 * items, shape, strides, offset and format; it can be writable, laid out in
 * Fortran order, PIL-style (suboffsets), forced to fail, or a re-exporter of
 * another exporter; it applies CPython's checks to every request and counts
 * its exports and releases, so a case can see exactly what a consumer asked
 * for and whether it gave everything back.
 *
 * @packageDocumentation
 */

import { modelLayout, writeItem, type ModelLayout } from "../model/format-model.js";
import { cByteStrides, fByteStrides, isCContiguous, isFContiguous } from "../model/contiguity.js";
import { isValidStructure } from "../model/structure.js";
import type { ModelView } from "../model/model-view.js";
import type { BufferInfo, Exporter } from "../protocol/buffer-info.js";
import { BufferFlags } from "../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";
import { ExporterBufferError } from "./buffer-error.js";
import { toPilLayout } from "./pil-layout.js";
import { answerRequest } from "./answer-request.js";

/** How a {@link TestExporter} lays out and exports its items. */
export interface TestExporterOptions {
  /** Dimensions; default: one dimension covering the whole memory. `[]` is a scalar. */
  readonly shape?: readonly number[];
  /** Byte strides; default: C order (Fortran order with `fortran`). */
  readonly strides?: readonly number[];
  /** Byte offset of item [0,…,0] in the memory; default 0. */
  readonly offset?: number;
  /** Struct format of one item; default `"B"`. */
  readonly format?: string;
  /** Export writable memory (ND_WRITABLE); default read-only. */
  readonly writable?: boolean;
  /** Default strides in Fortran order (ND_FORTRAN). */
  readonly fortran?: boolean;
  /** Reach the first dimension through pointers and suboffsets (ND_PIL). */
  readonly pil?: boolean;
  /** Refuse every request with BufferError (ND_GETBUF_FAIL). */
  readonly getbufFail?: boolean;
  /** Answer every request with the full structure, ignoring its flags (a non-compliant exporter). */
  readonly ignoreRequests?: boolean;
  /** Put the memory in a SharedArrayBuffer. */
  readonly shared?: boolean;
  /** Put the memory in a resizable ArrayBuffer (so {@link TestExporter.shrink} works). */
  readonly resizable?: boolean;
}

/** What a {@link TestExporter} has seen. */
export interface ExportLog {
  /** The flags of every request, in order, refused ones included. */
  readonly requests: number[];
  /** Releases of a BufferInfo the exporter never handed out, or handed out and already released. */
  readonly misreleases: string[];
}

function product(values: readonly number[]): number {
  return values.reduce((a, b) => a * b, 1);
}

/**
 * A configurable exporter over a private memory block.
 *
 * @example
 * ```ts
 * const x = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "B" });
 * const info = x[GET_BUFFER](BufferFlags.FULL_RO);
 * info.strides;   // returns [3, 1]
 * x.exports;      // returns 1
 * x[RELEASE_BUFFER](info);
 * x.exports;      // returns 0
 * ```
 *
 * @example
 * ```ts
 * // negative strides and an offset: the items 6 5 4 / 3 2 1
 * const y = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], strides: [-3, -1], offset: 5 });
 * ```
 */
export class TestExporter implements Exporter {
  /** The whole memory block (the `buf` of every BufferInfo). */
  readonly memory: Uint8Array;
  /** The complete structure, as a FULL request would get it. */
  readonly base: Readonly<BufferInfo>;
  /** The format layout of one item. */
  readonly layout: ModelLayout;
  readonly options: TestExporterOptions;
  readonly log: ExportLog = { requests: [], misreleases: [] };
  #exports = 0;
  #releases = 0;
  #live = new Set<BufferInfo>();
  #isC: boolean;
  #isF: boolean;

  /**
   * @param memory - the bytes of the memory block (copied)
   * @param options - the layout and behaviour
   */
  constructor(memory: Uint8Array | readonly number[], options: TestExporterOptions = {}) {
    const format = options.format ?? "B";
    this.layout = modelLayout(format);
    const itemsize = this.layout.itemsize;
    if (itemsize <= 0) throw new RangeError("test exporter: the format has no size");
    let bytes = memory instanceof Uint8Array ? memory : Uint8Array.from(memory);
    // The default shape counts the items given: the padding below adds none.
    const items = Math.floor(bytes.length / itemsize);
    if (bytes.length < itemsize) {
      // like _testbuffer.ndarray, an empty view still has one item of memory behind it
      const padded = new Uint8Array(itemsize);
      padded.set(bytes);
      bytes = padded;
    }
    const shape = options.shape ?? [items];
    const strides = options.strides ?? (options.fortran ? fByteStrides(shape, itemsize) : cByteStrides(shape, itemsize));
    const offset = options.offset ?? 0;
    if (strides.length !== shape.length) throw new RangeError("test exporter: shape and strides differ in length");
    if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new RangeError("test exporter: bad shape");
    if (!isValidStructure({ memlen: bytes.length, itemsize, shape, byteStrides: strides, byteOffset: offset })) {
      throw new RangeError("invalid combination of buffer, shape and strides");
    }
    let layout = { memory: bytes, byteOffset: offset, shape, byteStrides: strides };
    let suboffsets: readonly number[] | null = null;
    if (options.pil) {
      const pil = toPilLayout(layout);
      layout = pil;
      suboffsets = pil.suboffsets;
    }
    const byteLength = layout.memory.length;
    const buf = options.shared
      ? new SharedArrayBuffer(byteLength)
      : options.resizable
        ? new (ArrayBuffer as unknown as new (n: number, o: object) => ArrayBuffer)(byteLength, {
            maxByteLength: byteLength * 2 + 8,
          })
        : new ArrayBuffer(byteLength);
    this.memory = new Uint8Array(buf);
    this.memory.set(layout.memory);
    this.options = options;
    this.base = Object.freeze({
      obj: this,
      buf,
      offset: layout.byteOffset,
      len: product(shape) * itemsize,
      readonly: !options.writable,
      itemsize,
      format,
      ndim: shape.length,
      shape: Object.freeze([...shape]),
      strides: Object.freeze([...layout.byteStrides]),
      suboffsets: suboffsets ? Object.freeze([...suboffsets]) : null,
    });
    const facts = { itemsize, shape, strides: layout.byteStrides, suboffsets };
    this.#isC = shape.length === 0 || isCContiguous(facts);
    this.#isF = shape.length === 0 || isFContiguous(facts);
  }

  /**
   * An exporter whose memory holds `items` packed one after another (C
   * order of the memory, as `_testbuffer.ndarray` takes them); `shape`,
   * `strides` and `offset` then select from that memory.
   *
   * @example
   * ```ts
   * TestExporter.fromItems([1.5, -2], { format: "d" }).base.len; // returns 16
   * ```
   */
  static fromItems(items: readonly unknown[], options: TestExporterOptions = {}): TestExporter {
    const layout = modelLayout(options.format ?? "B");
    const memory = new Uint8Array(items.length * layout.itemsize);
    items.forEach((item, i) => {
      writeItem(memory, i * layout.itemsize, layout, item);
    });
    const shape = options.shape ?? [items.length];
    return new TestExporter(memory, { ...options, shape });
  }

  /** Live exports: successful requests not yet released. */
  get exports(): number {
    return this.#exports;
  }

  /** Releases received for BufferInfos this exporter handed out. */
  get releases(): number {
    return this.#releases;
  }

  /** Whether the structure is C-contiguous (as the exporter judges it). */
  get cContiguous(): boolean {
    return this.#isC;
  }

  /** Whether the structure is Fortran-contiguous. */
  get fContiguous(): boolean {
    return this.#isF;
  }

  /**
   * The structure as the suite's model sees it, for computing expectations.
   *
   * @example
   * ```ts
   * modelToList(TestExporter.fromItems([1, 2]).model()); // returns [1, 2]
   * ```
   */
  model(): ModelView {
    return {
      memory: this.memory,
      byteOffset: this.base.offset,
      shape: this.base.shape ?? [],
      byteStrides: this.base.strides ?? [],
      suboffsets: this.base.suboffsets,
      layout: this.layout,
    };
  }

  /**
   * Answers a request with CPython's checks (`ndarray_getbuf`): each reason
   * to refuse throws BufferError; fields the consumer did not ask for are
   * left out (`null`).
   */
  [GET_BUFFER](flags: number): BufferInfo {
    this.log.requests.push(flags);
    const info = this.options.ignoreRequests ? { ...this.base } : this.#answer(flags);
    this.#exports++;
    this.#live.add(info);
    return info;
  }

  #answer(flags: number): BufferInfo {
    if (this.options.getbufFail) throw new ExporterBufferError("test exporter: forced getbuffer failure");
    return answerRequest(this.base, this.#isC, this.#isF, flags);
  }

  /** Takes back a BufferInfo; records a misrelease for one it does not know. */
  [RELEASE_BUFFER](info: BufferInfo): void {
    if (!this.#live.has(info)) {
      this.log.misreleases.push(info && info.obj === this ? "released twice" : "released a foreign BufferInfo");
      return;
    }
    this.#live.delete(info);
    this.#exports--;
    this.#releases++;
  }

  /**
   * Detaches the memory (as a transfer does): every later access through a
   * view must throw ValueError.
   *
   * @example
   * ```ts
   * x.detach(); x.base.buf.byteLength; // returns 0
   * ```
   */
  detach(): void {
    structuredClone(this.base.buf, { transfer: [this.base.buf as ArrayBuffer] });
  }

  /**
   * Shrinks a resizable memory to `byteLength` bytes.
   *
   * @example
   * ```ts
   * x.shrink(0);
   * ```
   */
  shrink(byteLength: number): void {
    (this.base.buf as unknown as { resize(n: number): void }).resize(byteLength);
  }

  /** A short description for case names: shape, strides, offset, format and flags. */
  describe(): string {
    const b = this.base;
    const parts = [`shape=[${b.shape}]`, `strides=[${b.strides}]`, `offset=${b.offset}`, `format=${b.format}`];
    if (b.suboffsets) parts.push(`suboffsets=[${b.suboffsets}]`);
    if (!b.readonly) parts.push("writable");
    return parts.join(" ");
  }
}

/** The flags a memoryview must request of its exporter (FULL_RO). */
export const MEMORYVIEW_REQUEST = BufferFlags.FULL_RO;
