/**
 * Re-exporters that adjust what they pass on: an exporter that asks another
 * one (here a memoryview) for its buffer and edits the answer before
 * returning it as its own, as `_testbuffer.ndarray`'s re-exports and NumPy's
 * views over a base do. The consumer must honour every edited field (a
 * window on fewer items, another format, another shape or stride, another
 * memory, a read-only flag), must refuse edits that reach outside the memory
 * with BufferError, and must give the edited answer back on release (the
 * `protocol/requests` group; `consumers.ts` uses its re-exporter for
 * `protocol/release`).
 *
 * The answer is edited in place when the exporter underneath allows it, and
 * copied otherwise, so that an implementation whose answers are frozen is
 * tested the same way.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { MemoryViewLike } from "../../implementation.js";
import type { BufferInfo, Exporter } from "../../protocol/buffer-info.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";
import { TestExporter } from "../../test-exporter/index.js";

type Edit = (info: BufferInfo) => Partial<BufferInfo>;

/**
 * Exports what `inner` exports, with the fields `edit` returns changed and
 * `obj` set to itself; hands each release back to `inner` with the very
 * object `inner` returned (edited in place where that is allowed).
 */
export class EditingReExporter implements Exporter {
  readonly inner: Exporter;
  readonly edit: Edit;
  exports = 0;
  /** Whether the last answer could be edited in place. */
  inPlace = false;
  readonly #given = new Map<BufferInfo, BufferInfo>();

  constructor(inner: unknown, edit: Edit) {
    this.inner = inner as Exporter;
    this.edit = edit;
  }

  [GET_BUFFER](flags: number): BufferInfo {
    const info = this.inner[GET_BUFFER](flags);
    const changes = { ...this.edit(info), obj: this };
    let answer: BufferInfo;
    try {
      Object.assign(info, changes);
      answer = info;
      this.inPlace = true;
    } catch {
      answer = { ...info, ...changes };
      this.inPlace = false;
    }
    this.#given.set(answer, info);
    this.exports++;
    return answer;
  }

  /** The answers given and not yet released. */
  given(): IterableIterator<BufferInfo> {
    return this.#given.keys();
  }

  [RELEASE_BUFFER](answer: BufferInfo): void {
    const info = this.#given.get(answer);
    if (info === undefined) throw new Error("re-exporter: release of an answer it never gave");
    this.#given.delete(answer);
    this.exports--;
    this.inner[RELEASE_BUFFER]?.(info);
  }
}

/** The memory under every case: 12 bytes 0..11 as 'B', writable. */
export const memory = () => TestExporter.fromItems([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], { format: "B", writable: true });

/** The native-endian items of `bytes` read as unsigned 16-bit integers. */
function uint16s(bytes: readonly number[]): number[] {
  return Array.from(new Uint16Array(Uint8Array.from(bytes).buffer));
}

interface Scenario {
  readonly name: string;
  readonly edit: Edit;
  /** What the consumer's memoryview must show. */
  readonly expect: { readonly tolist: unknown; readonly format?: string; readonly shape?: number[]; readonly readonly?: boolean };
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: "a window: offset moved on by 2, 8 items",
    edit: (i) => ({ offset: i.offset + 2, len: 8, shape: [8] }),
    expect: { tolist: [2, 3, 4, 5, 6, 7, 8, 9], shape: [8] },
  },
  {
    name: "fewer items: len and shape 6",
    edit: () => ({ len: 6, shape: [6] }),
    expect: { tolist: [0, 1, 2, 3, 4, 5], shape: [6] },
  },
  {
    name: "every other item: stride 2",
    edit: () => ({ len: 6, shape: [6], strides: [2] }),
    expect: { tolist: [0, 2, 4, 6, 8, 10] },
  },
  {
    name: "reversed: negative stride from the last byte",
    edit: (i) => ({ offset: i.offset + 11, strides: [-1] }),
    expect: { tolist: [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0] },
  },
  {
    name: "two dimensions: shape [3, 4]",
    edit: () => ({ ndim: 2, shape: [3, 4], strides: [4, 1] }),
    expect: {
      tolist: [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
      shape: [3, 4],
    },
  },
  {
    name: "another format of the same size: 'b'",
    edit: (i) => ({ format: "b", offset: i.offset + 10, len: 2, shape: [2] }),
    expect: { tolist: [10, 11], format: "b" },
  },
  {
    name: "another item size: 'H', 6 items",
    edit: () => ({ format: "H", itemsize: 2, shape: [6], strides: [2] }),
    expect: { tolist: uint16s([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), format: "H", shape: [6] },
  },
  {
    name: "read-only",
    edit: () => ({ readonly: true }),
    expect: { tolist: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], readonly: true },
  },
  {
    name: "another memory",
    edit: () => ({ buf: Uint8Array.from([50, 51, 52, 53]).buffer, offset: 0, len: 4, shape: [4], strides: [1] }),
    expect: { tolist: [50, 51, 52, 53], shape: [4] },
  },
];

/**
 * Edits the consumer must refuse: reaching outside the memory, or one field
 * changed so that it disagrees with the others.
 */
const REFUSED: readonly { readonly name: string; readonly edit: Edit; readonly ndim?: number }[] = [
  { name: "offset past the end", edit: (i) => ({ offset: i.offset + 100 }) },
  { name: "one item too many", edit: () => ({ len: 13, shape: [13] }) },
  { name: "a stride reaching past the end", edit: () => ({ strides: [2] }) },
  { name: "a negative stride reaching before the start", edit: () => ({ strides: [-1] }) },
  { name: "an item size past the end", edit: () => ({ format: "q", itemsize: 8, len: 96 }) },
  { name: "a smaller memory", edit: () => ({ buf: new ArrayBuffer(4) }) },
  { name: "len alone changed", edit: () => ({ len: 6 }) },
  { name: "shape alone changed", edit: () => ({ shape: [6] }) },
  { name: "ndim alone changed", edit: () => ({ ndim: 2 }), ndim: 2 },
  { name: "itemsize alone changed", edit: () => ({ itemsize: 2 }) },
  { name: "format alone changed to another size", edit: () => ({ format: "H" }) },
  { name: "strides of the wrong length", edit: () => ({ strides: [1, 1] }) },
];

function checkView(m: MemoryViewLike, s: Scenario): void {
  assertSameValue(m.tolist(), s.expect.tolist, `${s.name}: tolist()`);
  if (s.expect.format !== undefined) assertSameValue(m.format, s.expect.format, `${s.name}: format`);
  if (s.expect.shape !== undefined) assertSameValue(m.shape, s.expect.shape, `${s.name}: shape`);
  assertSameValue(m.readonly, s.expect.readonly ?? false, `${s.name}: readonly`);
}

/** Each edited field is honoured, and the edited answer is given back on release. */
export function edited(ctx: Context): void {
  for (const s of SCENARIOS) {
    // Only what the module declares: its dimensions and formats.
    if ((s.expect.shape?.length ?? 1) > ctx.supports.maxNdim) continue;
    if (!ctx.supports.formats.includes(s.expect.format ?? "B")) continue;
    ctx.test(`${s.name} is what the consumer sees`, () => {
      const inner = ctx.memoryview(memory());
      const r = new EditingReExporter(inner, s.edit);
      const m = ctx.memoryview(r);
      checkView(m, s);
      assertTrue(m.obj === r, `${s.name}: obj is the re-exporter`);
      if (s.expect.readonly) {
        assertThrows(() => m.set(0, 1), { name: "TypeError", message: "cannot modify read-only memory" }, `${s.name}: write`);
      }
      m.release();
      assertSameValue(r.exports, 0, `${s.name}: exports after release()`);
      inner.release();
      assertTrue(inner.released, `${s.name}: the memoryview underneath releases once its export is back`);
    });
    ctx.test(`${s.name}, asked twice`, () => {
      // The second request gets a fresh answer from underneath, edited the same way.
      const inner = ctx.memoryview(memory());
      const r = new EditingReExporter(inner, s.edit);
      const a = ctx.memoryview(r);
      const b = ctx.memoryview(r);
      checkView(b, s);
      checkView(a, s);
      a.release();
      b.release();
      inner.release();
      assertTrue(inner.released, `${s.name}: released`);
    });
  }
  ctx.test(`an unedited re-export writes through to the memory underneath`, () => {
    const x = memory();
    const inner = ctx.memoryview(x);
    const m = ctx.memoryview(new EditingReExporter(inner, () => ({})));
    m.set(3, 99);
    assertSameValue(inner.get(3), 99, "the write is seen underneath");
    assertSameValue(m.tolist(), [0, 1, 2, 99, 4, 5, 6, 7, 8, 9, 10, 11], "tolist()");
  });
}

/** Edits that reach outside the memory are refused, and nothing stays exported. */
export function refused(ctx: Context): void {
  for (const { name, edit, ndim = 1 } of REFUSED) {
    if (ndim > ctx.supports.maxNdim) continue;
    ctx.test(`${name} is refused with BufferError, and handed back`, () => {
      const inner = ctx.memoryview(memory());
      const r = new EditingReExporter(inner, edit);
      assertThrows(() => ctx.memoryview(r), { name: "BufferError" }, name);
      assertSameValue(r.exports, 0, `${name}: the refused answer was released`);
      inner.release();
      assertTrue(inner.released, `${name}: nothing stays exported underneath`);
    });
  }
}
