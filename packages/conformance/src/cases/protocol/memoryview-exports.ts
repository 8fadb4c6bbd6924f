/**
 * The `protocol/validation` group's cases of memoryview as a consumer:
 * invalid BufferInfos and broken answers refused with BufferError and the
 * export given back, and memory that goes away under a live view (detached
 * or shrunk ArrayBuffers). The helpers here (`Exported`, `bytesInfo`, …)
 * also serve `export-counting.ts` and `request-answers.ts`.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { MemoryViewLike } from "../../implementation.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { RawExporter, TestExporter } from "../../test-exporter/index.js";

export const RELEASED = { name: "ValueError", message: "operation forbidden on released memoryview object" };

export type Exported = MemoryViewLike & { [GET_BUFFER](flags: number): BufferInfo; [RELEASE_BUFFER](info: BufferInfo): void };

export const items6 = () => TestExporter.fromItems([1, 2, 3, 4, 5, 6], { format: "B" });

/** A valid answer: 8 read-only bytes, format 'B', with `extra` fields over it. */
export const bytesInfo = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
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
export const SAYS_SOMETHING = /\S/;

/** An exporter answering with `answer()` whatever is asked, counting its exports. */
export function answering(answer: () => unknown): { exporter: object; exports: () => number } {
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
