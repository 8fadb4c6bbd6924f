/**
 * The `memoryview/user-code` group: user code in the middle of an operation
 * (a source's GET_BUFFER, a generator, a step of an iteration) releases the
 * view, resizes the bytearray behind it, detaches, shrinks or grows its
 * memory. The operation checks again after it: CPython's
 * `CHECK_RELEASED_AGAIN` ("operation forbidden on released memoryview
 * object"), the bytearray's "Existing exports" `BufferError`, `ValueError`
 * for memory gone, and nothing written where the memory no longer backs the
 * object. A bytearray's own slice assignment and `extend`, when their user
 * code resizes it, give CPython 3.14.2's results.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { GroupDefinition } from "../../group-definition.js";
import { construct } from "../../implementation.js";
import { GET_BUFFER, RELEASE_BUFFER } from "../../protocol/symbols.js";

const RELEASED = "operation forbidden on released memoryview object";
const RESIZE = "Existing exports of data: object cannot be re-sized";

/** An exporter of `bytes` whose GET_BUFFER runs `hook` first, counting its exports and releases. */
class HookedSource {
  got = 0;
  released = 0;
  readonly #bytes: Uint8Array;
  readonly #hook: () => void;

  constructor(bytes: Uint8Array, hook: () => void) {
    this.#bytes = bytes;
    this.#hook = hook;
  }

  [GET_BUFFER](flags: number): object {
    this.#hook();
    this.got++;
    const bytes = this.#bytes;
    // The fields the request asks for (FORMAT 0x4, ND 0x8, STRIDES 0x10), as PEP 3118 says.
    return {
      obj: this,
      buf: bytes.buffer,
      offset: bytes.byteOffset,
      len: bytes.length,
      readonly: true,
      itemsize: 1,
      format: flags & 0x4 ? "B" : null,
      ndim: 1,
      shape: flags & 0x8 ? [bytes.length] : null,
      strides: (flags & 0x18) === 0x18 ? [1] : null,
      suboffsets: null,
    };
  }

  [RELEASE_BUFFER](): void {
    this.released++;
  }
}

interface Sequence {
  set(key: unknown, value: unknown): void;
  extend(x: unknown): void;
  clear(): void;
  append(x: unknown): void;
  [Symbol.iterator](): Iterator<number>;
}

function* yieldsAround(values: [number, number], act: () => void): Generator<number> {
  yield values[0];
  act();
  yield values[1];
}

/** The methods of Python's bytearray the cases call that the module's bytearray lacks. */
function missingMethods(ctx: Context): string[] {
  const sample = construct(ctx.impl.bytearray, new Uint8Array(1)) as Record<string, unknown>;
  return ["set", "extend", "clear", "append"].filter((name) => typeof sample[name] !== "function");
}

function memoryviewCases(ctx: Context): void {
  const t = (name: string, body: () => void) => ctx.test(name, body);
  const bytearray = (data: number[]) => construct(ctx.impl.bytearray, Uint8Array.from(data)) as Sequence;
  // Read through a fresh view: a bytearray need not be iterable.
  const contents = (ba: Sequence) => {
    const view = ctx.memoryview(ba);
    try {
      return view.tolist();
    } finally {
      view.release();
    }
  };
  const missing = missingMethods(ctx);

  t("m[0:2] = an exporter whose GET_BUFFER releases m: ValueError, nothing written", () => {
    const ba = bytearray([1, 2, 3, 4]);
    const m = ctx.memoryview(ba);
    const source = new HookedSource(Uint8Array.of(8, 9), () => m.release());
    assertThrows(() => m.set(ctx.slice(0, 2), source), { name: "ValueError", message: RELEASED }, "m[0:2] = source");
    assertSameValue(contents(ba), [1, 2, 3, 4], "the bytearray after");
    assertSameValue(source.released, source.got, "the source's exports released");
  });

  t("m[::2] = an exporter whose GET_BUFFER releases m: ValueError, nothing written", () => {
    const ba = bytearray([1, 2, 3, 4]);
    const m = ctx.memoryview(ba);
    const source = new HookedSource(Uint8Array.of(8, 9), () => m.release());
    assertThrows(() => m.set(ctx.slice(null, null, 2), source), { name: "ValueError", message: RELEASED }, "m[::2] = source");
    assertSameValue(contents(ba), [1, 2, 3, 4], "the bytearray after");
    assertSameValue(source.released, source.got, "the source's exports released");
  });

  if (missing.length > 0) ctx.skip("resizing the bytearray a view exports", `the module's bytearray lacks ${missing.join(", ")}`);
  else
    t("m[0:2] = an exporter whose GET_BUFFER resizes the bytearray m views: BufferError", () => {
      const ba = bytearray([1, 2, 3, 4]);
      const m = ctx.memoryview(ba);
      const source = new HookedSource(Uint8Array.of(8, 9), () => ba.extend(Uint8Array.of(7)));
      assertThrows(() => m.set(ctx.slice(0, 2), source), { name: "BufferError", message: RESIZE }, "m[0:2] = source");
      assertSameValue(contents(ba), [1, 2, 3, 4], "the bytearray after");
      m.release();
    });

  if (!ctx.supports.deliberateDifferences)
    ctx.skip(
      "m.equals(an exporter whose GET_BUFFER releases m)",
      "SPEC §8.13: CPython compares the bytes it resolved before the other operand's export released the view",
    );
  else
    t("m.equals(an exporter whose GET_BUFFER releases m): false, as a released view equals only itself", () => {
      const m = ctx.memoryview(bytearray([1, 2]));
      const source = new HookedSource(Uint8Array.of(1, 2), () => m.release());
      assertSameValue(
        attempt(() => m.equals(source), "m.equals(source)"),
        false,
        "m.equals(source)",
      );
      assertSameValue(source.released, source.got, "the source's exports released");
    });

  t("iteration: m released between steps, the next step is a ValueError", () => {
    const m = ctx.memoryview(bytearray([1, 2, 3]));
    const it = (m as unknown as Iterable<unknown>)[Symbol.iterator]();
    assertSameValue(it.next().value, 1, "the first step");
    m.release();
    assertThrows(() => it.next(), { name: "ValueError", message: RELEASED }, "the step after release()");
  });

  if (ctx.supports.detach) {
    t("m over an ArrayBuffer, m[0:2] = an exporter whose GET_BUFFER detaches it: ValueError, the moved bytes untouched", () => {
      const ab = new ArrayBuffer(4);
      new Uint8Array(ab).set([1, 2, 3, 4]);
      const m = ctx.memoryview(new Uint8Array(ab));
      let moved: ArrayBuffer | null = null;
      const source = new HookedSource(Uint8Array.of(8, 9), () => {
        moved = structuredClone(ab, { transfer: [ab] });
      });
      assertThrows(() => m.set(ctx.slice(0, 2), source), { name: "ValueError" }, "m[0:2] = source");
      assertSameValue([...new Uint8Array(moved as unknown as ArrayBuffer)], [1, 2, 3, 4], "the moved bytes");
      assertSameValue(source.released, source.got, "the source's exports released");
    });

    t("iteration over an ArrayBuffer detached between steps: the next step is a ValueError", () => {
      const ab = new ArrayBuffer(3);
      const m = ctx.memoryview(new Uint8Array(ab));
      const it = (m as unknown as Iterable<unknown>)[Symbol.iterator]();
      assertSameValue(it.next().value, 0, "the first step");
      structuredClone(ab, { transfer: [ab] });
      assertThrows(() => it.next(), { name: "ValueError" }, "the step after the detach");
    });
  } else {
    ctx.skip("detached memory", "the module declares detach: false");
  }

  if (ctx.supports.resizable) {
    t("m over a resizable ArrayBuffer, m[0:2] = an exporter whose GET_BUFFER shrinks it: ValueError", () => {
      const Ctor = ArrayBuffer as unknown as new (
        n: number,
        o: { maxByteLength: number },
      ) => ArrayBuffer & { resize(n: number): void };
      const ab = new Ctor(4, { maxByteLength: 8 });
      const m = ctx.memoryview(new Uint8Array(ab, 0, 4));
      const source = new HookedSource(Uint8Array.of(8, 9), () => ab.resize(1));
      assertThrows(() => m.set(ctx.slice(0, 2), source), { name: "ValueError" }, "m[0:2] = source");
      assertSameValue([...new Uint8Array(ab)], [0], "the byte left");
    });
  } else {
    ctx.skip("resizable memory", "the module declares resizable: false");
  }
}

function bytearrayCases(ctx: Context): void {
  const missing = missingMethods(ctx);
  if (missing.length > 0) {
    ctx.skip("a bytearray resized by its own operation's user code", `the module's bytearray lacks ${missing.join(", ")}`);
    return;
  }
  const t = (name: string, body: () => void) => ctx.test(name, body);
  const bytearray = (data: number[]) => construct(ctx.impl.bytearray, Uint8Array.from(data)) as Sequence;
  const range8 = () => [0, 1, 2, 3, 4, 5, 6, 7];

  t("ba[2:4] = an exporter whose GET_BUFFER clears ba (CPython 3.14: bytearray(b'\\x01\\x02'))", () => {
    const ba = bytearray(range8());
    ba.set(ctx.slice(2, 4), new HookedSource(Uint8Array.of(1, 2), () => ba.clear()));
    assertSameValue([...ba], [1, 2], "ba after");
  });

  t("ba[2:4] = a generator that clears ba (CPython 3.14: bytearray(b'\\x01\\x02'))", () => {
    const ba = bytearray(range8());
    ba.set(
      ctx.slice(2, 4),
      yieldsAround([1, 2], () => ba.clear()),
    );
    assertSameValue([...ba], [1, 2], "ba after");
  });

  t("ba[::2] = a generator that clears ba (CPython 3.14: ValueError)", () => {
    const ba = bytearray(range8());
    assertThrows(
      () =>
        ba.set(
          ctx.slice(null, null, 2),
          yieldsAround([1, 2], () => ba.clear()),
        ),
      { name: "ValueError", message: "attempt to assign bytes of size 2 to extended slice of size 0" },
      "ba[::2] = generator",
    );
  });

  t("ba.extend(a generator that appends 77) (CPython 3.14: the items after the 77)", () => {
    const ba = bytearray(range8());
    ba.extend(yieldsAround([1, 2], () => ba.append(77)));
    assertSameValue([...ba], [0, 1, 2, 3, 4, 5, 6, 7, 77, 1, 2], "ba after");
  });

  t(
    "ba.extend(an exporter whose GET_BUFFER appends 77) (CPython 3.14: inserted at the length read before, bytearray(b'\x00\x01\x05\x06M'))",
    () => {
      const ba = bytearray([0, 1]);
      ba.extend(new HookedSource(Uint8Array.of(5, 6), () => ba.append(77)));
      assertSameValue([...ba], [0, 1, 5, 6, 77], "ba after");
    },
  );
}

/** The `memoryview/user-code` group: its sources of cases and what each needs. */
export const group: GroupDefinition = {
  name: "memoryview/user-code",
  about:
    "user code in the middle of an operation (GET_BUFFER, generators, iteration) releasing, resizing or detaching: checked again after it",
  entries: [
    { needs: ["memoryview", "slice", "bytearray"], cases: memoryviewCases },
    { needs: ["bytearray", "slice"], cases: bytearrayCases },
  ],
};
