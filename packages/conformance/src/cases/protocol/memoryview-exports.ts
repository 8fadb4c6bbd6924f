/**
 * The protocol as a consumer and re-exporter must follow it: what a
 * memoryview requests, how exports are counted and released (the managed
 * buffer shared by derived views), refusals with CPython's BufferError
 * messages, and memory that goes away under a live view (detached or
 * shrunk ArrayBuffers).
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { MemoryViewLike } from "../../implementation.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { RawExporter, ReExporter, TestExporter } from "../../test-exporter/index.js";

const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };

type Exported = MemoryViewLike & { [GET_BUFFER](flags: number): BufferInfo; [RELEASE_BUFFER](info: BufferInfo): void };

const items6 = () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { format: "B" });

/** Requests and export counting. */
export function exports(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);

  t("memoryview requests FULL_RO once and holds one export", () => {
    const x = items6();
    const m = ctx.memoryview(x);
    assertSameValue(x.log.requests, [BufferFlags.FULL_RO], "requests");
    assertSameValue(x.exports, 1, "exports");
    m.release();
    assertSameValue(x.exports, 0, "exports after release()");
  });
  t("memoryview of a memoryview shares the export (no second request)", () => {
    const x = items6();
    const a = ctx.memoryview(x);
    const b = ctx.memoryview(a);
    assertSameValue(x.log.requests.length, 1, "requests made of the exporter");
    assertSameValue(b.obj === x, true, "obj of the second view is the exporter");
    a.release();
    assertSameValue(x.exports, 1, "the second view keeps the export");
    assertSameValue(
      attempt(() => b.tolist(), "tolist() of the second view"),
      [1, 2, 3, 4, 5, 6],
      "second view still reads",
    );
    b.release();
    assertSameValue(x.exports, 0, "exports after both are released");
    assertSameValue(x.log.misreleases, [], "misreleases");
  });
  t("a slice keeps the export after its parent is released", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4]);
    const m = ctx.memoryview(x);
    const s = m.get(ctx.slice(1, null, null)) as MemoryViewLike;
    m.release();
    assertSameValue(x.exports, 1, "exports after the parent's release()");
    assertSameValue(s.tolist(), [2, 3, 4], "the slice still reads");
    s.release();
    assertSameValue(x.exports, 0, "exports after the slice's release()");
  });
  t("toreadonly() and cast() views share the export", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4], { writable: true });
    const m = ctx.memoryview(x);
    const r = m.toreadonly();
    const views = [m, r];
    if (ctx.supports.cast) views.push(m.cast("B", [2, 2]));
    assertSameValue(x.log.requests.length, 1, "requests");
    for (const v of views) v.release();
    assertSameValue(x.exports, 0, "exports after every view is released");
  });
  t("release() with one live export is refused (BufferError), then allowed", () => {
    const m = ctx.memoryview(items6());
    const r = new ReExporter(m);
    assertThrows(() => m.release(), { name: "BufferError", message: "memoryview has 1 exported buffer" }, "release()");
    assertSameValue(m.released, false, "released");
    r.release();
    attempt(() => m.release(), "release() after the export ended");
    assertSameValue(m.released, true, "released");
  });
  t("release() with two live exports names both", () => {
    const m = ctx.memoryview(items6()) as Exported;
    const a = m[GET_BUFFER](BufferFlags.FULL_RO);
    const b = m[GET_BUFFER](BufferFlags.ND);
    assertThrows(() => m.release(), { name: "BufferError", message: "memoryview has 2 exported buffers" }, "release()");
    m[RELEASE_BUFFER](a);
    m[RELEASE_BUFFER](b);
    attempt(() => m.release(), "release()");
  });
  t("a redirecting re-exporter passes requests and releases through", () => {
    const x = items6();
    const r = new ReExporter(x, BufferFlags.FULL_RO, { redirect: true });
    const m = ctx.memoryview(r);
    assertSameValue(x.exports, 1, "exports of the exporter underneath");
    assertSameValue(m.tolist(), [1, 2, 3, 4, 5, 6], "tolist()");
    m.release();
    assertSameValue(x.exports, 0, "exports after release()");
  });
  t("a memoryview of a re-exporter sees the same memory", () => {
    const x = TestExporter.fromItems([9, 8, 7], { writable: true });
    const r = new ReExporter(x, BufferFlags.FULL);
    const m = ctx.memoryview(r);
    m.set(0, 1);
    assertSameValue(x.memory[0], 1, "write through the re-exporter");
    m.release();
    r.release();
    assertSameValue(x.exports, 0, "exports");
  });
  t("a failing exporter: memoryview() throws its BufferError", () => {
    const x = new TestExporter([1, 2, 3], { getbufFail: true });
    assertThrows(() => ctx.memoryview(x), { name: "BufferError" }, "memoryview()");
    assertSameValue(x.exports, 0, "exports");
  });
  t("[Symbol.dispose]() releases", () => {
    const x = items6();
    const m = ctx.memoryview(x) as MemoryViewLike & { [Symbol.dispose]?: () => void };
    const dispose = (Symbol as { dispose?: symbol }).dispose;
    assertTrue(
      dispose !== undefined && typeof (m as unknown as Record<symbol, unknown>)[dispose] === "function",
      "view has [Symbol.dispose]",
    );
    (m as unknown as Record<symbol, () => void>)[dispose as symbol]!();
    assertSameValue(m.released, true, "released");
    assertSameValue(x.exports, 0, "exports");
  });
}

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

/** A valid answer: 8 read-only bytes, format 'B', with `extra` fields over it. */
const bytesInfo = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  buf: new ArrayBuffer(8),
  offset: 0,
  len: 8,
  readonly: true,
  itemsize: 1,
  format: "B",
  ndim: 1,
  shape: [8],
  strides: [1],
  suboffsets: null,
  ...extra,
});

/** Invalid BufferInfos are refused with BufferError, and the export is given back. */
export function invalidInfos(ctx: Context): void {
  const base = (): Omit<BufferInfo, "obj"> => bytesInfo() as unknown as Omit<BufferInfo, "obj">;
  const lies: [string, Partial<Omit<BufferInfo, "obj">>][] = [
    ["shape past the end of buf", { shape: [9], len: 9 }],
    ["offset past the end of buf", { offset: 1 }],
    ["negative offset", { offset: -1 }],
    ["stride reaching past the end", { shape: [5], len: 5, strides: [2] }],
    ["negative stride reaching before the start", { shape: [2], len: 2, strides: [-1] }],
    ["len that is not product(shape) * itemsize", { len: 7 }],
    ["itemsize that is not calcsize(format)", { itemsize: 2, format: "B", shape: [4], strides: [2] }],
    ["zero itemsize", { itemsize: 0 }],
    ["negative shape entry", { shape: [-1], len: -1 }],
    ["shape shorter than ndim", { ndim: 2 }],
    ["strides shorter than ndim", { ndim: 2, shape: [2, 4], strides: [4] }],
    ["two dimensions overrunning", { ndim: 2, shape: [3, 3], strides: [3, 1], len: 9 }],
    ["format 'd' over 8 bytes at offset 1", { format: "d", itemsize: 8, shape: [1], strides: [8], len: 8, offset: 1 }],
    ["0-dim item past the end", { ndim: 0, shape: [], strides: [], len: 1, offset: 8 }],
    // Fields of the wrong type or value: nothing can be trusted, so nothing is read.
    ["buf that is a Uint8Array, not its ArrayBuffer", { buf: new Uint8Array(8) as never }],
    ["buf that is a number", { buf: 8 as never }],
    ["buf that is null", { buf: null as never }],
    ["itemsize 1.5", { itemsize: 1.5 }],
    ["itemsize '1'", { itemsize: "1" as never }],
    ["negative itemsize", { itemsize: -1, len: -8 }],
    ["format that is a number", { format: 66 as never }],
    ["format that no parser reads", { format: "Z" }],
    ["format 'i' with itemsize 1", { format: "i" }],
    ["ndim 1.5", { ndim: 1.5 }],
    ["negative ndim", { ndim: -1 }],
    ["ndim above 64", { ndim: 65, shape: new Array(65).fill(1), strides: new Array(65).fill(0), len: 1 }],
    ["ndim '1'", { ndim: "1" as never }],
    ["shape entry 2.5", { shape: [2.5], len: 2.5 }],
    ["shape entry '8'", { shape: ["8"] as never }],
    ["shape that is not an array", { shape: 8 as never }],
    ["stride 0.5", { strides: [0.5] }],
    ["stride '1'", { strides: ["1"] as never }],
    ["strides longer than ndim", { strides: [1, 1] }],
    ["offset 0.5", { offset: 0.5 }],
    ["offset NaN", { offset: Number.NaN }],
    ["len 8.5", { len: 8.5 }],
    ["len that is a string", { len: "8" as never }],
    ["suboffsets shorter than ndim", { ndim: 2, shape: [2, 4], strides: [8, 1], suboffsets: [0] }],
    ["suboffsets that are not an array", { suboffsets: 0 as never }],
    ["strides that are not an array", { strides: 1 as never }],
    ["suboffset 1.5", { suboffsets: [1.5] }],
    ["a second dimension overrunning backwards", { ndim: 2, shape: [2, 4], strides: [4, -1], len: 8 }],
    ["a huge shape with a zero stride and len to match", { shape: [2 ** 53], strides: [0], len: 2 ** 53 }],
  ];
  for (const [name, patch] of lies) {
    // A module limited to a few formats cannot tell an unreadable format
    // from one it does not support: it may take the view and refuse its items.
    if (patch.format === "Z" && !ctx.supports.structFormats) continue;
    ctx.test(`invalid BufferInfo: ${name}`, () => {
      const liar = new RawExporter({ ...base(), ...patch });
      // an implementation limited to fewer dimensions may refuse those first
      const names = (patch.ndim ?? 1) > ctx.supports.maxNdim ? ["BufferError", "NotImplementedError"] : ["BufferError"];
      // No CPython wording to match (CPython trusts its exporters), but the refusal must say what broke.
      assertThrows(
        () => ctx.memoryview(liar).tolist(),
        { name: names, message: /\S/ },
        `memoryview() of an exporter with ${name}`,
      );
      assertSameValue(liar.exports, 0, "the refused export was released");
    });
  }
}

/** Memory that goes away: a detached or shrunk ArrayBuffer under a live view. */
export function lostMemory(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const accesses: [string, (m: MemoryViewLike) => unknown][] = [
    ["tolist()", (m) => m.tolist()],
    ["get(0)", (m) => m.get(0)],
    ["set(0, 1)", (m) => m.set(0, 1)],
    ["tobytes()", (m) => m.tobytes()],
    ["hex()", (m) => m.hex()],
    ["get(slice).tolist()", (m) => (m.get(ctx.slice(1, null, null)) as MemoryViewLike).tolist()],
    ["[...view]", (m) => [...m]],
  ];
  for (const [name, access] of accesses) {
    if (ctx.supports.detach) {
      t(`detached ArrayBuffer: ${name} throws ValueError`, () => {
        const x = TestExporter.fromItems([1, 2, 3, 4], { writable: true });
        const m = ctx.memoryview(x);
        x.detach();
        assertThrows(() => access(m), { name: "ValueError" }, `${name} after detach`);
      });
    }
    if (ctx.supports.resizable) {
      t(`shrunk resizable ArrayBuffer: ${name} throws ValueError`, () => {
        const x = TestExporter.fromItems([1, 2, 3, 4], { writable: true, resizable: true });
        const m = ctx.memoryview(x);
        x.shrink(2);
        assertThrows(() => access(m), { name: "ValueError" }, `${name} after shrinking below the view`);
      });
    }
  }
  if (ctx.supports.detach) {
    t("memoryview(ArrayBuffer) notices a detach", () => {
      const ab = new ArrayBuffer(4);
      const m = ctx.memoryview(ab);
      structuredClone(ab, { transfer: [ab] });
      assertThrows(() => m.tolist(), { name: "ValueError" }, "tolist() after detach");
    });
  }
  if (ctx.supports.resizable) {
    t("a view inside a shrunk buffer still reads", () => {
      const x = TestExporter.fromItems([1, 2, 3, 4, 5, 6, 7, 8], { writable: true, resizable: true, shape: [2] });
      const m = ctx.memoryview(x);
      x.shrink(4);
      assertSameValue(
        attempt(() => m.tolist(), "tolist()"),
        [1, 2],
        "tolist() of a view still inside",
      );
    });
  }
  if (!ctx.supports.detach) ctx.skip(`detached ArrayBuffer`, "supports.detach is false");
  if (!ctx.supports.resizable) ctx.skip(`resizable ArrayBuffer`, "supports.resizable is false");
}

/** A non-empty message: the refusals below have no CPython wording to match, but must say something. */
const SAYS_SOMETHING = /\S/;

/** An exporter answering with `answer()` whatever is asked, counting its exports. */
function answering(answer: () => unknown): { exporter: object; exports: () => number } {
  let exports = 0;
  const exporter = {
    [GET_BUFFER](_flags: number) {
      exports++;
      return answer();
    },
    [RELEASE_BUFFER](_info: unknown) {
      exports--;
    },
  };
  return { exporter, exports: () => exports };
}

/**
 * Answers that are not BufferInfos, or whose fields cannot be read: the
 * consumer refuses them with BufferError (the contract: an answer is
 * validated on receipt) and a getter's own ValueError or BufferError on
 * `buf` passes through (a re-exported view reporting its base's release).
 */
export function brokenAnswers(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const answers: [string, () => unknown][] = [
    ["null", () => null],
    ["undefined", () => undefined],
    ["a number", () => 5],
    ["a string", () => "info"],
    [
      "an info whose len getter throws",
      () =>
        Object.defineProperty(bytesInfo(), "len", {
          get: () => {
            throw new Error("boom");
          },
        }),
    ],
    [
      "an info whose shape entry getter throws",
      () =>
        bytesInfo({
          shape: Object.defineProperty([0], 0, {
            get: () => {
              throw new Error("boom");
            },
          }),
        }),
    ],
    [
      "an info whose buf getter throws",
      () =>
        Object.defineProperty(bytesInfo(), "buf", {
          get: () => {
            throw new Error("boom");
          },
        }),
    ],
    ["an info with 65 strides", () => bytesInfo({ strides: new Array(65).fill(1) })],
  ];
  for (const [label, answer] of answers) {
    // A getter that throws is the exporter failing: as a failing getbufferproc
    // in CPython, its own error may come through, or the consumer's BufferError.
    const names = label.includes("getter throws") ? ["BufferError", "Error"] : ["BufferError"];
    t(`an exporter answering ${label} is refused`, () => {
      const { exporter, exports } = answering(answer);
      assertThrows(() => ctx.memoryview(exporter).tolist(), { name: names, message: SAYS_SOMETHING }, `memoryview() of ${label}`);
      assertSameValue(exports(), 0, "the refused export was released");
    });
  }
  t("a buf getter's ValueError passes through", () => {
    const { exporter } = answering(() =>
      Object.defineProperty(bytesInfo(), "buf", {
        get: () => {
          throw new (ctx.impl.ValueError as new (m: string) => Error)("gone");
        },
      }),
    );
    assertThrows(
      () => ctx.memoryview(exporter).tolist(),
      { name: "ValueError", message: "gone" },
      "memoryview() of a buf getter throwing ValueError",
    );
  });
  t("a function with GET_BUFFER is an exporter", () => {
    const exporter = Object.assign(() => 0, {
      [GET_BUFFER]: (_flags: number) => ({ ...bytesInfo({ buf: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8).buffer }), obj: null }),
    });
    assertSameValue(
      attempt(() => ctx.memoryview(exporter).tolist(), "memoryview(function exporter)"),
      [1, 2, 3, 4, 5, 6, 7, 8],
      "tolist()",
    );
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
