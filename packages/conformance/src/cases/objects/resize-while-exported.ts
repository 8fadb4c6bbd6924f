/**
 * Python's own exporters as the contract renders them: `bytes` is read-only;
 * `bytearray` and `array` are writable and refuse to resize while an export
 * is live ("Existing exports of data: object cannot be re-sized").
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { construct } from "../../implementation.js";
import type { BufferInfo } from "../../protocol/buffer-info.js";
import { BufferFlags } from "../../protocol/flags.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";

const RESIZE = { name: "BufferError", message: "Existing exports of data: object cannot be re-sized" };

/**
 * What a resize under a live export throws. SPEC.md §8, 5: the contract's
 * array uses the other objects' words; CPython's array (a module declaring
 * deliberateDifferences: false) says its own.
 */
export function resizeRefusal(ctx: Context, kind: string): { name: string; message: string } {
  if (kind === "array" && !ctx.supports.deliberateDifferences)
    return { name: "BufferError", message: "cannot resize an array that is exporting buffers" };
  return RESIZE;
}

type Resizable = { append(value: unknown): void } & Record<symbol, (arg: unknown) => unknown>;

function resizeChecks(ctx: Context, label: string, make: () => Resizable, value: unknown): void {
  const refused = resizeRefusal(ctx, label.startsWith("array") ? "array" : label);
  ctx.test(`${label}: append() while exported throws BufferError, after release it works`, () => {
    const x = make();
    const info = x[GET_BUFFER]!(BufferFlags.FULL_RO) as BufferInfo;
    assertThrows(() => x.append(value), refused, `${label}.append() during an export`);
    x[RELEASE_BUFFER]!(info);
    attempt(() => x.append(value), `${label}.append() after the export was released`);
  });
  if (ctx.has("memoryview")) {
    ctx.test(`${label}: a live memoryview blocks append(); its release() unblocks it`, () => {
      const x = make();
      const m = ctx.memoryview(x);
      assertThrows(() => x.append(value), refused, `${label}.append() under a live view`);
      m.release();
      attempt(() => x.append(value), `${label}.append() after release()`);
      const again = ctx.memoryview(x);
      assertSameValue(again.length, 4, "length after append()");
    });
  }
}

/** bytes, bytearray and array. */
export function exporters(ctx: Context): void {
  if (ctx.has("bytes")) {
    ctx.test(`bytes refuses WRITABLE`, () => {
      const b = construct(ctx.impl.bytes, Uint8Array.from([1, 2])) as Record<symbol, (f: number) => unknown>;
      assertThrows(() => b[GET_BUFFER]!(BufferFlags.WRITABLE), { name: "BufferError" }, "bytes getbuffer(WRITABLE)");
    });
    if (ctx.has("memoryview")) {
      ctx.test(`memoryview(bytes) is read-only 'B' and copies nothing out`, () => {
        const source = Uint8Array.from([1, 2, 3]);
        const m = ctx.memoryview(construct(ctx.impl.bytes, source));
        assertSameValue(m.readonly, true, "readonly");
        assertSameValue(m.format, "B", "format");
        assertSameValue(m.tolist(), [1, 2, 3], "tolist()");
        const copy = m.tobytes();
        copy[0] = 99;
        assertSameValue(m.get(0), 1, "tobytes() is a copy");
      });
    }
  }
  if (ctx.has("bytearray")) {
    resizeChecks(ctx, "bytearray", () => construct(ctx.impl.bytearray, Uint8Array.from([1, 2, 3])) as Resizable, 4);
    if (ctx.has("memoryview")) {
      ctx.test(`memoryview(bytearray) writes through`, () => {
        const ba = construct(ctx.impl.bytearray, Uint8Array.from([1, 2, 3]));
        ctx.memoryview(ba).set(1, 200);
        assertSameValue(ctx.memoryview(ba).tolist(), [1, 200, 3], "a second view sees the write");
      });
    }
  }
  if (ctx.has("array")) {
    for (const [typecode, items, value] of [
      ["h", [1, -2, 3], 4],
      ["d", [0.5, 1.5, -2], 4.25],
      ["q", [1n, 2n, 3n], 4n],
    ] as const) {
      resizeChecks(ctx, `array('${typecode}')`, () => construct(ctx.impl.array, typecode, items) as Resizable, value);
      if (ctx.has("memoryview")) {
        ctx.test(`memoryview(array('${typecode}')) has its typecode as format`, () => {
          const m = ctx.memoryview(construct(ctx.impl.array, typecode, items));
          assertSameValue(m.format, typecode, "format");
          assertSameValue(m.readonly, false, "readonly");
          assertSameValue(m.tolist(), [...items], "tolist()");
        });
      }
    }
  }
}
