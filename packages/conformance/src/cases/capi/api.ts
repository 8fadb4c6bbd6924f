/**
 * The buffer protocol's C API beside memoryview (`Doc/c-api/buffer.rst`),
 * as the module's optional `capi` exports it: `getPointer`, `toContiguous`,
 * `fromContiguous`, `copyBuffer`, `copyData`, `fillContiguousStrides`,
 * `isContiguous` (and `isCContiguous`/`isFContiguous`), `fillInfo` and
 * `sizeFromFormat`; and SPEC §1.2's pointer encoding beside them
 * (`POINTER_SIZE`, `readPointer`, `writePointer`: see pointer-walks.ts,
 * with the hand-built layouts and the pointers changed after the export).
 *
 * Sources of truth: CPython's own functions, called by
 * fixtures/golden_capi.py on `_testbuffer.ndarray` exporters of every layout
 * (C, Fortran, strided, negative and zero strides, offsets, length-0 and
 * length-1 dimensions, PIL suboffsets), whose twins the suite's TestExporter
 * builds. Where CPython's function cannot be called (null strides, which
 * CPython's `PyBuffer_GetPointer` would dereference; memory shared by source
 * and destination, which CPython copies with `memcpy`, one buffer or two
 * SharedArrayBuffer objects over one shared WebAssembly.Memory; pointers
 * leading outside the memory), the expectation is the suite's model
 * (src/model/) or memoryview's rule for null fields, and the case says so.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { fromHex, toHex } from "../../golden/decode-value.js";
import { goldenCapi, type GoldenCapiCopy, type GoldenCapiLayout, type GoldenRequestName } from "../../golden/golden-capi-data.js";
import { CAPI_NAMES } from "../../implementation.js";
import { allIndices, itemBytePosition } from "../../model/model-view.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { RELEASE_BUFFER } from "../../protocol/symbols.js";
import { RawExporter, TestExporter } from "../../test-exporter/index.js";
import {
  type Capi,
  caseWith,
  dataMemory,
  exporterOf,
  type Exports,
  labelOf,
  product,
  sourceForms,
  supportsSpec,
  tableBytes,
  withExport,
} from "./support.js";

const ORDERS = ["C", "F", "A"] as const;
const BAD_ORDERS = ["X", "c", "f", "a", "", "CF"];
const REQUESTS: Record<GoldenRequestName, number> = {
  FULL_RO: BufferFlags.FULL_RO,
  STRIDED_RO: BufferFlags.STRIDED_RO,
  ND: BufferFlags.ND,
  SIMPLE: BufferFlags.SIMPLE,
};
/** CPython's error for an order other than C, F or A (read from the fixture on first use). */
const orderError = (): { name: string; message: string } => ({
  name: goldenCapi().errors.order[0],
  message: goldenCapi().errors.order[1],
});
const TYPE_ERROR = { name: "TypeError", message: /\S/ };
const BUFFER_ERROR = { name: "BufferError", message: /\S/ };

/** memoryview's IndexError for dimension `dim` (0-based), as CPython words it. */
function indexError(dim: number): { name: string; message: string } {
  const recorded = goldenCapi().errors.index[dim];
  if (recorded) return { name: recorded[0], message: recorded[1] };
  return { name: "IndexError", message: `index out of bounds on dimension ${dim + 1}` };
}

/** The golden layouts the implementation declares it handles. */
function layoutsFor(ctx: Context): GoldenCapiLayout[] {
  return goldenCapi().layouts.filter((layout) => supportsSpec(ctx, layout));
}

/** Reports the functions the module lacks, once each. */
/** Reports, as skipped, each C API function the module lacks. */
export function reportMissing(ctx: Context, capi: Partial<Capi>): void {
  for (const name of CAPI_NAMES) {
    if (typeof capi[name] !== "function") ctx.skip(`${name}`, `the module's capi has no ${name}`);
  }
}

// ------------------------------------------------------------ getPointer

function checkPointers(capi: Capi, info: BufferInfo, layout: GoldenCapiLayout, what: string): void {
  const memory = new Uint8Array(info.buf);
  let k = 0;
  for (const index of allIndices(layout.shape)) {
    const [relative, itemHex] = layout.pointers[k++] as readonly [number, string];
    const at = attempt(() => capi.getPointer(info, index), `${what}: getPointer([${index}])`);
    assertSameValue(at - info.offset, relative, `${what}: getPointer([${index}]) - offset`);
    assertSameValue(toHex(memory.subarray(at, at + layout.itemsize)), itemHex, `${what}: the item at getPointer([${index}])`);
  }
  assertSameValue(k, layout.pointers.length, `${what}: number of items`);
}

/** Every index of every layout: the item's offset and bytes, as PyBuffer_GetPointer finds them. */
export function pointers(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const layout of layoutsFor(ctx)) {
    const what = `getPointer: ${labelOf(layout)}`;
    caseWith(ctx, capi, ["getPointer"], what, (c) => {
      const x = exporterOf(layout, false);
      withExport(exports, x, BufferFlags.FULL_RO, (info) => checkPointers(c, info, layout, what));
    });
    if (layout.contiguous.ND !== null && layout.shape.length > 0) {
      // No strides: memoryview's rule (C order); CPython's function would read through NULL.
      const nd = `getPointer: ${labelOf(layout)}, ND request (no strides; expectation: the strided answer)`;
      caseWith(ctx, capi, ["getPointer"], nd, (c) => {
        const x = exporterOf(layout, false);
        withExport(exports, x, BufferFlags.ND, (info) => checkPointers(c, info, layout, nd));
      });
    }
    if (layout.contiguous.SIMPLE !== null) {
      const simple = `getPointer: ${labelOf(layout)}, SIMPLE request (no shape: len / itemsize items, as memoryview reads it)`;
      caseWith(ctx, capi, ["getPointer"], simple, (c) => {
        const x = exporterOf(layout, false);
        withExport(exports, x, BufferFlags.SIMPLE, (info) => checkSimplePointers(c, info, layout, simple));
      });
    }
  }
}

function checkSimplePointers(capi: Capi, info: BufferInfo, layout: GoldenCapiLayout, what: string): void {
  const count = info.len / info.itemsize;
  const bytes = fromHex(layout.to_contiguous.C);
  const memory = new Uint8Array(info.buf);
  for (let k = 0; k < count; k++) {
    const at = attempt(() => capi.getPointer(info, [k]), `${what}: getPointer([${k}])`);
    assertSameValue(at - info.offset, k * info.itemsize, `${what}: getPointer([${k}]) - offset`);
    assertSameValue(
      toHex(memory.subarray(at, at + info.itemsize)),
      toHex(bytes.subarray(k * info.itemsize, (k + 1) * info.itemsize)),
      `${what}: the item at getPointer([${k}])`,
    );
  }
  assertThrows(() => capi.getPointer(info, [count]), indexError(0), `${what}: getPointer([${count}])`);
}

/** Indices that are not one integer in range per dimension. */
export function pointerErrors(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const layout of layoutsFor(ctx).filter((l) => !l.id.startsWith("random"))) {
    const what = `getPointer: ${labelOf(layout)}: bad indices`;
    caseWith(ctx, capi, ["getPointer"], what, (c) => {
      const x = exporterOf(layout, false);
      withExport(exports, x, BufferFlags.FULL_RO, (info) => checkBadIndices(c, info, layout.shape, what));
    });
  }
}

function checkBadIndices(capi: Capi, info: BufferInfo, shape: readonly number[], what: string): void {
  const ndim = shape.length;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const call = (indices: unknown) => () => capi.getPointer(info, indices as number[]);
  assertThrows(call(zeros(ndim + 1)), TYPE_ERROR, `${what}: ${ndim + 1} indices`);
  if (ndim > 0) assertThrows(call(zeros(ndim - 1)), TYPE_ERROR, `${what}: ${ndim - 1} indices`);
  if (ndim === 1) assertThrows(call(0), TYPE_ERROR, `${what}: an index that is not an array`);
  const firstEmpty = shape.indexOf(0);
  if (firstEmpty >= 0) {
    assertThrows(call(zeros(ndim)), indexError(firstEmpty), `${what}: [${zeros(ndim)}] with an empty dimension`);
    return;
  }
  for (let dim = 0; dim < ndim; dim++) {
    const at = (value: unknown) => zeros(ndim).map((v, d) => (d === dim ? value : v));
    const length = shape[dim] as number;
    assertThrows(call(at(length)), indexError(dim), `${what}: index ${length} on dimension ${dim + 1}`);
    assertThrows(call(at(length + 7)), indexError(dim), `${what}: index ${length + 7} on dimension ${dim + 1}`);
    assertThrows(call(at(-1)), indexError(dim), `${what}: index -1 on dimension ${dim + 1}`);
    for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY, "0", null]) {
      assertThrows(call(at(bad)), TYPE_ERROR, `${what}: index ${String(bad)} on dimension ${dim + 1}`);
    }
  }
}

/** Suboffset pointers that lead outside the memory: BufferError, never a read outside it (SPEC §1.2). */
export function badPointers(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  if (!ctx.supports.suboffsets) {
    ctx.skip(`suboffset pointers outside the memory`, "the module declares no suboffsets");
    return;
  }
  // The export is taken while the pointers are sound (a consumer validates
  // what it receives); the memory, which the consumer can write, changes after.
  const rows = () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "h", pil: true, writable: true });
  const corrupt = (x: TestExporter, pointer: number) => new DataView(x.memory.buffer).setBigUint64(8, BigInt(pointer), true);
  const cases: [string, number][] = [
    ["a row pointer far beyond the memory", 2 ** 40],
    ["a row pointer whose first item straddles the end of the memory", 27],
    ["a row pointer of 2**53 + 16", 2 ** 53 + 16],
  ];
  for (const [label, pointer] of cases) {
    caseWith(ctx, capi, ["getPointer"], `getPointer: ${label}`, (c) => {
      const x = rows();
      withExport(exports, x, BufferFlags.FULL, (info) => {
        assertSameValue(c.getPointer(info, [1, 0]), 16 + 6, `${label}: getPointer([1, 0]) before`);
        corrupt(x, pointer);
        assertSameValue(c.getPointer(info, [0, 2]), 16 + 4, `${label}: getPointer([0, 2]) (row 0 is intact)`);
        assertThrows(() => c.getPointer(info, [1, 0]), BUFFER_ERROR, `${label}: getPointer([1, 0])`);
      });
    });
    for (const order of ["C", "F"]) {
      caseWith(ctx, capi, ["toContiguous", "fromContiguous"], `toContiguous/fromContiguous ${order}: ${label}`, (c) => {
        const x = rows();
        withExport(exports, x, BufferFlags.FULL, (info) => {
          corrupt(x, pointer);
          const table = toHex(x.memory.subarray(0, 16));
          assertThrows(() => c.toContiguous(info, order), BUFFER_ERROR, `${label}: toContiguous(${order})`);
          assertThrows(
            () => c.fromContiguous(info, new Uint8Array(12).fill(9), order),
            BUFFER_ERROR,
            `${label}: fromContiguous(${order})`,
          );
          // Items before the bad row may have been written; nothing outside the items.
          assertSameValue(toHex(x.memory.subarray(0, 16)), table, `${label}: the pointer table afterwards`);
        });
      });
    }
  }
  caseWith(ctx, capi, ["getPointer"], "getPointer: a second-level pointer slot outside the memory", (c) => {
    // Two levels of pointers: slot 0 holds where dimension 1's slots are.
    const buf = new ArrayBuffer(32);
    const view = new DataView(buf);
    view.setBigUint64(0, 8n, true);
    view.setBigUint64(8, 24n, true);
    const x = new RawExporter({
      buf,
      offset: 0,
      len: 1,
      readonly: true,
      itemsize: 1,
      format: "B",
      ndim: 2,
      shape: [1, 1],
      strides: [8, 8],
      suboffsets: [0, 0],
    });
    withExport(exports, x, BufferFlags.FULL_RO, (info) => {
      assertSameValue(c.getPointer(info, [0, 0]), 24, "getPointer([0, 0]) through two pointers");
      view.setBigUint64(0, 1000n, true);
      assertThrows(() => c.getPointer(info, [0, 0]), BUFFER_ERROR, "getPointer([0, 0]) with slot 0 pointing outside");
      view.setBigUint64(0, 28n, true);
      assertThrows(() => c.getPointer(info, [0, 0]), BUFFER_ERROR, "getPointer([0, 0]) with a slot straddling the end");
    });
  });
}

// ---------------------------------------------------------- toContiguous

/** PyBuffer_ToContiguous in each order, into new memory, into `out`, and into the export's own memory. */
export function toContiguous(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const layout of layoutsFor(ctx)) {
    for (const order of ORDERS) {
      const what = `toContiguous ${order}: ${labelOf(layout)}`;
      caseWith(ctx, capi, ["toContiguous"], what, (c) => checkToContiguous(c, exports, layout, order, what));
    }
    if (layout.contiguous.ND !== null) {
      const what = `toContiguous: ${labelOf(layout)}, ND and SIMPLE requests (no strides; expectation: the strided answers)`;
      caseWith(ctx, capi, ["toContiguous"], what, (c) => checkToContiguousUnstrided(c, exports, layout, what));
    }
  }
  caseWith(ctx, capi, ["toContiguous"], "toContiguous: bad orders", (c) => {
    withExport(exports, TestExporter.fromItems([1, 2, 3, 4], { shape: [2, 2], strides: [1, 2] }), BufferFlags.FULL_RO, (info) => {
      for (const order of BAD_ORDERS)
        assertThrows(() => c.toContiguous(info, order), orderError(), `toContiguous(${JSON.stringify(order)})`);
    });
  });
}

function checkToContiguous(capi: Capi, exports: Exports, layout: GoldenCapiLayout, order: "C" | "F" | "A", what: string): void {
  const expected = layout.to_contiguous[order];
  const x = exporterOf(layout, true);
  withExport(exports, x, BufferFlags.FULL, (info) => {
    const got = attempt(() => capi.toContiguous(info, order), `${what}: toContiguous()`);
    assertSameValue(toHex(got), expected, `${what}: toContiguous()`);
    if (order === "C")
      assertSameValue(toHex(capi.toContiguous(info)), expected, `${what}: toContiguous() with the default order`);
    const out = new Uint8Array(info.len);
    assertTrue(capi.toContiguous(info, order, out) === out, `${what}: toContiguous(info, order, out) returns out`);
    assertSameValue(toHex(out), expected, `${what}: out`);
    const lengthError = { name: "ValueError", message: /\S/ };
    assertThrows(
      () => capi.toContiguous(info, order, new Uint8Array(info.len + 1)),
      lengthError,
      `${what}: out one byte too long`,
    );
    if (info.len > 0) {
      assertThrows(
        () => capi.toContiguous(info, order, new Uint8Array(info.len - 1)),
        lengthError,
        `${what}: out one byte too short`,
      );
    }
    const data = dataMemory(layout, x);
    if (!layout.pil && data.length >= info.len) {
      // `out` over the export's own memory: the result is as if gathered first.
      const alias = data.subarray(0, info.len);
      capi.toContiguous(info, order, alias);
      assertSameValue(toHex(alias), expected, `${what}: out sharing the export's memory`);
    }
  });
}

function checkToContiguousUnstrided(capi: Capi, exports: Exports, layout: GoldenCapiLayout, what: string): void {
  withExport(exports, exporterOf(layout, false), BufferFlags.ND, (info) => {
    for (const order of ORDERS) {
      assertSameValue(toHex(capi.toContiguous(info, order)), layout.to_contiguous[order], `${what}: ND toContiguous(${order})`);
    }
  });
  if (layout.contiguous.SIMPLE === null) return;
  withExport(exports, exporterOf(layout, false), BufferFlags.SIMPLE, (info) => {
    for (const order of ORDERS) {
      assertSameValue(toHex(capi.toContiguous(info, order)), layout.to_contiguous.C, `${what}: SIMPLE toContiguous(${order})`);
    }
  });
}

// -------------------------------------------------------- fromContiguous

/** PyBuffer_FromContiguous in each order, of sources shorter and longer than the export. */
export function fromContiguous(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const layout of layoutsFor(ctx)) {
    for (const order of ORDERS) {
      const what = `fromContiguous ${order}: ${labelOf(layout)}`;
      caseWith(ctx, capi, ["fromContiguous"], what, (c) => checkFromContiguous(c, exports, layout, order, what));
    }
    if (!layout.pil) {
      const what = `fromContiguous: ${labelOf(layout)}: a source sharing the export's memory (expectation: the model, source read first)`;
      caseWith(ctx, capi, ["fromContiguous"], what, (c) => checkFromAliasedSource(c, exports, layout, what));
    }
  }
  caseWith(ctx, capi, ["fromContiguous"], "fromContiguous: a read-only export is refused", (c) => {
    const x = TestExporter.fromItems([1, 2, 3, 4], { shape: [2, 2], strides: [1, 2] });
    withExport(exports, x, BufferFlags.FULL_RO, (info) => {
      for (const order of ORDERS)
        assertThrows(() => c.fromContiguous(info, new Uint8Array(4).fill(7), order), BUFFER_ERROR, `fromContiguous(${order})`);
    });
    assertSameValue(Array.from(x.memory), [1, 2, 3, 4], "the memory afterwards");
  });
  caseWith(ctx, capi, ["fromContiguous"], "fromContiguous: bad orders", (c) => {
    const x = TestExporter.fromItems([1, 2, 3, 4], { shape: [2, 2], strides: [1, 2], writable: true });
    withExport(exports, x, BufferFlags.FULL, (info) => {
      for (const order of BAD_ORDERS)
        assertThrows(
          () => c.fromContiguous(info, new Uint8Array(4).fill(7), order),
          orderError(),
          `fromContiguous(${JSON.stringify(order)})`,
        );
    });
    assertSameValue(Array.from(x.memory), [1, 2, 3, 4], "the memory afterwards");
  });
}

function checkFromContiguous(capi: Capi, exports: Exports, layout: GoldenCapiLayout, order: "C" | "F" | "A", what: string): void {
  const source = fromHex(layout.source);
  layout.from_contiguous[order].forEach(([n, after], k) => {
    const [kind, bytes] = sourceForms(source.subarray(0, n))[k % 3] as [string, ArrayBufferView | ArrayBuffer];
    const x = exporterOf(layout, true);
    const table = toHex(x.memory.subarray(0, tableBytes(layout)));
    withExport(exports, x, BufferFlags.FULL, (info) => {
      attempt(
        () => (order === "C" && k === 0 ? capi.fromContiguous(info, bytes) : capi.fromContiguous(info, bytes, order)),
        `${what}: ${n} bytes`,
      );
    });
    assertSameValue(toHex(dataMemory(layout, x)), after, `${what}: ${n} bytes from ${kind}: the memory afterwards`);
    assertSameValue(toHex(x.memory.subarray(0, tableBytes(layout))), table, `${what}: the pointer table afterwards`);
  });
}

function checkFromAliasedSource(capi: Capi, exports: Exports, layout: GoldenCapiLayout, what: string): void {
  for (const order of ORDERS) {
    const x = exporterOf(layout, true);
    const len = product(layout.shape) * layout.itemsize;
    const source = x.memory.subarray(x.memory.length - Math.min(len, x.memory.length));
    const expected = x.memory.slice();
    const snapshot = source.slice();
    const contiguous = layout.contiguous.FULL_RO?.[order] ?? false;
    if (contiguous) {
      expected.set(snapshot, layout.offset);
    } else {
      const model = { ...x.model(), memory: expected };
      let at = 0;
      for (const index of allIndices(layout.shape, order === "F" ? "F" : "C")) {
        if (at + layout.itemsize > snapshot.length) break;
        const position = itemBytePosition(model, index);
        expected.set(snapshot.subarray(at, at + layout.itemsize), position);
        at += layout.itemsize;
      }
    }
    withExport(exports, x, BufferFlags.FULL, (info) => capi.fromContiguous(info, source, order));
    assertSameValue(toHex(x.memory), toHex(expected), `${what}: order ${order}`);
  }
}

// ---------------------------------------------------------- isContiguous

/** PyBuffer_IsContiguous of each request's view, in C, F, A and a bad order. */
export function contiguity(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const layout of layoutsFor(ctx)) {
    const what = `isContiguous: ${labelOf(layout)}`;
    caseWith(ctx, capi, ["isContiguous", "isCContiguous", "isFContiguous"], what, (c) => {
      for (const [request, expected] of Object.entries(layout.contiguous)) {
        if (expected === null) continue;
        withExport(exports, exporterOf(layout, false), REQUESTS[request as GoldenRequestName], (info) => {
          for (const order of ["C", "F", "A", "X"] as const) {
            assertSameValue(c.isContiguous(info, order), expected[order], `${what}: ${request} isContiguous(${order})`);
          }
          for (const order of BAD_ORDERS)
            assertSameValue(c.isContiguous(info, order), false, `${what}: ${request} isContiguous(${JSON.stringify(order)})`);
          assertSameValue(c.isCContiguous(info), expected.C, `${what}: ${request} isCContiguous`);
          assertSameValue(c.isFContiguous(info), expected.F, `${what}: ${request} isFContiguous`);
        });
      }
    });
  }
}

/**
 * A 0-dimensional export with null shape and strides, as PEP 3118 asks of
 * scalars: one item at `offset` (expectation: the golden scalar's answers).
 */
export function scalars(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const layout of layoutsFor(ctx).filter((l) => l.shape.length === 0)) {
    const what = `0-d export with null shape and strides: ${labelOf(layout)}`;
    caseWith(ctx, capi, ["getPointer", "toContiguous", "isContiguous"], what, (c) => {
      const memory = new Uint8Array(layout.itemsize + 5);
      memory.set(fromHex(layout.memory).subarray(0, layout.itemsize), 3);
      const x = new RawExporter({
        buf: memory.buffer,
        offset: 3,
        len: layout.itemsize,
        readonly: true,
        itemsize: layout.itemsize,
        format: layout.format,
        ndim: 0,
        shape: null,
        strides: null,
        suboffsets: null,
      });
      withExport(exports, x, BufferFlags.FULL_RO, (info) => {
        assertSameValue(c.getPointer(info, []), 3, `${what}: getPointer([])`);
        assertThrows(() => c.getPointer(info, [0]), TYPE_ERROR, `${what}: getPointer([0])`);
        for (const order of ORDERS) {
          assertSameValue(toHex(c.toContiguous(info, order)), layout.to_contiguous[order], `${what}: toContiguous(${order})`);
          assertSameValue(c.isContiguous(info, order), true, `${what}: isContiguous(${order})`);
        }
      });
    });
  }
}

// ------------------------------------------------------------ copies

function checkCopy(capi: Capi, exports: Exports, rec: GoldenCapiCopy, viaInfos: boolean, what: string): void {
  const dest = exporterOf(rec.dest, true);
  const src = exporterOf(rec.src, false);
  const copy = viaInfos
    ? () =>
        withExport(exports, dest, BufferFlags.FULL, (d) =>
          withExport(exports, src, BufferFlags.FULL_RO, (s) => capi.copyBuffer(d, s)),
        )
    : () => capi.copyData(dest, src);
  if (rec.error) {
    assertThrows(copy, { name: rec.error[0], message: rec.error[1] }, what);
  } else {
    attempt(copy, what);
  }
  assertSameValue(toHex(dataMemory(rec.dest, dest)), rec.memory_after, `${what}: the destination afterwards`);
  assertSameValue(toHex(src.memory.subarray(tableBytes(rec.src))), rec.src.memory, `${what}: the source afterwards`);
  assertSameValue([dest.exports, src.exports], [0, 0], `${what}: live exports afterwards`);
}

/** PyObject_CopyData between layouts, and the same copy between two exports. */
export function copies(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  goldenCapi().copies.forEach((rec, i) => {
    if (!supportsSpec(ctx, rec.dest) || !supportsSpec(ctx, rec.src)) return;
    const label = `#${i} ${labelOf(rec.dest)} <- ${labelOf(rec.src)}`;
    caseWith(ctx, capi, ["copyData"], `copyData ${label}`, (c) => checkCopy(c, exports, rec, false, `copyData ${label}`));
    caseWith(ctx, capi, ["copyBuffer"], `copyBuffer ${label}`, (c) => checkCopy(c, exports, rec, true, `copyBuffer ${label}`));
  });
  copyRefusals(ctx, capi, exports);
  overlappingCopies(ctx, capi, exports);
  sharedAliases(ctx, capi, exports);
}

function copyRefusals(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  const [typeName, typeMessage] = goldenCapi().errors.copy_data_type;
  caseWith(ctx, capi, ["copyData"], "copyData: arguments that are not exporters", (c) => {
    const x = TestExporter.fromItems([1, 2], { writable: true });
    for (const [label, dest, src] of [
      ["dest 1", 1, x],
      ["src 'ab'", x, "ab"],
      ["dest null", null, x],
      ["src [1, 2]", x, [1, 2]],
    ] as const) {
      assertThrows(() => c.copyData(dest, src), { name: typeName, message: typeMessage }, `copyData: ${label}`);
    }
    assertSameValue(x.exports, 0, "live exports afterwards");
  });
  caseWith(ctx, capi, ["copyData"], "copyData: a read-only destination refuses the FULL request", (c) => {
    const dest = TestExporter.fromItems([1, 2, 3]);
    const src = TestExporter.fromItems([4, 5, 6]);
    assertThrows(() => c.copyData(dest, src), BUFFER_ERROR, "copyData");
    assertSameValue(Array.from(dest.memory), [1, 2, 3], "the destination afterwards");
    assertSameValue([dest.exports, src.exports], [0, 0], "live exports afterwards");
  });
  const refusals: [string, () => TestExporter, () => TestExporter, number][] = [
    [
      "a read-only destination",
      () => TestExporter.fromItems([1, 2, 3]),
      () => TestExporter.fromItems([4, 5, 6]),
      BufferFlags.FULL_RO,
    ],
    [
      "shapes [2, 3] and [3, 2], not both contiguous alike",
      () => TestExporter.fromItems([0, 0, 0, 0, 0, 0], { shape: [2, 3], strides: [1, 2], writable: true }),
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [3, 2] }),
      BufferFlags.FULL,
    ],
    [
      "shapes [2, 3] and [2, 2], not both contiguous alike (the destination larger)",
      () => TestExporter.fromItems([0, 0, 0, 0, 0, 0], { shape: [2, 3], strides: [1, 2], writable: true }),
      () => TestExporter.fromItems([1, 2, 3, 4], { shape: [2, 2] }),
      BufferFlags.FULL,
    ],
    [
      "shapes [6] and [2, 3], not both contiguous alike",
      () => TestExporter.fromItems(new Array<number>(12).fill(0), { shape: [6], strides: [2], writable: true }),
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] }),
      BufferFlags.FULL,
    ],
    [
      "item sizes 2 and 1, not both contiguous alike",
      () => TestExporter.fromItems([0, 0, 0, 0, 0, 0], { shape: [3], strides: [4], format: "h", writable: true }),
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [6] }),
      BufferFlags.FULL,
    ],
  ];
  for (const [label, makeDest, makeSrc, flags] of refusals) {
    caseWith(ctx, capi, ["copyBuffer"], `copyBuffer: ${label}`, (c) => {
      const dest = makeDest();
      const before = toHex(dest.memory);
      withExport(exports, dest, flags, (d) =>
        withExport(exports, makeSrc(), BufferFlags.FULL_RO, (s) =>
          assertThrows(() => c.copyBuffer(d, s), BUFFER_ERROR, "copyBuffer"),
        ),
      );
      assertSameValue(toHex(dest.memory), before, "the destination afterwards");
    });
  }
}

/**
 * Source and destination over the same memory: the copy is as if through a
 * temporary (expectation: the model, reading every source item first).
 */
function overlappingCopies(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  const h = (items: number[], options: ConstructorParameters<typeof TestExporter>[1]) =>
    TestExporter.fromItems(items, { format: "h", writable: true, ...options });
  const pairs: [string, TestExporter, (x: TestExporter) => Omit<BufferInfo, "obj">][] = [
    ["reversed onto itself", h([1, 2, 3, 4, 5, 6], {}), (x) => ({ ...x.base, strides: [-2], offset: 10 })],
    ["shifted up one item", h([1, 2, 3, 4, 5, 6, 7], { shape: [6] }), (x) => ({ ...x.base, offset: 2 })],
    ["shifted down one item", h([1, 2, 3, 4, 5, 6, 7], { shape: [6], offset: 2 }), (x) => ({ ...x.base, offset: 0 })],
    ["transposed onto itself", h([1, 2, 3, 4, 5, 6, 7, 8, 9], { shape: [3, 3] }), (x) => ({ ...x.base, strides: [2, 6] })],
    ["every other item, shifted", h([1, 2, 3, 4, 5, 6, 7], { shape: [3], strides: [4] }), (x) => ({ ...x.base, offset: 2 })],
  ];
  if (ctx.supports.suboffsets) {
    pairs.push([
      "rows through pointers, reversed onto themselves",
      h([1, 2, 3, 4, 5, 6], { shape: [2, 3], pil: true }),
      (x) => ({ ...x.base, strides: [6, -2], offset: 16 + 4, suboffsets: null }),
    ]);
  }
  for (const [label, x, destOf] of pairs) {
    caseWith(ctx, capi, ["copyBuffer"], `copyBuffer: overlapping memory, ${label}`, (c) => {
      const destBase = destOf(x);
      const expected = x.memory.slice();
      const srcModel = { ...x.model(), memory: x.memory.slice() };
      const destModel = {
        ...srcModel,
        memory: expected,
        byteOffset: destBase.offset,
        byteStrides: destBase.strides ?? [],
        suboffsets: destBase.suboffsets,
      };
      for (const index of allIndices(x.base.shape ?? [])) {
        const from = itemBytePosition(srcModel, index);
        expected.set(srcModel.memory.subarray(from, from + x.base.itemsize), itemBytePosition(destModel, index));
      }
      const dest = new RawExporter({ ...destBase, readonly: false });
      withExport(exports, dest, BufferFlags.FULL, (d) =>
        withExport(exports, x, BufferFlags.FULL_RO, (s) => attempt(() => c.copyBuffer(d, s), label)),
      );
      assertSameValue(toHex(x.memory), toHex(expected), `${label}: the memory afterwards`);
    });
  }
}

/** Two SharedArrayBuffer objects over one block (a shared WebAssembly.Memory before and after grow()), or null. */
function sharedPair(): [SharedArrayBuffer, SharedArrayBuffer] | null {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const before = memory.buffer as unknown as SharedArrayBuffer;
    memory.grow(1);
    return [before, memory.buffer as unknown as SharedArrayBuffer];
  } catch {
    return null; // no shared WebAssembly memory here (a page that is not cross-origin isolated)
  }
}

/**
 * Memory aliased through two SharedArrayBuffer objects, which nothing tells
 * apart from unrelated memory: every function reads what it copies before
 * it writes (expectation: the model, as for one buffer).
 */
export function sharedAliases(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  if (!ctx.supports.sharedArrayBuffer || sharedPair() === null) {
    ctx.skip(`SharedArrayBuffers aliasing one shared WebAssembly.Memory`, "no shared WebAssembly.Memory");
    return;
  }
  const name = "toContiguous, fromContiguous and copyBuffer: two SharedArrayBuffer objects over one shared WebAssembly.Memory";
  caseWith(ctx, capi, ["toContiguous", "fromContiguous", "copyBuffer"], name, (c) => {
    const [before, after] = sharedPair()!;
    const bytes = new Uint8Array(after, 0, 12);
    const fill = () => bytes.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Six 'h' items over bytes 0..11 of `after`, last to first; the same bytes through `before`.
    const reversed = (readonly: boolean) =>
      new RawExporter({
        buf: after,
        offset: 10,
        len: 12,
        readonly,
        itemsize: 2,
        format: "h",
        ndim: 1,
        shape: [6],
        strides: [-2],
        suboffsets: null,
      });
    const aliased = () => new Uint8Array(before, 0, 12);
    // The bytes of the reversed items in C order, as they are now.
    const flipped = () => toHex(Uint8Array.from({ length: 12 }, (_, k) => bytes[10 - 2 * Math.floor(k / 2) + (k % 2)] as number));
    fill();
    let expected = flipped();
    withExport(exports, reversed(true), BufferFlags.FULL_RO, (info) => c.toContiguous(info, "C", aliased()));
    assertSameValue(toHex(bytes), expected, "toContiguous into out over the other SharedArrayBuffer");
    fill();
    expected = flipped();
    withExport(exports, reversed(false), BufferFlags.FULL, (info) => c.fromContiguous(info, aliased()));
    assertSameValue(toHex(bytes), expected, "fromContiguous from a source over the other SharedArrayBuffer");
    fill();
    expected = flipped();
    const straight = new RawExporter({
      buf: before,
      offset: 0,
      len: 12,
      readonly: true,
      itemsize: 2,
      format: "h",
      ndim: 1,
      shape: [6],
      strides: [2],
      suboffsets: null,
    });
    withExport(exports, reversed(false), BufferFlags.FULL, (d) =>
      withExport(exports, straight, BufferFlags.FULL_RO, (src) => c.copyBuffer(d, src)),
    );
    assertSameValue(toHex(bytes), expected, "copyBuffer from a source over the other SharedArrayBuffer");
  });
}

// -------------------------------------------------- strides, info, sizes

/** PyBuffer_FillContiguousStrides for shapes, item sizes and orders. */
export function strides(ctx: Context, capi: Partial<Capi>): void {
  for (const rec of goldenCapi().strides) {
    const what = `fillContiguousStrides [${rec.shape}]`;
    caseWith(ctx, capi, ["fillContiguousStrides"], what, (c) => {
      for (const itemsize of [1, 2, 3, 8]) {
        for (const order of ORDERS) {
          const expected = rec[`${order}${itemsize}`];
          assertSameValue(
            c.fillContiguousStrides(rec.shape, itemsize, order),
            expected,
            `${what}, itemsize ${itemsize}, order ${order}`,
          );
        }
        assertSameValue(
          c.fillContiguousStrides(rec.shape, itemsize),
          rec[`C${itemsize}`],
          `${what}, itemsize ${itemsize}, default order`,
        );
        const out = new Array<number>(rec.shape.length).fill(-1);
        assertTrue(c.fillContiguousStrides(rec.shape, itemsize, "F", out) === out, `${what}: returns out`);
        assertSameValue(out, rec[`F${itemsize}`], `${what}, itemsize ${itemsize}, order F into out`);
      }
    });
  }
}

function checkFillInfo(
  info: BufferInfo,
  obj: object,
  buf: ArrayBuffer,
  view: NonNullable<ReturnType<typeof goldenCapi>["fill_info"][number]["view"]>,
  what: string,
): void {
  assertTrue(info.obj === obj, `${what}: obj`);
  assertTrue(info.buf === buf, `${what}: buf`);
  assertSameValue(info.offset, 1, `${what}: offset`);
  assertSameValue(info.len, view.len, `${what}: len`);
  assertSameValue(info.readonly, view.readonly, `${what}: readonly`);
  assertSameValue(info.itemsize, view.itemsize, `${what}: itemsize`);
  assertSameValue(info.format, view.format, `${what}: format`);
  assertSameValue(info.ndim, view.ndim, `${what}: ndim`);
  assertSameValue(info.shape === null ? null : [...info.shape], view.shape, `${what}: shape`);
  assertSameValue(info.strides === null ? null : [...info.strides], view.strides, `${what}: strides`);
  assertSameValue(info.suboffsets, view.suboffsets, `${what}: suboffsets`);
}

/** PyBuffer_FillInfo for every request over read-only and writable bytes. */
export function fillInfo(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  for (const rec of goldenCapi().fill_info) {
    const what = `fillInfo flags=0x${rec.flags.toString(16)} readonly=${rec.readonly}`;
    caseWith(ctx, capi, ["fillInfo"], what, (c) => {
      const buf = Uint8Array.from([1, 2, 3, 4, 5, 6]).buffer;
      const obj = {};
      if (rec.error) {
        assertThrows(
          () => c.fillInfo(obj, buf, 1, 4, rec.readonly, rec.flags),
          { name: rec.error[0], message: rec.error[1] },
          what,
        );
        return;
      }
      const info = attempt(() => c.fillInfo(obj, buf, 1, 4, rec.readonly, rec.flags), what);
      checkFillInfo(info, obj, buf, rec.view!, what);
      if (typeof c.toContiguous === "function")
        assertSameValue(Array.from(c.toContiguous(info)), [2, 3, 4, 5], `${what}: toContiguous()`);
    });
  }
  fillInfoBounds(ctx, capi, exports);
}

function fillInfoBounds(ctx: Context, capi: Partial<Capi>, exports: Exports): void {
  caseWith(ctx, capi, ["fillInfo"], "fillInfo: READ and WRITE are not requests (CPython 3.12+ refuses them)", (c) => {
    for (const flags of [BufferFlags.READ, BufferFlags.WRITE]) {
      assertThrows(
        () => c.fillInfo(null, new ArrayBuffer(4), 0, 4, false, flags),
        { name: ["ValueError", "SystemError", "TypeError"] },
        `flags 0x${flags.toString(16)}`,
      );
    }
  });
  caseWith(ctx, capi, ["fillInfo"], "fillInfo: bytes must lie inside buf", (c) => {
    const buf = new ArrayBuffer(6);
    const bad: [number, number][] = [
      [-1, 2],
      [0, -1],
      [3, 4],
      [0, 7],
      [6, 1],
      [1.5, 2],
      [0, 2.5],
      [Number.NaN, 1],
      [0, Number.NaN],
      [2 ** 53, 0],
    ];
    for (const [offset, len] of bad) {
      assertThrows(
        () => c.fillInfo(null, buf, offset, len, false, BufferFlags.FULL),
        BUFFER_ERROR,
        `offset ${offset}, len ${len}`,
      );
    }
    for (const [offset, len] of [
      [0, 6],
      [2, 4],
      [6, 0],
      [0, 0],
      [5, 1],
    ] as const) {
      const info = attempt(() => c.fillInfo(null, buf, offset, len, false, BufferFlags.FULL), `offset ${offset}, len ${len}`);
      assertSameValue(
        [info.offset, info.len, info.shape === null ? null : [...info.shape]],
        [offset, len, [len]],
        `offset ${offset}, len ${len}`,
      );
    }
  });
  if (ctx.has("releaseBuffer")) {
    caseWith(
      ctx,
      capi,
      ["fillInfo"],
      "fillInfo: releasing the result calls obj's RELEASE_BUFFER once (PyBuffer_Release)",
      (c) => {
        let calls = 0;
        const obj = { [RELEASE_BUFFER]: () => void calls++ };
        const info = c.fillInfo(obj, new ArrayBuffer(4), 0, 4, true, BufferFlags.FULL_RO);
        assertSameValue(calls, 0, "RELEASE_BUFFER calls before the release");
        exports.release(info);
        assertSameValue(calls, 1, "RELEASE_BUFFER calls after the release");
      },
    );
  }
  if (ctx.supports.detach) {
    caseWith(ctx, capi, ["fillInfo"], "fillInfo: a detached buf", (c) => {
      const buf = new ArrayBuffer(4);
      structuredClone(buf, { transfer: [buf] });
      assertThrows(() => c.fillInfo(null, buf, 0, 0, false, BufferFlags.SIMPLE), { name: "ValueError" }, "fillInfo");
    });
  }
}

/** PyBuffer_SizeFromFormat (struct.calcsize) of valid and invalid formats. */
export function sizes(ctx: Context, capi: Partial<Capi>): void {
  for (const rec of goldenCapi().sizes) {
    const what = `sizeFromFormat(${JSON.stringify(rec.format)})`;
    caseWith(ctx, capi, ["sizeFromFormat"], what, (c) => {
      if (rec.error) {
        assertThrows(() => c.sizeFromFormat(rec.format), { name: rec.error[0], message: rec.error[1] }, what);
      } else {
        assertSameValue(
          attempt(() => c.sizeFromFormat(rec.format), what),
          rec.size,
          what,
        );
      }
    });
  }
}
