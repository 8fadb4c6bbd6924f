/**
 * The `protocol/requests` group's answers: a view's re-export refuses the
 * requests CPython refuses, and a consumer refuses an answer that does not
 * meet its request.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER } from "../../protocol/symbols.js";
import { RawExporter, TestExporter } from "../../test-exporter/index.js";
import { type Exported, RELEASED, SAYS_SOMETHING, bytesInfo, items6 } from "./memoryview-exports.js";

/** memoryview's own refusals as an exporter (memory_getbuf), with their messages. */
export function reexportRefusals(ctx: Context): void {
  const cases: [string, () => TestExporter, number, string][] = [
    [
      "WRITABLE of a read-only view",
      items6,
      BufferFlags.WRITABLE | BufferFlags.ND,
      "memoryview: underlying buffer is not writable",
    ],
    [
      "ANY_CONTIGUOUS of a strided view",
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [3], strides: [2] }),
      BufferFlags.ANY_CONTIGUOUS,
      "memoryview: underlying buffer is not contiguous",
    ],
    [
      "ND of a strided view",
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [3], strides: [2] }),
      BufferFlags.ND,
      "memoryview: underlying buffer is not C-contiguous",
    ],
    ["SIMPLE|FORMAT", items6, BufferFlags.FORMAT, "memoryview: cannot cast to unsigned bytes if the format flag is present"],
  ];
  if (ctx.supports.maxNdim >= 2) {
    cases.push([
      "C_CONTIGUOUS of a Fortran view",
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], fortran: true }),
      BufferFlags.C_CONTIGUOUS,
      "memoryview: underlying buffer is not C-contiguous",
    ]);
    cases.push([
      "F_CONTIGUOUS of a C view",
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] }),
      BufferFlags.F_CONTIGUOUS,
      "memoryview: underlying buffer is not Fortran contiguous",
    ]);
  }
  if (ctx.supports.suboffsets) {
    cases.push([
      "STRIDED of a PIL view",
      () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], pil: true }),
      BufferFlags.STRIDED_RO,
      "memoryview: underlying buffer requires suboffsets",
    ]);
  }
  for (const [name, make, flags, message] of cases) {
    ctx.test(`getbuffer refuses ${name}`, () => {
      const m = ctx.memoryview(make()) as Exported;
      assertThrows(() => m[GET_BUFFER](flags), { name: "BufferError", message }, `getbuffer(${flags})`);
      attempt(() => m.release(), "release() after the refused request");
    });
  }
  ctx.test(`getbuffer of a released view`, () => {
    const m = ctx.memoryview(items6()) as Exported;
    m.release();
    assertThrows(() => m[GET_BUFFER](BufferFlags.FULL_RO), RELEASED, "getbuffer of a released view");
  });
}
/**
 * `getBuffer` of an exporter whose answer breaks the request (PEP 3118:
 * read-only memory for WRITABLE, fields the consumer did not ask for and
 * would not read, fields it asked for left out, memory not as contiguous as
 * asked): refused with BufferError and the export given back, since a
 * consumer that took it would write read-only memory or read the wrong
 * bytes. The same answers for a request they meet are taken.
 */
export function unmetRequests(ctx: Context): void {
  const getBuffer = ctx.impl.getBuffer as ((obj: unknown, flags: number) => BufferInfo) | undefined;
  const releaseBuffer = ctx.impl.releaseBuffer as ((info: BufferInfo) => void) | undefined;
  if (typeof getBuffer !== "function" || typeof releaseBuffer !== "function") {
    ctx.skip(`getBuffer`, "the module exports no getBuffer/releaseBuffer");
    return;
  }
  const F = BufferFlags;
  const plain = (flags: number, extra: Record<string, unknown> = {}) =>
    bytesInfo({
      format: flags & F.FORMAT ? "B" : null,
      shape: (flags & F.ND) === F.ND ? [8] : null,
      strides: (flags & F.STRIDES) === F.STRIDES ? [1] : null,
      ...extra,
    });
  const strided = { len: 4, shape: [4], strides: [2] };
  // [label, request, answer, request the same answer meets (or null)]
  const lies: [string, number, Record<string, unknown>, number | null][] = [
    ["read-only memory for WRITABLE", F.WRITABLE, plain(F.SIMPLE), F.SIMPLE],
    ["a format without FORMAT", F.SIMPLE, plain(F.SIMPLE, { format: "<i", itemsize: 4 }), F.FORMAT],
    ["a shape without ND", F.SIMPLE, plain(F.SIMPLE, { shape: [8] }), F.ND],
    ["strides without STRIDES", F.ND, plain(F.ND, { strides: [1] }), F.STRIDES],
    ["no shape for ND", F.ND, plain(F.SIMPLE), F.SIMPLE],
    ["no strides for STRIDES", F.STRIDES, plain(F.ND), F.ND],
    ["suboffsets without INDIRECT", F.STRIDES, plain(F.STRIDES, { suboffsets: [-1] }), F.INDIRECT],
    ["strided memory for C_CONTIGUOUS", F.C_CONTIGUOUS, plain(F.STRIDES, strided), F.STRIDES],
    ["strided memory for F_CONTIGUOUS", F.F_CONTIGUOUS, plain(F.STRIDES, strided), F.STRIDES],
    ["strided memory for ANY_CONTIGUOUS", F.ANY_CONTIGUOUS, plain(F.STRIDES, strided), F.STRIDES],
    [
      "C-ordered 2x4 memory for F_CONTIGUOUS",
      F.F_CONTIGUOUS,
      plain(F.STRIDES, { ndim: 2, shape: [2, 4], strides: [4, 1] }),
      F.C_CONTIGUOUS,
    ],
    [
      "F-ordered 2x4 memory for C_CONTIGUOUS",
      F.C_CONTIGUOUS,
      plain(F.STRIDES, { ndim: 2, shape: [2, 4], strides: [1, 2] }),
      F.F_CONTIGUOUS,
    ],
  ];
  for (const [label, flags, info, meets] of lies) {
    ctx.test(`getBuffer refuses an answer with ${label}`, () => {
      const x = new RawExporter(info as Omit<BufferInfo, "obj">);
      assertThrows(() => getBuffer(x, flags), { name: "BufferError", message: SAYS_SOMETHING }, `getBuffer(${label})`);
      assertSameValue(x.exports, 0, "the refused export was released");
      if (meets === null) return;
      const taken = attempt(() => getBuffer(x, meets), `getBuffer of the same answer for request ${meets}`);
      releaseBuffer(taken);
      assertSameValue(x.exports, 0, "exports after release");
    });
  }
  for (const [label, flags] of [
    ["ND", F.ND],
    ["STRIDES", F.STRIDES],
  ] as const) {
    ctx.test(`getBuffer takes a 0-dimensional answer with no shape or strides for ${label}`, () => {
      const x = new RawExporter(
        bytesInfo({ ndim: 0, len: 1, shape: null, strides: null, format: null }) as Omit<BufferInfo, "obj">,
      );
      releaseBuffer(attempt(() => getBuffer(x, flags), `getBuffer(0-dim, ${label})`));
      assertSameValue(x.exports, 0, "exports after release");
    });
  }
  ctx.test(`getBuffer of a non-exporter throws CPython's TypeError`, () => {
    for (const value of [5, null, undefined, "abc", [1], {}, () => 0, Symbol("s")]) {
      assertThrows(
        () => getBuffer(value, F.SIMPLE),
        { name: "TypeError", message: /^a bytes-like object is required, not '[^']+'$/ },
        `getBuffer(${String(typeof value)})`,
      );
    }
  });
  const struct = ctx.impl.struct;
  if (struct?.packInto && ctx.supports.structArguments) {
    ctx.test(`packInto refuses an exporter answering WRITABLE with read-only memory`, () => {
      const x = new RawExporter(plain(F.SIMPLE) as Omit<BufferInfo, "obj">);
      const message = `argument must be read-write bytes-like object, not ${x.constructor.name}`;
      assertThrows(() => struct.packInto!("<B", x, 0, 1), { name: "TypeError", message }, "packInto(read-only liar)");
      assertSameValue(new Uint8Array(x.info.buf as ArrayBuffer)[0], 0, "the memory is unchanged");
      assertSameValue(x.exports, 0, "the refused export was released");
    });
  }
}
