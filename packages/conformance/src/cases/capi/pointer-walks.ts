/**
 * The capi cases about suboffset pointers: the contract's pointer
 * encoding (`POINTER_SIZE`, `readPointer`, `writePointer`), layouts that
 * `_testbuffer.ndarray` cannot make (golden data from CPython's functions on
 * Py_buffers filled in by hand), and walks whose pointers were changed after
 * the export so that they lead outside the memory.
 *
 * Sources of truth: SPEC §1.2 (a pointer is a native-endian 8-byte
 * unsigned byte offset into the same `buf`; a consumer never reads outside
 * `buf`, it fails with BufferError), `fixtures/golden_capi.py`'s
 * `raw_layouts` (CPython's `PyBuffer_GetPointer`, `PyBuffer_ToContiguous`
 * and `PyBuffer_FromContiguous`), and the golden `_testbuffer.ndarray`
 * PIL layouts, whose pointer tables the suite's TestExporter builds alike.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { fromHex, toHex } from "../../golden/decode-value.js";
import { goldenCapi, type GoldenCapiRawLayout } from "../../golden/golden-capi-data.js";
import { allIndices } from "../../model/model-view.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { RawExporter, TestExporter } from "../../test-exporter/index.js";
import { type Capi, caseWith, exporterOf, type Exports, labelOf, product, supportsSpec, withExport } from "./support.js";

const ORDERS = ["C", "F", "A"] as const;
const BUFFER_ERROR = { name: "BufferError", message: /\S/ };
const RANGE_ERROR = { name: "RangeError", message: /\S/ };
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// ------------------------------------------------------- pointer encoding

/** The contract's encoding of `value` at `at` of a copy of `memory`, by DataView. */
function encoded(memory: Uint8Array, at: number, value: bigint): string {
  const copy = memory.slice();
  new DataView(copy.buffer).setBigUint64(at, value, HOST_IS_LITTLE_ENDIAN);
  return toHex(copy);
}

/** Pointers on both sides of every 32-bit and 8-bit boundary, up to 2**53 - 1. */
const POINTERS = [
  0,
  1,
  255,
  256,
  258,
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 32 + 2 ** 31,
  2 ** 40 + 12345,
  2 ** 52 + 1,
  2 ** 53 - 1,
];

/** `POINTER_SIZE`, `readPointer` and `writePointer` against SPEC §1.2's definition. */
export function pointerEncoding(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  if (capi.POINTER_SIZE !== undefined) {
    ctx.test(`POINTER_SIZE is 8 (SPEC §1.2: an 8-byte pointer)`, () => assertSameValue(capi.POINTER_SIZE, 8, "POINTER_SIZE"));
  } else {
    ctx.skip(`POINTER_SIZE`, "the module's capi has no POINTER_SIZE");
  }
  caseWith(
    ctx,
    capi,
    ["writePointer", "readPointer"],
    "writePointer/readPointer: a native-endian 8-byte unsigned offset",
    (c) => {
      for (const at of [0, 3, 8]) {
        for (const value of POINTERS) {
          const memory = new Uint8Array(24).fill(0xee);
          const expected = encoded(memory, at, BigInt(value));
          attempt(() => c.writePointer(memory.buffer, at, value), `writePointer(buf, ${at}, ${value})`);
          assertSameValue(toHex(memory), expected, `writePointer(buf, ${at}, ${value}): the memory`);
          assertSameValue(
            c.readPointer(new DataView(memory.buffer), at),
            value,
            `readPointer(view, ${at}) after writing ${value}`,
          );
        }
      }
    },
  );
  caseWith(ctx, capi, ["readPointer"], "readPointer: pointers of 2**53 or more read as Infinity", (c) => {
    const memory = new Uint8Array(16);
    const view = new DataView(memory.buffer);
    const cases: [bigint, number][] = [
      [2n ** 53n - 1n, 2 ** 53 - 1],
      [2n ** 53n, Number.POSITIVE_INFINITY],
      [2n ** 53n + 1n, Number.POSITIVE_INFINITY],
      [2n ** 53n + 16n, Number.POSITIVE_INFINITY],
      [2n ** 63n, Number.POSITIVE_INFINITY],
      [2n ** 64n - 1n, Number.POSITIVE_INFINITY],
    ];
    for (const [stored, expected] of cases) {
      view.setBigUint64(5, stored, HOST_IS_LITTLE_ENDIAN);
      assertSameValue(c.readPointer(view, 5), expected, `readPointer of a slot holding ${stored}`);
    }
  });
  caseWith(ctx, capi, ["writePointer"], "writePointer: a pointer must be a non-negative safe integer", (c) => {
    for (const bad of [
      -1,
      -(2 ** 32),
      -0.5,
      1.5,
      2 ** 53,
      2 ** 64,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]) {
      const memory = new Uint8Array(16).fill(0xee);
      assertThrows(() => c.writePointer(memory.buffer, 4, bad), RANGE_ERROR, `writePointer(buf, 4, ${bad})`);
      assertSameValue(toHex(memory), "ee".repeat(16), `writePointer(buf, 4, ${bad}): the memory afterwards`);
    }
  });
  if (!ctx.supports.suboffsets) return;
  suiteTables(ctx, capi, exports);
}

/**
 * The module reads the TestExporter's pointer tables as CPython reads
 * `_testbuffer.ndarray`'s, and the module reads tables built with its own
 * `writePointer`.
 */
function suiteTables(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  const layouts = goldenCapi().layouts.filter((l) => l.pil && !l.shape.includes(0) && supportsSpec(ctx, l));
  for (const layout of layouts) {
    const what = `readPointer: the row pointers of ${labelOf(layout)}`;
    caseWith(ctx, capi, ["readPointer"], what, (c) => {
      withExport(exports, exporterOf(layout, false), BufferFlags.FULL_RO, (info) => {
        const view = new DataView(info.buf);
        const rowItems = product(layout.shape.slice(1));
        const [stride0, suboffset0] = [info.strides![0] as number, info.suboffsets![0] as number];
        for (let row = 0; row < (layout.shape[0] as number); row++) {
          // Item [row, 0, …, 0] is the row pointer plus suboffsets[0] (PyBuffer_GetPointer).
          const [relative] = layout.pointers[row * rowItems] as readonly [number, string];
          const pointer = c.readPointer(view, info.offset + row * stride0);
          assertSameValue(pointer + suboffset0 - info.offset, relative, `${what}: row ${row}`);
        }
      });
    });
  }
  caseWith(
    ctx,
    capi,
    ["writePointer", "getPointer", "toContiguous"],
    "writePointer: a table of row pointers the module then follows",
    (c) => {
      // Three rows of two 'h' items at bytes 24..35, the table at 0..23 listing them last to first.
      const memory = Uint8Array.from({ length: 36 }, (_, k) => (k * 37 + 11) & 0xff);
      for (let row = 0; row < 3; row++) c.writePointer(memory.buffer, 8 * row, 24 + 4 * (2 - row));
      const x = new RawExporter({
        buf: memory.buffer,
        offset: 0,
        len: 12,
        readonly: true,
        itemsize: 2,
        format: "h",
        ndim: 2,
        shape: [3, 2],
        strides: [8, 2],
        suboffsets: [0, -1],
      });
      withExport(exports, x, BufferFlags.FULL_RO, (info) => {
        for (const index of allIndices([3, 2])) {
          const [row, col] = index as [number, number];
          assertSameValue(c.getPointer(info, index), 24 + 4 * (2 - row) + 2 * col, `getPointer([${index}])`);
        }
        const rows = [32, 28, 24].map((at) => toHex(memory.subarray(at, at + 4)));
        assertSameValue(toHex(c.toContiguous(info, "C")), rows.join(""), "toContiguous(C)");
      });
    },
  );
}

// ------------------------------------------------------------ raw layouts

/** A RawExporter over a fresh copy of the raw layout's memory. */
function rawExporterOf(raw: GoldenCapiRawLayout, writable: boolean): { x: RawExporter; memory: Uint8Array } {
  const memory = fromHex(raw.memory);
  const x = new RawExporter({
    buf: memory.buffer,
    offset: raw.offset,
    len: product(raw.shape) * raw.itemsize,
    readonly: !writable,
    itemsize: raw.itemsize,
    format: raw.format,
    ndim: raw.shape.length,
    shape: raw.shape,
    strides: raw.strides,
    suboffsets: raw.suboffsets,
  });
  return { x, memory };
}

function rawLabel(raw: GoldenCapiRawLayout): string {
  return `raw ${raw.id} (shape=[${raw.shape}] strides=[${raw.strides}] suboffsets=[${raw.suboffsets}] offset=${raw.offset} '${raw.format}')`;
}

/** Layouts given field by field (pointer tables after the items, two levels, an indirect middle dimension). */
export function rawLayouts(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  if (!ctx.supports.suboffsets) return;
  const usable = goldenCapi().raw_layouts.filter(
    (r) => r.shape.length <= ctx.supports.maxNdim && ctx.supports.formats.includes(r.format),
  );
  for (const raw of usable) {
    const label = rawLabel(raw);
    caseWith(ctx, capi, ["getPointer"], `getPointer: ${label}`, (c) => {
      const { x, memory } = rawExporterOf(raw, false);
      withExport(exports, x, BufferFlags.FULL_RO, (info) => {
        let k = 0;
        for (const index of allIndices(raw.shape)) {
          const [at, itemHex] = raw.pointers[k++] as readonly [number, string];
          assertSameValue(
            attempt(() => c.getPointer(info, index), `getPointer([${index}])`),
            at,
            `getPointer([${index}])`,
          );
          assertSameValue(toHex(memory.subarray(at, at + raw.itemsize)), itemHex, `the item at getPointer([${index}])`);
        }
      });
    });
    for (const order of ORDERS) {
      caseWith(ctx, capi, ["toContiguous"], `toContiguous ${order}: ${label}`, (c) => {
        const { x } = rawExporterOf(raw, false);
        withExport(exports, x, BufferFlags.FULL_RO, (info) => {
          assertSameValue(
            toHex(attempt(() => c.toContiguous(info, order), "toContiguous")),
            raw.to_contiguous[order],
            "toContiguous",
          );
          const out = new Uint8Array(info.len);
          c.toContiguous(info, order, out);
          assertSameValue(toHex(out), raw.to_contiguous[order], "toContiguous into out");
        });
      });
      caseWith(ctx, capi, ["fromContiguous"], `fromContiguous ${order}: ${label}`, (c) => {
        const source = fromHex(raw.source);
        for (const [n, after] of raw.from_contiguous[order]) {
          const { x, memory } = rawExporterOf(raw, true);
          withExport(exports, x, BufferFlags.FULL, (info) =>
            attempt(() => c.fromContiguous(info, source.subarray(0, n), order), `${n} bytes`),
          );
          assertSameValue(toHex(memory), after, `${n} bytes: the memory afterwards`);
        }
      });
    }
    caseWith(
      ctx,
      capi,
      ["copyBuffer"],
      `copyBuffer: ${label}, to and from C-contiguous memory (expectation: ToContiguous and FromContiguous in C order)`,
      (c) => {
        const len = product(raw.shape) * raw.itemsize;
        const flat = (bytes: Uint8Array, writable: boolean) =>
          new TestExporter(bytes, { shape: raw.shape, format: raw.format, writable });
        const target = flat(new Uint8Array(len), true);
        withExport(exports, target, BufferFlags.FULL, (d) =>
          withExport(exports, rawExporterOf(raw, false).x, BufferFlags.FULL_RO, (s) =>
            attempt(() => c.copyBuffer(d, s), "copyBuffer(C, raw)"),
          ),
        );
        assertSameValue(toHex(target.memory), raw.to_contiguous.C, "copyBuffer(C, raw): the destination afterwards");
        // The whole source in C order: FromContiguous of more than len bytes.
        const [n, after] = raw.from_contiguous.C.find(([count]) => count > len) as readonly [number, string];
        const { x, memory } = rawExporterOf(raw, true);
        withExport(exports, x, BufferFlags.FULL, (d) =>
          withExport(exports, flat(fromHex(raw.source).subarray(0, len).slice(), false), BufferFlags.FULL_RO, (s) =>
            attempt(() => c.copyBuffer(d, s), "copyBuffer(raw, C)"),
          ),
        );
        assertSameValue(toHex(memory), after, `copyBuffer(raw, C): the destination afterwards (as FromContiguous of ${n} bytes)`);
      },
    );
  }
}

// --------------------------------------------------- corrupted pointers

/** An export whose pointers are sound when taken and changed afterwards (the consumer can write them). */
interface Corruption {
  readonly label: string;
  /** A fresh exporter and its memory (sound pointers). */
  readonly make: (writable: boolean) => { x: RawExporter; memory: Uint8Array };
  /** Changes the memory after the export. */
  readonly corrupt: (memory: Uint8Array) => void;
  /** An index whose item can no longer be reached. */
  readonly bad: readonly number[];
}

function setPointer(memory: Uint8Array, at: number, value: number): void {
  new DataView(memory.buffer).setBigUint64(at, BigInt(value), HOST_IS_LITTLE_ENDIAN);
}

/** Two rows of three 'h' items walked backwards from the row pointer: table 0..15, rows at 16..27. */
function backwardRows(writable: boolean): { x: RawExporter; memory: Uint8Array } {
  const memory = Uint8Array.from({ length: 28 }, (_, k) => (k * 29 + 5) & 0xff);
  setPointer(memory, 0, 20);
  setPointer(memory, 8, 26);
  const x = new RawExporter({
    buf: memory.buffer,
    offset: 0,
    len: 12,
    readonly: !writable,
    itemsize: 2,
    format: "h",
    ndim: 2,
    shape: [2, 3],
    strides: [8, -2],
    suboffsets: [0, -1],
  });
  return { x, memory };
}

function corruptions(): Corruption[] {
  const twoLevels = goldenCapi().raw_layouts.find((r) => r.suboffsets.length === 2 && r.suboffsets.every((s) => s >= 0));
  const list: Corruption[] = [
    // Row 1's items at 27 (one byte inside), 25, 23.
    {
      label: "a row's first item straddling the end, the others inside",
      make: backwardRows,
      corrupt: (m) => setPointer(m, 8, 27),
      bad: [1, 0],
    },
    // Row 1's items at 2, 0, -2.
    {
      label: "a row's last item before the start of the memory",
      make: backwardRows,
      corrupt: (m) => setPointer(m, 8, 2),
      bad: [1, 2],
    },
  ];
  if (twoLevels !== undefined) {
    const size = twoLevels.memory.length / 2;
    const first = twoLevels.offset; // level 0's first slot
    const make = (writable: boolean) => rawExporterOf(twoLevels, writable);
    list.push(
      { label: "a second-level slot far outside the memory", make, corrupt: (m) => setPointer(m, first, 1000), bad: [0, 0] },
      {
        label: "a second-level slot straddling the end of the memory",
        make,
        corrupt: (m) => setPointer(m, first, size - 4 - (twoLevels.suboffsets[0] as number)),
        bad: [0, 0],
      },
      // Row 0's slots at bytes 4 and 4 + strides[1] (level 1 is walked backwards: -4).
      {
        label: "a second-level slot before the start of the memory",
        make,
        corrupt: (m) => setPointer(m, first, 4 - (twoLevels.suboffsets[0] as number)),
        bad: [0, 1],
      },
    );
  }
  return list;
}

/**
 * Walks through pointers that lead outside the memory, or to a slot or an
 * item that straddles its end: every function fails with BufferError and
 * reads nothing outside it (SPEC §1.2).
 */
export function corruptWalks(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  if (!ctx.supports.suboffsets) return;
  for (const { label, make, corrupt, bad } of corruptions()) {
    caseWith(ctx, capi, ["getPointer"], `getPointer: ${label}`, (c) => {
      const { x, memory } = make(false);
      withExport(exports, x, BufferFlags.FULL_RO, (info) => {
        corrupt(memory);
        assertThrows(() => c.getPointer(info, bad), BUFFER_ERROR, `getPointer([${bad}])`);
      });
    });
    for (const order of ["C", "F"]) {
      caseWith(ctx, capi, ["toContiguous", "fromContiguous"], `toContiguous/fromContiguous ${order}: ${label}`, (c) => {
        const { x, memory } = make(true);
        withExport(exports, x, BufferFlags.FULL, (info) => {
          corrupt(memory);
          assertThrows(() => c.toContiguous(info, order), BUFFER_ERROR, `toContiguous(${order})`);
          assertThrows(
            () => c.toContiguous(info, order, new Uint8Array(info.len)),
            BUFFER_ERROR,
            `toContiguous(${order}) into out`,
          );
          assertThrows(
            () => c.fromContiguous(info, new Uint8Array(info.len).fill(9), order),
            BUFFER_ERROR,
            `fromContiguous(${order})`,
          );
        });
      });
    }
    caseWith(ctx, capi, ["copyBuffer"], `copyBuffer: ${label}, as source and as destination`, (c) => {
      const twin = (info: BufferInfo, writable: boolean) =>
        new TestExporter(new Uint8Array(info.len), { shape: info.shape as number[], format: info.format ?? "B", writable });
      const source = make(false);
      withExport(exports, source.x, BufferFlags.FULL_RO, (s) => {
        corrupt(source.memory);
        withExport(exports, twin(s, true), BufferFlags.FULL, (d) =>
          assertThrows(() => c.copyBuffer(d, s), BUFFER_ERROR, "copyBuffer(fresh, corrupted)"),
        );
      });
      const dest = make(true);
      withExport(exports, dest.x, BufferFlags.FULL, (d) => {
        corrupt(dest.memory);
        withExport(exports, twin(d, false), BufferFlags.FULL_RO, (s) =>
          assertThrows(() => c.copyBuffer(d, s), BUFFER_ERROR, "copyBuffer(corrupted, fresh)"),
        );
      });
    });
  }
}
