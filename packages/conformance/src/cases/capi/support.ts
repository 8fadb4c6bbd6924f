/**
 * Tools of the capi groups: exporters built from the golden specs,
 * exports taken and given back through the module's `getBuffer` and
 * `releaseBuffer` (or straight from the exporter when the module has no
 * `getBuffer`), and the data memory of an exporter without its PIL table.
 *
 * @packageDocumentation
 */

import type { Context } from "../../common.js";
import { fromHex } from "../../golden/decode-value.js";
import type { GoldenCapiSpec } from "../../golden/golden-capi-data.js";
import type { BufferApiLike } from "../../implementation.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";

/** The C API functions of the module, all present (a case names those it needs). */
export type Capi = BufferApiLike;

/**
 * Registers a case when the module has every function it needs (the
 * functions it lacks are reported once, by `reportMissing`).
 *
 * @example
 * ```ts
 * caseWith(ctx, capi, ["getPointer"], "getPointer: a case", (c) => c.getPointer(info, [0]));
 * ```
 */
export function caseWith(
  ctx: Context,
  capi: Partial<Capi>,
  needs: readonly (keyof Capi)[],
  name: string,
  body: (capi: Capi) => void,
): void {
  const missing = needs.filter((n) => typeof capi[n] !== "function");
  if (missing.length > 0) return;
  ctx.test(`${name}`, () => body(capi as Capi));
}

/** How a case takes an export and gives it back. */
export interface Exports {
  /** `PyObject_GetBuffer(obj, flags)`. */
  get(obj: object, flags: number): BufferInfo;
  /** `PyBuffer_Release(info)`. */
  release(info: BufferInfo): void;
}

/**
 * The module's `getBuffer`/`releaseBuffer`, or the exporter's own methods
 * when the module has no `getBuffer`.
 *
 * @example
 * ```ts
 * const info = exportsOf(ctx).get(exporter, BufferFlags.FULL_RO);
 * ```
 */
export function exportsOf(ctx: Context): Exports {
  if (ctx.has("getBuffer")) {
    const getBuffer = ctx.impl.getBuffer as (obj: unknown, flags: number) => BufferInfo;
    const releaseBuffer = (ctx.impl.releaseBuffer as ((info: BufferInfo) => void) | undefined) ?? (() => {});
    return { get: (obj, flags) => getBuffer(obj, flags), release: (info) => releaseBuffer(info) };
  }
  return {
    get: (obj, flags) => (obj as Record<symbol, (f: number) => BufferInfo>)[GET_BUFFER]!(flags),
    release: (info) => {
      const obj = info.obj as Record<symbol, ((i: BufferInfo) => void) | undefined> | null;
      obj?.[RELEASE_BUFFER]?.(info);
    },
  };
}

/**
 * Runs `body` on an export of `obj`, giving the export back however it ends.
 *
 * @example
 * ```ts
 * withExport(exports, x, BufferFlags.FULL_RO, (info) => capi.toContiguous(info, "C"));
 * ```
 */
export function withExport<T>(exports: Exports, obj: object, flags: number, body: (info: BufferInfo) => T): T {
  const info = exports.get(obj, flags);
  try {
    return body(info);
  } finally {
    exports.release(info);
  }
}

/**
 * The twin of a golden `_testbuffer.ndarray`: same memory, shape, strides,
 * offset, format and PIL table.
 *
 * @example
 * ```ts
 * exporterOf(goldenCapi().layouts[0], true).describe();
 * ```
 */
export function exporterOf(spec: GoldenCapiSpec, writable: boolean): TestExporter {
  return new TestExporter(fromHex(spec.memory), {
    shape: spec.shape,
    strides: spec.strides,
    offset: spec.offset,
    format: spec.format,
    pil: spec.pil,
    writable,
  });
}

/**
 * The bytes of the PIL pointer table in front of a TestExporter's items
 * (`init_suboffsets` pads it to 8 bytes); 0 without suboffsets.
 */
export function tableBytes(spec: GoldenCapiSpec): number {
  return spec.pil ? Math.ceil(((spec.shape[0] as number) * 8) / 8) * 8 : 0;
}

/** The exporter's item memory (after the PIL pointer table): what the golden data records. */
export function dataMemory(spec: GoldenCapiSpec, x: TestExporter): Uint8Array {
  return x.memory.subarray(tableBytes(spec));
}

/** Whether the implementation declares the layout's features (format, dimensions, suboffsets). */
export function supportsSpec(ctx: Context, spec: GoldenCapiSpec): boolean {
  if (spec.pil && !ctx.supports.suboffsets) return false;
  if (spec.shape.length > ctx.supports.maxNdim) return false;
  return spec.format.length === 1 ? ctx.supports.formats.includes(spec.format) : ctx.supports.structFormats;
}

/** A short label: the golden id and the layout. */
export function labelOf(spec: GoldenCapiSpec): string {
  const parts = [`shape=[${spec.shape}]`, `strides=[${spec.strides}]`, `offset=${spec.offset}`, `'${spec.format}'`];
  if (spec.pil) parts.push("PIL");
  return `${spec.id} (${parts.join(" ")})`;
}

/** The product of a shape. */
export function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** `source` as each kind of byte source the functions take, for variety: a view at an offset, an ArrayBuffer, a DataView. */
export function sourceForms(source: Uint8Array): [string, ArrayBufferView | ArrayBuffer][] {
  const padded = new Uint8Array(source.length + 7);
  padded.set(source, 5);
  const buffer = source.slice().buffer;
  return [
    ["Uint8Array at an offset", padded.subarray(5, 5 + source.length)],
    ["ArrayBuffer", buffer],
    ["DataView at an offset", new DataView(padded.buffer, 5, source.length)],
  ];
}
