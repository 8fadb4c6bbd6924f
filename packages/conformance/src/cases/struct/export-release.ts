/**
 * The `struct/iter_unpack` group's export cases: an exporter's export is
 * held only while struct uses it, and an `iterUnpack` iterator gives it
 * back when exhausted or closed by a `for…of` left early.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { StructModuleLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";

/**
 * An exporter's export is held only while struct uses it: given back after
 * each call, whether it succeeds or fails; an `iterUnpack` iterator gives it
 * back when exhausted (as CPython's `unpackiter_iternext` does) or closed by
 * a `for…of` left early, and is done after that.
 */
export function exportRelease(ctx: Context, struct: Partial<StructModuleLike>): void {
  const t = (name: string, body: () => void) => ctx.test(`${name}`, body);
  const six = () => new TestExporter([1, 2, 3, 4, 5, 6], { writable: true });
  const calls: [string, (x: TestExporter) => unknown, { name: string; message?: string } | null][] = [];
  if (struct.unpack) {
    calls.push(["unpack('<6B')", (x) => struct.unpack!("<6B", x), null]);
    calls.push([
      "unpack('<4B') of 6 bytes",
      (x) => struct.unpack!("<4B", x),
      { name: "StructError", message: "unpack requires a buffer of 4 bytes" },
    ]);
  }
  if (struct.unpackFrom) {
    calls.push(["unpackFrom('<2B', -2)", (x) => struct.unpackFrom!("<2B", x, -2), null]);
    calls.push([
      "unpackFrom('<2B', -1)",
      (x) => struct.unpackFrom!("<2B", x, -1),
      { name: "StructError", message: "not enough data to unpack 2 bytes at offset -1" },
    ]);
    calls.push([
      "unpackFrom('<2B', 'a')",
      (x) => struct.unpackFrom!("<2B", x, "a" as never),
      { name: "TypeError", message: "'str' object cannot be interpreted as an integer" },
    ]);
  }
  if (struct.packInto) {
    calls.push(["packInto('<2B', -2)", (x) => struct.packInto!("<2B", x, -2, 7, 8), null]);
    calls.push([
      "packInto('<2B', -1)",
      (x) => struct.packInto!("<2B", x, -1, 7, 8),
      { name: "StructError", message: "no space to pack 2 bytes at offset -1" },
    ]);
    calls.push(["packInto('<2B', 0, 256)", (x) => struct.packInto!("<2B", x, 0, 1, 256), { name: "StructError" }]);
  }
  if (struct.iterUnpack) {
    calls.push([
      "iterUnpack('<4B') of 6 bytes",
      (x) => struct.iterUnpack!("<4B", x),
      { name: "StructError", message: "iterative unpacking requires a buffer of a multiple of 4 bytes" },
    ]);
  }
  for (const [label, call, error] of calls) {
    t(`${label} over an exporter gives the export back`, () => {
      const x = six();
      if (error === null) attempt(() => call(x), label);
      else assertThrows(() => call(x), error, label);
      assertSameValue(x.exports, 0, "exports left");
      assertSameValue(x.log.misreleases, [], "misreleases");
    });
  }
  if (!struct.iterUnpack) return;
  t("iterUnpack over an exporter gives the export back once exhausted", () => {
    const x = six();
    const values = [...attempt(() => struct.iterUnpack!("<2B", x), "iterUnpack('<2B')")].map((v) => Array.from(v));
    assertSameValue(
      values,
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      "the structs",
    );
    assertSameValue(x.exports, 0, "exports left");
  });
  t("iterUnpack over an exporter, left early by a for…of, gives the export back and is done", () => {
    const x = six();
    const iterator = struct.iterUnpack!("<2B", x)[Symbol.iterator]();
    const first = iterator.next();
    assertSameValue(first.done === true ? null : Array.from(first.value), [1, 2], "the first struct");
    for (const v of { [Symbol.iterator]: () => iterator }) {
      assertSameValue(Array.from(v), [3, 4], "the second struct");
      break;
    }
    assertSameValue(x.exports, 0, "exports left after break");
    assertTrue(iterator.next().done === true, "next() after the loop is done");
  });
  if (!ctx.supports.detach) {
    ctx.skip("iterUnpack over a buffer detached during the iteration", "the module declares detach: false");
  } else {
    t("iterUnpack over a buffer detached during the iteration throws ValueError", () => {
      const bytes = Uint8Array.from([1, 2, 3, 4]);
      const iterator = struct.iterUnpack!("<2B", bytes)[Symbol.iterator]();
      iterator.next();
      structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
      assertThrows(() => iterator.next(), { name: "ValueError" }, "next() after the detach");
    });
  }
}
