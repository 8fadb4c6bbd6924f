/**
 * Ready-made exporters for the cases: random test exporters of every layout
 * within an implementation's declared limits, and the implementation's own
 * exporters (`bytes`, `bytearray`, `array`, `buffer`, and the built-in
 * JavaScript objects through `getBuffer`).
 *
 * @packageDocumentation
 */

import type { Context } from "../common.js";
import { construct } from "../implementation.js";
import type { Prng } from "../model/prng.js";
import { modelLayout } from "../model/format-model.js";
import { randomStructure } from "../model/structure.js";
import type { BufferInfo } from "../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../protocol/symbols.js";
import { TestExporter, type TestExporterOptions } from "../test-exporter/index.js";

/** Formats the model lays out, for random exporters. */
export const SIMPLE_FORMATS = ["B", "b", "c", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d", "P"];
/** Multi-character formats (byte order, counts, several fields). */
export const STRUCT_FORMATS = ["<h", ">i", "=q", "!H", "@d", "2B", "<hh", "bi", ">3b", "<dB", "3c", "2?", "=e", "<2Q"];

/** Random bytes for one exporter, with `?` fields kept to 0 or 1 (other bytes are undefined for C's _Bool). */
export function randomMemory(rng: Prng, format: string, byteLength: number): Uint8Array {
  const memory = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) memory[i] = rng.int(0, 255);
  const layout = modelLayout(format);
  const boolFields = layout.fields.filter((f) => f.char === "?");
  if (boolFields.length > 0) {
    for (let item = 0; item + layout.itemsize <= byteLength; item += layout.itemsize) {
      for (const f of boolFields) memory[item + f.byteOffset] = rng.int(0, 1);
    }
    for (let i = byteLength - (byteLength % layout.itemsize); i < byteLength; i++) memory[i] = rng.int(0, 1);
  }
  return memory;
}

/** The formats an implementation declares it reads and writes. */
export function supportedFormats(ctx: Context): string[] {
  const singles = SIMPLE_FORMATS.filter((f) => ctx.supports.formats.includes(f));
  return ctx.supports.structFormats ? [...singles, ...STRUCT_FORMATS] : singles;
}

/** Options for {@link randomExporter}. */
export interface RandomExporterOptions {
  readonly maxDim: number;
  readonly maxShape?: number;
  readonly maxItems?: number;
  readonly formats: readonly string[];
  readonly pil?: boolean;
  readonly writable?: boolean;
}

/**
 * A random valid test exporter.
 *
 * @example
 * ```ts
 * randomExporter(rng, { maxDim: 3, formats: ["B", "d"] }).base.ndim; // returns 0..3
 * ```
 */
export function randomExporter(rng: Prng, options: RandomExporterOptions): TestExporter {
  const format = rng.pick(options.formats);
  const itemsize = modelLayout(format).itemsize;
  const t = randomStructure(rng, itemsize, true, {
    maxDim: options.maxDim,
    maxShape: options.maxShape ?? 5,
    maxItems: options.maxItems ?? 120,
  });
  const exporterOptions: TestExporterOptions = {
    shape: t.shape,
    strides: t.byteStrides,
    offset: t.byteOffset,
    format,
    writable: options.writable ?? rng.chance(0.5),
    pil: t.shape.length > 0 && (options.pil ?? rng.chance(0.15)),
  };
  return new TestExporter(randomMemory(rng, format, t.memlen), exporterOptions);
}

/** An exporter seen through two functions, so built-in objects (through `getBuffer`) fit too. */
export interface ExporterAccess {
  readonly label: string;
  /** Makes a fresh exporter and returns its getbuffer and releasebuffer. */
  make(): { obj: object; get(flags: number): BufferInfo; release(info: BufferInfo): void };
}

/** Access to an object with the registry symbols. */
export function symbolAccess(label: string, factory: () => object): ExporterAccess {
  return {
    label,
    make() {
      const obj = factory() as Record<symbol, (arg: unknown) => unknown>;
      return {
        obj,
        get: (flags) => (obj[GET_BUFFER] as (f: number) => BufferInfo).call(obj, flags),
        release: (info) => (obj[RELEASE_BUFFER] as ((i: BufferInfo) => void) | undefined)?.call(obj, info),
      };
    },
  };
}

/**
 * The implementation's own exporters that the module exports.
 *
 * @example
 * ```ts
 * implementationExporters(ctx).map((e) => e.label); // returns ["bytes", "bytearray", "array('b')", …]
 * ```
 */
export function implementationExporters(ctx: Context): ExporterAccess[] {
  const out: ExporterAccess[] = [];
  const data = [3, 1, 4, 1, 5, 9, 2, 6];
  if (ctx.has("bytes")) out.push(symbolAccess("bytes", () => construct(ctx.impl.bytes, Uint8Array.from(data)) as object));
  if (ctx.has("bytes")) out.push(symbolAccess("bytes (empty)", () => construct(ctx.impl.bytes, new Uint8Array(0)) as object));
  if (ctx.has("bytearray")) {
    out.push(symbolAccess("bytearray", () => construct(ctx.impl.bytearray, Uint8Array.from(data)) as object));
  }
  if (ctx.has("array")) {
    for (const typecode of ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"]) {
      const items = ["q", "Q", "l", "L"].includes(typecode) ? data.map(BigInt) : data;
      out.push(symbolAccess(`array('${typecode}')`, () => construct(ctx.impl.array, typecode, items) as object));
    }
  }
  if (ctx.has("buffer") && ctx.has("bytes")) {
    out.push(
      symbolAccess(
        "buffer(bytes, 2, 4)",
        () => construct(ctx.impl.buffer, construct(ctx.impl.bytes, Uint8Array.from(data)), 2, 4) as object,
      ),
    );
  }
  return out;
}

/** The built-in JavaScript exporters, reached through the module's `getBuffer` and `releaseBuffer`. */
export function builtinExporters(ctx: Context): ExporterAccess[] {
  if (!ctx.has("getBuffer")) return [];
  const getBuffer = ctx.impl.getBuffer as (obj: unknown, flags: number) => BufferInfo;
  const releaseBuffer = (ctx.impl.releaseBuffer as ((info: BufferInfo) => void) | undefined) ?? (() => {});
  const access = (label: string, factory: () => object): ExporterAccess => ({
    label,
    make() {
      const obj = factory();
      return { obj, get: (flags) => getBuffer(obj, flags), release: (info) => releaseBuffer(info) };
    },
  });
  const out: ExporterAccess[] = [
    access("ArrayBuffer", () => new ArrayBuffer(12)),
    access("DataView", () => new DataView(new ArrayBuffer(12), 2, 8)),
    access("Int8Array", () => new Int8Array(6)),
    access("Uint8Array (offset)", () => new Uint8Array(new ArrayBuffer(16), 3, 9)),
    access("Uint8ClampedArray", () => new Uint8ClampedArray(5)),
    access("Int16Array", () => new Int16Array(4)),
    access("Uint16Array", () => new Uint16Array(new ArrayBuffer(16), 4, 3)),
    access("Int32Array", () => new Int32Array(3)),
    access("Uint32Array", () => new Uint32Array(3)),
    access("Float32Array", () => new Float32Array(3)),
    access("Float64Array", () => new Float64Array(2)),
    access("BigInt64Array", () => new BigInt64Array(2)),
    access("BigUint64Array", () => new BigUint64Array(2)),
  ];
  if (ctx.supports.sharedArrayBuffer && typeof SharedArrayBuffer !== "undefined") {
    out.push(access("SharedArrayBuffer", () => new SharedArrayBuffer(8)));
    out.push(access("Int16Array over SharedArrayBuffer", () => new Int16Array(new SharedArrayBuffer(8))));
  }
  return out;
}
