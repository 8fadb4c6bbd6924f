/**
 * The `memoryview/indexing` group's writes by format
 * (fixtures/golden_formats.py): CPython's truth test behind `?` writes,
 * values a format refuses, and complex items.
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { FormatExporter } from "../../golden/format-exporter.js";
import { decodeTruthValue, goldenFormats } from "../../golden/golden-formats-data.js";
import { TestExporter } from "../../test-exporter/index.js";
import type { Test } from "../struct/pep3118-formats.js";

/** `m[0] = value` on a '?' view stores CPython's truth value of `value`. */
export function truth(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  if (!ctx.supports.formats.includes("?")) {
    ctx.skip(`truth`, "the module declares no '?' format");
    return;
  }
  goldenFormats().truth.forEach((rec, i) => {
    const values = rec.value === null ? [null, undefined] : [decodeTruthValue(rec.value)];
    for (const value of values) {
      const what = `truth #${i} set(0, ${value === undefined ? "undefined" : JSON.stringify(rec.value)})`;
      t(what, () => {
        const x = TestExporter.fromItems([!rec.truth, !rec.truth], { format: "?", writable: true });
        const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
        attempt(() => m.set(0, value), what);
        assertSameValue(m.get(0), rec.truth, `${what}: get(0)`);
        assertSameValue(m.get(1), !rec.truth, `${what}: get(1) untouched`);
        m.release();
      });
    }
  });
  if (ctx.supports.structFormats) {
    t("truth: the '?' fields of T{?:a:?:b:} and (2)? take any value's truth", () => {
      const x = new FormatExporter(new Uint8Array(4), { format: "T{?:a:?:b:}", itemsize: 2, shape: [2], writable: true });
      const m = attempt(() => ctx.memoryview(x), "memoryview()");
      goldenFormats().truth.forEach((rec, i) => {
        const value = decodeTruthValue(rec.value);
        attempt(() => m.set(1, [value, rec.truth]), `truth #${i}: set(1, [value, truth])`);
        assertSameValue(m.get(1), [rec.truth, rec.truth], `truth #${i}: get(1)`);
      });
      const y = new FormatExporter(new Uint8Array(2), { format: "(2)?", itemsize: 2, shape: [1], writable: true });
      const n = attempt(() => ctx.memoryview(y), "memoryview() of (2)?");
      goldenFormats().truth.forEach((rec, i) => {
        attempt(() => n.set(0, [rec.truth, decodeTruthValue(rec.value)]), `truth #${i}: (2)? set(0, [truth, value])`);
        assertSameValue(n.get(0), [rec.truth, rec.truth], `truth #${i}: (2)? get(0)`);
      });
      m.release();
      n.release();
    });
  }
}
/** Writes a struct cannot make: the error's kind, in CPython's words for memoryview. */
export function badWrites(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  if (!ctx.supports.structFormats) {
    ctx.skip(`bad writes`, "the module declares structFormats: false");
    return;
  }
  const cases: [string, number, unknown, "TypeError" | "ValueError"][] = [
    ["T{<h:x:(2)B:y:}", 4, 5, "TypeError"],
    ["T{<h:x:(2)B:y:}", 4, [1], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [1, 2, 3], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [1, 5], "TypeError"],
    ["T{<h:x:(2)B:y:}", 4, [1, [2]], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [1, [2, 3, 4]], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [1, [2, 256]], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [1, [2, -1]], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [40000, [2, 3]], "ValueError"],
    ["T{<h:x:(2)B:y:}", 4, [1, [2, "a"]], "TypeError"],
    ["T{<h:x:(2)B:y:}", 4, [1.5, [2, 3]], "TypeError"],
    ["T{<Zd:z:}", 16, [[1, 2]], "TypeError"],
    ["T{<Zd:z:}", 16, [{ real: 1 }], "TypeError"],
    ["T{<Zd:z:}", 16, [{ real: "x", imag: 1 }], "TypeError"],
    ["T{<Zd:z:}", 16, ["x"], "TypeError"],
    ["T{<Zf:z:}", 8, [{ real: 1e300, imag: 0 }], "ValueError"],
    ["(2,2)<i", 16, [[1, 2], [3]], "ValueError"],
    ["(2,2)<i", 16, [1, 2, 3, 4], "ValueError"],
    ["(2,2)<i", 16, [[1, 2], 3], "TypeError"],
    [
      "(2,2)<i",
      16,
      [
        [1, 2],
        [3, 2 ** 31],
      ],
      "ValueError",
    ],
    ["T{3s:s:i:n:}", 8, [1, 2], "TypeError"],
    ["T{3p:p:}", 3, [7], "TypeError"],
    ["T{c:c:}", 1, [Uint8Array.of(1, 2)], "ValueError"],
    ["T{c:c:}", 1, [7], "TypeError"],
    ["T{e:e:}", 2, [1e6], "ValueError"],
    ["T{T{b:a:}:s:}", 1, [5], "TypeError"],
    ["T{T{b:a:}:s:}", 1, [[128]], "ValueError"],
  ];
  cases.forEach(([format, itemsize, value, name], i) => {
    const what = `bad write #${i} '${format}' set(0, ${JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? `bytes(${[...v]})` : v))})`;
    t(what, () => {
      const x = new FormatExporter(new Uint8Array(2 * itemsize).fill(0x5a), { format, itemsize, shape: [2], writable: true });
      const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
      const message = `memoryview: invalid ${name === "TypeError" ? "type" : "value"} for format '${format}'`;
      assertThrows(() => m.set(0, value), { name, message }, what);
      assertTrue(
        x.memory.every((b) => b === 0x5a),
        `${what}: a refused write changes no byte`,
      );
      m.release();
    });
  });
}

/** Writes into NumPy's complex fields (`Zf`, `Zd`): `{ real, imag }` (SPEC §2), or a real number. */
export function complexWrites(ctx: Context): void {
  const t: Test = (name, body) => ctx.test(`${name}`, body);
  if (!ctx.supports.structFormats) return;
  const cases: [string, number, unknown, unknown][] = [
    ["T{<Zd:z:}", 16, [3], [{ real: 3, imag: 0 }]],
    ["T{<Zd:z:}", 16, [5n], [{ real: 5, imag: 0 }]],
    ["T{<Zd:z:}", 16, [{ real: 1.5, imag: -2 }], [{ real: 1.5, imag: -2 }]],
    ["Zd", 16, 2.5, { real: 2.5, imag: 0 }],
    [">Zf", 8, { real: 0.5, imag: 4 }, { real: 0.5, imag: 4 }],
    [
      "(2)<Zf",
      16,
      [{ real: 1, imag: 2 }, 3],
      [
        { real: 1, imag: 2 },
        { real: 3, imag: 0 },
      ],
    ],
  ];
  cases.forEach(([format, itemsize, value, expected], i) => {
    const what = `complex write #${i} '${format}' set(0, ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))})`;
    t(what, () => {
      const x = new FormatExporter(new Uint8Array(2 * itemsize).fill(0x5a), { format, itemsize, shape: [2], writable: true });
      const m = attempt(() => ctx.memoryview(x), `${what}: memoryview()`);
      attempt(() => m.set(0, value), what);
      assertSameValue(m.get(0), expected, `${what}: get(0)`);
      assertTrue(
        x.memory.subarray(itemsize).every((b) => b === 0x5a),
        `${what}: item 1 untouched`,
      );
      m.release();
    });
  });
}
