/**
 * CPython 3.14's struct additions, recorded from CPython 3.14 itself
 * (`fixtures/golden_complex.json`): the complex codes `F` and `D` (sizes,
 * alignment, byte orders, every kind of value `PyComplex_AsCComplex` takes
 * or refuses, overflow of the float halves), the `UnicodeEncodeError` (a
 * `ValueError`) of a format string that ASCII cannot encode, memoryview's
 * refusal to cast to either code, and a `Uint8Array` (the contract's
 * `bytes`) as a `hex` separator.
 *
 * A module whose manifest says `complexStruct: false` must refuse both codes
 * as CPython 3.13 does: "bad char in struct format".
 *
 * @packageDocumentation
 */

import { assertSameValue, assertThrows, assertTrue, attempt } from "../../assert/index.js";
import type { Context } from "../../common.js";
import type { GoldenStructCase } from "../../golden/golden-data.js";
import { goldenComplex } from "../../golden/golden-complex-data.js";
import type { StructModuleLike } from "../../implementation.js";
import { TestExporter } from "../../test-exporter/index.js";
import { checkRecorded, describeStructCase, runStructCase } from "./recorded-calls.js";

const BAD_CHAR = ["StructError", "bad char in struct format"] as [string, string];

/** A recorded case as a module without the complex codes must answer it. */
function withoutComplex(c: GoldenStructCase): GoldenStructCase {
  return /[FD]/.test(c.format)
    ? { op: c.op, format: c.format, args: c.args, bytes: c.bytes, buffer: c.buffer, offset: c.offset, error: BAD_CHAR }
    : c;
}

/** calcsize, pack, unpack and friends of `F` and `D`. */
export function structCodes(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike> | undefined;
  if (!struct) {
    ctx.skip(`struct`, "the module exports no struct");
    return;
  }
  const cases = [...goldenComplex().calcsize, ...goldenComplex().pack, ...goldenComplex().unpack];
  cases.forEach((recorded, i) => {
    const c = ctx.supports.complexStruct ? recorded : withoutComplex(recorded);
    const what = `#${i} ${describeStructCase(recorded)}`;
    ctx.test(`${what}`, () => checkRecorded(c, () => runStructCase(struct, c), what));
  });
  if (ctx.supports.complexStruct) {
    ctx.test(`pack reads a complex value's real and imag once each, real first`, () => {
      const reads: string[] = [];
      const value = {
        get real() {
          reads.push("real");
          return 1.5;
        },
        get imag() {
          reads.push("imag");
          return -2;
        },
      };
      const packed = attempt(() => struct.pack!("<D", value), "pack('<D', value)");
      assertSameValue(packed, struct.pack!("<D", { real: 1.5, imag: -2 }), "pack('<D', value)");
      assertSameValue(reads.join(","), "real,imag", "the getters run once each, real first");
    });
    ctx.test(`a complex value's parts must be numbers`, () => {
      const values: [string, unknown][] = [
        ["{ real: 1 }", { real: 1 }],
        ["{ real: 1n, imag: 0 }", { real: 1n, imag: 0 }],
        ['{ real: "1", imag: 0 }', { real: "1", imag: 0 }],
        ["[1, 2]", [1, 2]],
        ["Uint8Array(2)", new Uint8Array(2)],
      ];
      for (const [shown, value] of values) {
        const expected = { name: "StructError", message: "required argument is not a complex" };
        assertThrows(() => struct.pack!("D", value), expected, `pack('D', ${shown})`);
      }
    });
  }
}

/** A non-ASCII format string. */
export function nonAscii(ctx: Context): void {
  const struct = ctx.impl.struct as Partial<StructModuleLike> | undefined;
  if (!struct) return;
  goldenComplex().nonAscii.forEach((c, i) => {
    const what = `#${i} ${describeStructCase(c)}`;
    ctx.test(`${what}`, () => {
      checkRecorded(c, () => runStructCase(struct, c), what);
      let caught: unknown;
      try {
        runStructCase(struct, c);
      } catch (error) {
        caught = error;
      }
      const valueError = ctx.impl.ValueError as (new () => Error) | undefined;
      if (typeof valueError === "function") {
        assertTrue(caught instanceof valueError, `${what}: the UnicodeEncodeError is a ValueError`);
      }
    });
  });
}

/** memoryview 3.14 casts to neither code. */
export function casts(ctx: Context): void {
  if (!ctx.supports.cast) {
    ctx.skip(`casts`, "the manifest declares no cast");
    return;
  }
  for (const c of goldenComplex().casts) {
    const what = `memoryview(bytes(32)).cast(${JSON.stringify(c.format)})`;
    ctx.test(`${what}`, () => {
      const m = ctx.memoryview(new TestExporter(new Uint8Array(32)));
      const cast = (m as unknown as { cast: (f: string) => unknown }).cast.bind(m);
      if (c.error === null) attempt(() => cast(c.format), what);
      else assertThrows(() => cast(c.format), { name: c.error[0], message: c.error[1] }, what);
    });
  }
}

/** A Uint8Array is Python's `bytes`, so it is a `hex` separator; a bytearray is not. */
export function hexSeparator(ctx: Context): void {
  ctx.test(`memoryview(b'ab').hex(Uint8Array [0x3a]) is '61:62'`, () => {
    const m = ctx.memoryview(new TestExporter(Uint8Array.of(0x61, 0x62)));
    const hex = (m as unknown as { hex: (...a: unknown[]) => string }).hex.bind(m);
    assertSameValue(
      attempt(() => hex(Uint8Array.of(0x3a)), "hex(sep)"),
      "61:62",
      "hex(Uint8Array [0x3a])",
    );
    assertSameValue(
      attempt(() => hex(Uint8Array.of(0x2d), -1), "hex(sep, -1)"),
      "61-62",
      "hex(Uint8Array [0x2d], -1)",
    );
    assertThrows(
      () => hex(Uint8Array.of(0x3a, 0x3a)),
      { name: "ValueError", message: "sep must be length 1." },
      "hex(two bytes)",
    );
    assertThrows(() => hex(Uint8Array.of(0xe9)), { name: "ValueError", message: "sep must be ASCII." }, "hex(non-ASCII byte)");
  });
  if (ctx.has("bytearray")) {
    ctx.test(`memoryview(b'ab').hex(bytearray(b':')) is a TypeError`, () => {
      const m = ctx.memoryview(new TestExporter(Uint8Array.of(0x61, 0x62)));
      const sep = new (ctx.impl.bytearray as new (x: unknown) => unknown)(Uint8Array.of(0x3a));
      const hex = (m as unknown as { hex: (...a: unknown[]) => string }).hex.bind(m);
      assertThrows(() => hex(sep), { name: "TypeError", message: "sep must be str or bytes." }, "hex(bytearray)");
    });
  }
}
